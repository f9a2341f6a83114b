// Bundles the extension client, the language server and the CLI into dist/, and writes the licences of what the
// bundles contain to dist/THIRD-PARTY-NOTICES.txt. Type-checking is tsc's job (npm run typecheck).
import { chmodSync, cpSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import * as esbuild from 'esbuild';
import { composeSchemaNotices, generateComposeSchema } from './scripts/composeSchema.mjs';
import { generateConfigValidator } from './scripts/configSchema.mjs';
import { generatePlatformSchemas } from './scripts/platformSchemas.mjs';
import { GENERATED_FOLDER as KUBERNETES_GENERATED, generateKubernetesSchema, kubernetesSchemaNotices } from './scripts/kubernetesSchema.mjs';
import { ALLOWED_LICENSES, bundledPackages, describePackage, noticesText } from './scripts/thirdPartyNotices.mjs';

const production = process.argv.includes('--production');
const watch = process.argv.includes('--watch');

const shared = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  sourcemap: production ? false : 'linked',
  minify: production,
  metafile: true,
  logLevel: 'warning',
  // These packages ship ESM and UMD builds, and esbuild would pick the ESM one even for the CommonJS packages
  // that require them (dockerfile-ast, vscode-languageserver), reaching every export through a getter; the
  // rules' hot paths (Range.create, Position.create) were paying for it. One CommonJS copy serves everyone.
  alias: {
    'vscode-languageserver-types': './node_modules/vscode-languageserver-types/lib/umd/main.js',
    'vscode-languageserver-textdocument': './node_modules/vscode-languageserver-textdocument/lib/umd/main.js',
    // yaml's Node.js build reads process.env.LOG_TOKENS for every token it parses (a debugging switch), and reading
    // the environment is a call into the runtime: 17 % of parsing a 17,000-line manifest. Its browser build is the
    // same code without those reads (and with console.warn for warnings, atob for !!binary, which we do not use).
    yaml: './node_modules/yaml/browser/dist/index.js',
  },
};

const nodeExecutable = { js: '#!/usr/bin/env node' };

const builds = [
  { ...shared, entryPoints: ['client/src/extension.ts'], outfile: 'dist/client/extension.js', external: ['vscode'] },
  { ...shared, entryPoints: ['server/src/server.ts'], outfile: 'dist/server/server.js', banner: nodeExecutable },
  { ...shared, entryPoints: ['server/src/cli/main.ts'], outfile: 'dist/cli/main.js', banner: nodeExecutable },
];

function writeNotices(metafiles) {
  const packages = [...bundledPackages(metafiles).map(describePackage), ...composeSchemaNotices(), ...kubernetesSchemaNotices()];
  const refused = packages.filter((pkg) => !ALLOWED_LICENSES.includes(pkg.license));
  if (refused.length) throw new Error(`Bundled packages with licences we cannot ship: ${refused.map((pkg) => `${pkg.name} (${pkg.license})`).join(', ')}`);
  writeFileSync('dist/THIRD-PARTY-NOTICES.txt', noticesText(packages));
}

// The bundles carry the precompiled compose-spec, config, Render and Railway validators, which are generated, not committed.
await Promise.all([generateComposeSchema(), generateConfigValidator(), generateKubernetesSchema(), generatePlatformSchemas()]);

/**
 * The Kubernetes validators (one module per group of kinds) and definitions stay out of the bundles, which would
 * parse their megabytes at every start: the server and the CLI read them from dist/kubernetes/ when a kind is first
 * checked (server/src/schema/kubernetesSchema.ts). kinds.json, the small index, is bundled.
 */
function copyKubernetesSchema() {
  const target = join('dist', 'kubernetes');
  rmSync(target, { recursive: true, force: true });
  for (const file of readdirSync(KUBERNETES_GENERATED)) {
    if (file.endsWith('.cjs') || file === 'definitions.json') cpSync(join(KUBERNETES_GENERATED, file), join(target, file));
  }
}
copyKubernetesSchema();

/**
 * esbuild escapes non-ASCII characters in strings and regular expressions but leaves the comments it keeps (in the
 * unminified builds) as they are, and one dash or ellipsis in a comment makes V8 hold the whole script source as
 * UTF-16: 6 MB instead of 3 MB for the server, resident for the life of the process. Escaped in comments, they cost
 * nothing; only comment text moves, so the source map still points at the same code.
 */
function asciiOnly(outfile) {
  const text = readFileSync(outfile, 'utf8');
  const nonAscii = /[\u0080-\uffff]/g;
  if (nonAscii.test(text))
    writeFileSync(
      outfile,
      text.replace(nonAscii, (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`),
    );
}

if (watch) {
  const contexts = await Promise.all(builds.map((options) => esbuild.context(options)));
  await Promise.all(contexts.map((context) => context.watch()));
  console.log('esbuild: watching client, server and cli');
} else {
  const results = await Promise.all(builds.map((options) => esbuild.build(options)));
  writeNotices(results.map((result) => result.metafile));
  for (const build of builds) asciiOnly(build.outfile);
  // The bins (package.json "bin") are run directly, e.g. `npx --no-install container-standards` in a checkout.
  for (const build of builds) if (build.banner) chmodSync(build.outfile, 0o755);
}
