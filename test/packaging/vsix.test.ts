import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

const ROOT = join(__dirname, '..', '..');

test('the .vsix holds the bundles, assets and notices only', () => {
  const listing = spawnSync(process.execPath, [join(ROOT, 'node_modules', '@vscode', 'vsce', 'vsce'), 'ls', '--no-dependencies'], {
    cwd: ROOT,
    encoding: 'utf8',
  });
  assert.equal(listing.status, 0, listing.stderr);
  const files = listing.stdout.trim().split('\n');
  const required = [
    'LICENSE',
    'README.md',
    'RULES.md',
    'package.json',
    'dist/THIRD-PARTY-NOTICES.txt',
    'dist/client/extension.js',
    'dist/server/server.js',
    'dist/kubernetes/definitions.json',
    'dist/kubernetes/workloads.cjs',
    'media/walkthrough/what-is-checked.md',
  ];
  assert.deepEqual(
    required.filter((file) => !files.includes(file)),
    [],
    'missing from the package',
  );
  const allowed = [
    ...required.map((file) => new RegExp(`^${file.replace(/\./g, '\\.')}$`)),
    /^snippets\/[\w.-]+\.json$/,
    /^dist\/kubernetes\/[\w-]+\.cjs$/,
    /^schemas\/[\w.-]+\.json$/,
    /^docs\/images\/[\w.-]+\.png$/,
    /^media\/walkthrough\/[\w-]+\.md$/,
  ];
  assert.deepEqual(
    files.filter((file) => !allowed.some((pattern) => pattern.test(file))),
    [],
    'unexpected files in the package (sources, maps, node_modules?)',
  );
});
