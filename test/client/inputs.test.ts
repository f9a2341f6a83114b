// The input boxes of the scaffolding commands accept what the templates can use and say what is wrong otherwise.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { summarise } from '../../client/src/scaffold/summary';
import { entryProblem, portProblem } from '../../client/src/scaffold/validation';

test('a port is a whole number from 1 to 65535', () => {
  for (const good of ['1', '3000', ' 8080 ', '65535']) assert.equal(portProblem(good), undefined, good);
  for (const bad of ['', '0', '65536', '80.5', '-1', 'http', '3000a']) assert.equal(portProblem(bad), 'A whole number from 1 to 65535.', bad);
});

test('an entry point is a plain path inside the project, since it lands in exec-form JSON and YAML', () => {
  for (const good of ['index.js', 'dist/server.js', './cmd/api', '.', 'Api.dll']) assert.equal(entryProblem('node', good), undefined, good);
  assert.match(entryProblem('node', '  ') ?? '', /file name/);
  assert.match(entryProblem('go', '') ?? '', /package to build/);
  for (const bad of ['my app.js', 'a"b.js', 'x\\y.py', '$HOME/x']) assert.match(entryProblem('python', bad) ?? '', /No spaces/, bad);
  for (const bad of ['/srv/app.js', '../app.js']) assert.equal(entryProblem('node', bad), 'A path inside the project folder.', bad);
});

test('the notification names every file by what happened to it', () => {
  const line = summarise(
    { created: ['compose.yaml', '.env.example'], replaced: [], alongside: ['Dockerfile.new'], unchanged: ['.dockerignore'], kept: ['.gitignore'] },
    'apps/api',
  );
  assert.equal(
    line,
    'apps/api: Created compose.yaml, .env.example. Wrote Dockerfile.new beside your files. Unchanged .dockerignore (already as proposed). Kept .gitignore (yours differs).',
  );
});
