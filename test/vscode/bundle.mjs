// Bundles the in-editor suite (test/vscode/suite/) with esbuild, `vscode` external:
// - .test-cache/vscode/suite.js: the @vscode/test-electron entry (exports run());
// - .test-cache/vscode/runner-extension/: the dev-only runner extension for code-server (package.json + dist/extension.js).
// `node test/vscode/bundle.mjs` builds both.
import { copyFileSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as esbuild from 'esbuild';

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const OUT = join(ROOT, '.test-cache', 'vscode');
export const SUITE_BUNDLE = join(OUT, 'suite.js');
export const RUNNER_FOLDER = join(OUT, 'runner-extension');

const shared = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  sourcemap: 'inline',
  external: ['vscode'],
  logLevel: 'warning',
  define: { __CONTAINER_STANDARDS_REPO__: JSON.stringify(ROOT) },
};

export async function bundleSuite() {
  await esbuild.build({ ...shared, entryPoints: [join(ROOT, 'test/vscode/suite/index.ts')], outfile: SUITE_BUNDLE });
  return SUITE_BUNDLE;
}

/** The runner extension as a folder ready for `vsce package`. */
export async function buildRunnerExtension() {
  rmSync(RUNNER_FOLDER, { recursive: true, force: true });
  mkdirSync(RUNNER_FOLDER, { recursive: true });
  await esbuild.build({ ...shared, entryPoints: [join(ROOT, 'test/vscode/runner-extension/extension.ts')], outfile: join(RUNNER_FOLDER, 'dist/extension.js') });
  copyFileSync(join(ROOT, 'test/vscode/runner-extension/package.json'), join(RUNNER_FOLDER, 'package.json'));
  writeFileSync(join(RUNNER_FOLDER, '.vscodeignore'), '**\n!package.json\n!dist/extension.js\n');
  writeFileSync(join(RUNNER_FOLDER, 'LICENSE'), 'MIT\n');
  return RUNNER_FOLDER;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  await bundleSuite();
  await buildRunnerExtension();
  console.log(`bundled ${SUITE_BUNDLE} and ${RUNNER_FOLDER}`);
}
