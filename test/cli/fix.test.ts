// `lint --fix`: safe fixes are written to disk, and what is left is reported.
import assert from 'node:assert/strict';
import { chmodSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { test } from 'node:test';
import { pathToFileURL } from 'node:url';
import { fixOnDisk } from '../../server/src/cli/fixOnDisk';
import { Linter } from '../../server/src/engine/linter';
import { rules } from '../../server/src/rules';
import { Workspace } from '../../server/src/workspace/workspace';
import { type JsonReport, lintJson, runCli, tempFolder } from '../helpers/cli';

// bitnami/node runs as a non-root user and is not a full language image, so with the HEALTHCHECK the shell-form
// CMDs are the only problems of these Dockerfiles.
const BASE = 'FROM bitnami/node:22\nHEALTHCHECK CMD ["node", "healthcheck.js"]\n';

// [file, content before, content after --fix]
const files: [string, string, string][] = [
  ['Dockerfile', `${BASE}CMD node server.js\n`, `${BASE}CMD ["node", "server.js"]\n`],
  // A command that needs the shell keeps it, but `exec` hands PID 1 to the application.
  ['variable.Dockerfile', `${BASE}CMD node server.js --port $PORT\n`, `${BASE}CMD exec node server.js --port $PORT\n`],
  // A pipeline has no faithful exec form: reported, not fixed.
  ['pipeline.Dockerfile', `${BASE}CMD a | b\n`, `${BASE}CMD a | b\n`],
  [
    'compose.yaml',
    'version: "3.8"\nname: shop\nservices:\n  web:\n    image: nginx:1.27\n    deploy:\n      resources:\n        limits: { cpus: "0.50", memory: 256M }\n',
    'name: shop\nservices:\n  web:\n    image: nginx:1.27\n    deploy:\n      resources:\n        limits: { cpus: "0.50", memory: 256M }\n',
  ],
];

test('lint --fix rewrites what it safely can and leaves nothing fixable', () => {
  const folder = tempFolder(Object.fromEntries(files.map(([name, before]) => [name, before])));
  const fix = runCli(['lint', '--fix', '.'], folder);
  assert.equal(fix.stderr, '');
  assert.equal(fix.status, 0, fix.stdout);
  for (const [name, , after] of files) assert.equal(readFileSync(join(folder, name), 'utf8'), after, name);

  const left = lintJson(['.'], folder).files.flatMap((file) => file.diagnostics.map((diagnostic) => ({ path: file.path, ...diagnostic })));
  assert.deepEqual(
    left.filter((diagnostic) => diagnostic.fixable),
    [],
  );
  assert.deepEqual(
    left.map(({ path, rule }) => ({ path, rule })),
    [{ path: 'pipeline.Dockerfile', rule: 'dockerfile/shell-form-cmd' }],
  );
});

test('lint --fix creates a missing .dockerignore but never touches an existing one, and skips unsafe fixes', () => {
  const wholeContext = `${BASE}WORKDIR /app\nCOPY . .\nCMD ["node", "server.js"]\n`;
  const folder = tempFolder({
    'new/Dockerfile': wholeContext,
    'kept/Dockerfile': wholeContext,
    'kept/.dockerignore': '# mine\n',
    'latest/Dockerfile': `FROM bitnami/node:latest\nHEALTHCHECK CMD ["node", "h.js"]\nCMD ["node", "server.js"]\n`,
  });
  const fix = runCli(['lint', '--fix', '.'], folder);
  assert.equal(fix.stderr, '');
  assert.match(readFileSync(join(folder, 'new/.dockerignore'), 'utf8'), /^\.git$/m);
  assert.equal(readFileSync(join(folder, 'kept/.dockerignore'), 'utf8'), '# mine\n');
  // Pinning a tag chooses a version, an unsafe fix: reported, offered in the editor, never applied by --fix.
  assert.match(readFileSync(join(folder, 'latest/Dockerfile'), 'utf8'), /^FROM bitnami\/node:latest$/m);
  const rules = lintJson(['.'], folder).files.flatMap((file) => file.diagnostics.map((diagnostic) => `${file.path} ${diagnostic.rule} ${diagnostic.fixable}`));
  assert.deepEqual(rules, ['latest/Dockerfile dockerfile/latest-tag false']);
});

test('lint --fix names a read-only file it cannot fix, fixes the others, reports what is left, and exits with 2', () => {
  const folder = tempFolder({ 'locked/Dockerfile': `${BASE}CMD node server.js\n`, 'open/Dockerfile': `${BASE}CMD node server.js\n` });
  chmodSync(join(folder, 'locked/Dockerfile'), 0o444);
  const fix = runCli(['lint', '--fix', '--format', 'json', '.'], folder);
  assert.equal(fix.stderr, 'container-standards: Cannot write locked/Dockerfile: the file is read-only.\n');
  assert.equal(fix.status, 2);
  assert.equal(readFileSync(join(folder, 'locked/Dockerfile'), 'utf8'), `${BASE}CMD node server.js\n`);
  assert.equal(readFileSync(join(folder, 'open/Dockerfile'), 'utf8'), `${BASE}CMD ["node", "server.js"]\n`);
  const report = JSON.parse(fix.stdout) as JsonReport;
  assert.deepEqual(
    report.files.map((file) => [file.path, file.diagnostics.map((diagnostic) => diagnostic.rule)]),
    [
      ['locked/Dockerfile', ['dockerfile/shell-form-cmd']],
      ['open/Dockerfile', []],
    ],
  );
});

test('lint --fix leaves a file edited since it was read, with the notice stderr shows, and reports what it holds now', () => {
  const folder = tempFolder({ Dockerfile: `${BASE}CMD node server.js\n` });
  const path = join(folder, 'Dockerfile');
  const uri = pathToFileURL(path).href;
  const workspace = new Workspace();
  workspace.index(uri);
  const linter = new Linter(workspace, rules);
  assert.deepEqual(
    linter.lint(uri)?.findings.map((finding) => finding.ruleId),
    ['dockerfile/shell-form-cmd'],
  );
  // Saved in the editor after the CLI read the file, before it wrote the fix.
  const saved = `${BASE}CMD node server.js\n# saved meanwhile\n`;
  writeFileSync(path, saved);
  assert.deepEqual(
    fixOnDisk(linter, uri, (shown) => relative(folder, shown)),
    { severity: 'notice', message: 'Dockerfile changed on disk while it was being fixed; it is left as it is now.' },
  );
  assert.equal(readFileSync(path, 'utf8'), saved);
  assert.equal(workspace.readText(uri), saved);
  assert.deepEqual(readdirSync(folder), ['Dockerfile']);
});
