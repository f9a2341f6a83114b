// No eval, no Function constructor, no child process, no network module in what ships: a scan of the bundles (dist/,
// built by `node esbuild.mjs`) and of server/src. Each hit is attributed to the module esbuild names in its
// `// path` comment; a hit must be listed below with why it never runs on workspace content, and a listed exception
// that no longer matches fails too, so the list cannot go stale.
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { test } from 'node:test';
import { repoRoot } from '../helpers/cli';

const CHECKS: Readonly<Record<string, RegExp>> = {
  eval: /(?<![\w$.])eval\s*\(/g,
  'Function constructor': /(?<![\w$.])Function\s*\(/g,
  vm: /require\(\s*["'](?:node:)?vm["']\s*\)|from\s+["'](?:node:)?vm["']/g,
  'child process': /child_process/g,
  network:
    /require\(\s*["'](?:node:)?(?:net|http|https|http2|tls|dgram|dns)["']\s*\)|from\s+["'](?:node:)?(?:net|http|https|http2|tls|dgram|dns)["']|(?<![\w$.])fetch\s*\(|\bXMLHttpRequest\b|\bWebSocket\b/g,
  // A module name computed at run time could load code the bundle does not hold.
  'computed require': /(?<![\w$.])require\(\s*(?!["'`)])/g,
};

interface Exception {
  /** The bundle (relative to the repository), or `source` for server/src. */
  file: string;
  module: string;
  check: string;
  /** How often the pattern occurs there: a new use in the same module fails the test. */
  count: number;
  why: string;
}

const HEALTHCHECK_TEXT =
  "text of the HEALTHCHECK command the fix or starter writes into the user's Dockerfile (a string that runs in their container, never in this process)";
const FILES_HELPERS =
  "Files.resolveGlobalNodePath/resolveGlobalYarnPath/resolve (spawnSync of npm and yarn, fork): helpers the library exports for servers that load a workspace's own modules, such as ESLint's; esbuild keeps them because the library's main module re-exports the Files namespace, and this server calls none of them (the isolation test runs it with child processes forbidden)";
const JSONRPC_TRANSPORTS =
  'net for the --socket and --pipe transports, chosen by whoever starts the server on its command line (VS Code starts it over IPC, other editors over --stdio); never from workspace content';
const KUBERNETES_VALIDATORS =
  'loads one precompiled Kubernetes validator module from dist/kubernetes/, named by the generated index (kinds.json), looked up with Object.hasOwn by apiVersion and kind: a manifest can only pick one of the modules the build wrote';

const EXCEPTIONS: readonly Exception[] = [
  { file: 'dist/server/server.js', module: 'node_modules/vscode-languageserver/lib/node/files.js', check: 'child process', count: 7, why: FILES_HELPERS },
  { file: 'dist/server/server.js', module: 'node_modules/vscode-jsonrpc/lib/node/main.js', check: 'network', count: 1, why: JSONRPC_TRANSPORTS },
  { file: 'dist/server/server.js', module: 'server/src/rules/dockerfile/missing-healthcheck.ts', check: 'network', count: 2, why: HEALTHCHECK_TEXT },
  { file: 'dist/server/server.js', module: 'server/src/schema/kubernetesSchema.ts', check: 'computed require', count: 1, why: KUBERNETES_VALIDATORS },
  { file: 'dist/cli/main.js', module: 'server/src/rules/dockerfile/missing-healthcheck.ts', check: 'network', count: 2, why: HEALTHCHECK_TEXT },
  { file: 'dist/cli/main.js', module: 'server/src/scaffold/templates/dockerfile.ts', check: 'network', count: 1, why: HEALTHCHECK_TEXT },
  { file: 'dist/cli/main.js', module: 'server/src/schema/kubernetesSchema.ts', check: 'computed require', count: 1, why: KUBERNETES_VALIDATORS },
  { file: 'source', module: 'server/src/rules/dockerfile/missing-healthcheck.ts', check: 'network', count: 2, why: HEALTHCHECK_TEXT },
  { file: 'source', module: 'server/src/scaffold/templates/dockerfile.ts', check: 'network', count: 1, why: HEALTHCHECK_TEXT },
  { file: 'source', module: 'server/src/schema/kubernetesSchema.ts', check: 'computed require', count: 1, why: KUBERNETES_VALIDATORS },
  // The extension's client starts the language server: a child process by design, of a module inside the extension.
  {
    file: 'dist/client/extension.js',
    module: 'node_modules/vscode-languageclient/lib/node/main.js',
    check: 'child process',
    count: 1,
    why: "forks the extension's own dist/server/server.js (context.asAbsolutePath; no setting or workspace file names the server)",
  },
  {
    file: 'dist/client/extension.js',
    module: 'node_modules/vscode-languageclient/lib/node/processes.js',
    check: 'child process',
    count: 1,
    why: 'stops that server process when the extension stops (taskkill on Windows, a signal elsewhere)',
  },
  { file: 'dist/client/extension.js', module: 'node_modules/vscode-jsonrpc/lib/node/main.js', check: 'network', count: 1, why: JSONRPC_TRANSPORTS },
  // The editor's scaffolding commands render the same starters as `init`.
  { file: 'dist/client/extension.js', module: 'server/src/scaffold/templates/dockerfile.ts', check: 'network', count: 1, why: HEALTHCHECK_TEXT },
];

const BUNDLES = ['dist/server/server.js', 'dist/cli/main.js', 'dist/client/extension.js'];

/** Pattern matches per module of one bundle, split at esbuild's `// node_modules/…` and `// server/src/…` headers. */
function hitsOfBundle(file: string): Map<string, number> {
  const hits = new Map<string, number>();
  let module = '(bundle preamble)';
  for (const line of readFileSync(join(repoRoot, file), 'utf8').split('\n')) {
    const header = /^\/\/ ((?:node_modules|server\/src|client\/src)\/\S+)$/.exec(line);
    if (header) {
      module = header[1]!;
      continue;
    }
    count(hits, module, line);
  }
  return hits;
}

function count(hits: Map<string, number>, module: string, text: string): void {
  for (const [check, pattern] of Object.entries(CHECKS)) {
    const found = text.match(pattern)?.length ?? 0;
    if (found) hits.set(`${module}|${check}`, (hits.get(`${module}|${check}`) ?? 0) + found);
  }
}

function* sourceFiles(folder: string): Generator<string> {
  for (const entry of readdirSync(folder, { withFileTypes: true })) {
    const path = join(folder, entry.name);
    if (entry.isDirectory()) yield* sourceFiles(path);
    else if (/\.(ts|js|cjs|mjs)$/.test(entry.name)) yield path;
  }
}

function expectedHits(file: string): Map<string, number> {
  return new Map(EXCEPTIONS.filter((exception) => exception.file === file).map((exception) => [`${exception.module}|${exception.check}`, exception.count]));
}

for (const file of BUNDLES) {
  test(`${file}: no eval, Function constructor, vm, child process, network module or computed require outside the explained exceptions`, () => {
    assert.ok(existsSync(join(repoRoot, file)), `${file} is missing: build it with node esbuild.mjs`);
    assert.deepEqual(Object.fromEntries(hitsOfBundle(file)), Object.fromEntries(expectedHits(file)));
  });
}

test('dist/kubernetes: the precompiled validators hold no eval, Function constructor, child process, network module or require', () => {
  const folder = join(repoRoot, 'dist/kubernetes');
  assert.ok(existsSync(folder), 'dist/kubernetes is missing: build it with node esbuild.mjs');
  const hits = new Map<string, number>();
  for (const name of readdirSync(folder).filter((name) => name.endsWith('.cjs')))
    count(hits, `dist/kubernetes/${name}`, readFileSync(join(folder, name), 'utf8'));
  assert.deepEqual(Object.fromEntries(hits), {});
});

test('server/src (generated validators included): the same, outside the explained exceptions', () => {
  const hits = new Map<string, number>();
  for (const path of sourceFiles(join(repoRoot, 'server/src'))) {
    const text = readFileSync(path, 'utf8')
      .split('\n')
      // Comments may name what the code must not do.
      .filter((line) => !/^\s*(\/\/|\*|\/\*)/.test(line))
      .join('\n');
    count(hits, relative(repoRoot, path), text);
  }
  assert.deepEqual(Object.fromEntries(hits), Object.fromEntries(expectedHits('source')));
});

test('every exception says why', () => {
  for (const exception of EXCEPTIONS) assert.ok(exception.why.length > 40, `${exception.module}: explain the exception`);
});
