// `lint --fix`: safe fixes are written to disk, and what is left is reported.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { lintJson, runCli, tempFolder } from '../helpers/cli';

// bitnami/node runs as a non-root user and is not a full language image, so with the HEALTHCHECK the shell-form
// CMDs are the only problems of these Dockerfiles.
const BASE = 'FROM bitnami/node:22\nHEALTHCHECK CMD ["node", "healthcheck.js"]\n';

// [file, content before, content after --fix]
const files: [string, string, string][] = [
  ['Dockerfile', `${BASE}CMD node server.js\n`, `${BASE}CMD ["node", "server.js"]\n`],
  // A command that needs the shell keeps it, but `exec` hands PID 1 to the application.
  ['variable.Dockerfile', `${BASE}CMD node server.js --port $PORT\n`, `${BASE}CMD ["/bin/sh", "-c", "exec node server.js --port $PORT"]\n`],
  // A pipeline has no faithful exec form: reported, not fixed.
  ['pipeline.Dockerfile', `${BASE}CMD a | b\n`, `${BASE}CMD a | b\n`],
  ['compose.yaml', 'version: "3.8"\nservices:\n  web:\n    image: nginx:1.27\n', 'services:\n  web:\n    image: nginx:1.27\n'],
];

test('lint --fix rewrites what it safely can and leaves nothing fixable', () => {
  const folder = tempFolder(Object.fromEntries(files.map(([name, before]) => [name, before])));
  const fix = runCli(['lint', '--fix', '.'], folder);
  assert.equal(fix.stderr, '');
  assert.equal(fix.status, 0, fix.stdout);
  for (const [name, , after] of files) assert.equal(readFileSync(join(folder, name), 'utf8'), after, name);

  const left = lintJson(['.'], folder).files.flatMap((file) => file.diagnostics.map((diagnostic) => ({ path: file.path, ...diagnostic })));
  assert.deepEqual(left.filter((diagnostic) => diagnostic.fixable), []);
  assert.deepEqual(
    left.map(({ path, rule }) => ({ path, rule })),
    [{ path: 'pipeline.Dockerfile', rule: 'dockerfile/shell-form-cmd' }],
  );
});
