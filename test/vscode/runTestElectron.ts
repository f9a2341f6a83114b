// `npm run test:vscode`: the in-editor suite under a downloaded VS Code through @vscode/test-electron, with the
// extension loaded from this checkout (extensionDevelopmentPath) and the bundled suite as extensionTestsPath.
// The download needs the VS Code update host, which the project's own machines cannot reach: there the same suite
// runs inside code-server instead (`npm run test:e2e`). Expects `node esbuild.mjs && node test/vscode/bundle.mjs` first.
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { runTests } from '@vscode/test-electron';

async function main(): Promise<void> {
  const root = resolve(__dirname, '..', '..');
  const SUITE_BUNDLE = join(root, '.test-cache', 'vscode', 'suite.js');
  if (!existsSync(SUITE_BUNDLE)) throw new Error(`${SUITE_BUNDLE} is missing: run \`node test/vscode/bundle.mjs\` first.`);
  const workspace = mkdtempSync(join(tmpdir(), 'container-standards-vscode-'));
  const resultsFile = join(root, '.test-cache', 'vscode', 'test-electron-results.json');
  try {
    await runTests({
      version: process.env.VSCODE_VERSION ?? 'stable',
      extensionDevelopmentPath: root,
      extensionTestsPath: SUITE_BUNDLE,
      launchArgs: [workspace, '--disable-extensions', '--disable-workspace-trust', '--skip-welcome', '--skip-release-notes'],
      extensionTestsEnv: { CONTAINER_STANDARDS_TEST_RESULTS: process.env.CONTAINER_STANDARDS_TEST_RESULTS ?? resultsFile },
    });
  } finally {
    rmSync(workspace, { recursive: true, force: true });
  }
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
