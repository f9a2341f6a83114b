// The CLI finds ECS task definitions in a folder (by name, or by content for other JSON files) and reports them
// under their own kind; JSON has no comments, so the config file is where their findings are switched off.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { lintJson, runCli, tempFolder } from '../helpers/cli';
import { taskDefinition } from '../helpers/ecs';

const risky = taskDefinition(',\n      "privileged": true,\n      "environment": [{ "name": "DB_PASSWORD", "value": "hunter2" }]');

test('lint finds the task definitions of a folder, and no other JSON file', () => {
  const folder = tempFolder({
    'task-definition.json': risky,
    'infra/api.json': taskDefinition(),
    'package.json': '{ "name": "web", "version": "1.0.0" }',
    'tsconfig.json': '{ "compilerOptions": { "strict": true } }',
  });
  const report = lintJson(['.'], folder);
  assert.deepEqual(
    report.files.map((file) => [file.path, file.kind]),
    [
      ['infra/api.json', 'ecs'],
      ['task-definition.json', 'ecs'],
    ],
  );
  const rules = report.files[1]!.diagnostics.map((diagnostic) => diagnostic.rule);
  for (const expected of ['ecs/privileged', 'ecs/plaintext-secret', 'ecs/writable-root-fs', 'ecs/missing-healthcheck'])
    assert.ok(rules.includes(expected), `${expected} in ${rules}`);
  const privileged = report.files[1]!.diagnostics.find((diagnostic) => diagnostic.rule === 'ecs/privileged');
  assert.deepEqual(privileged?.aliases, ['checkov:CKV_AWS_334']);
  assert.equal(privileged?.severity, 'error');
  assert.equal(runCli(['lint', '.'], folder).status, 1, 'an error fails the run');
});

test('the config file switches task definition findings off, by rule id or alias', () => {
  const folder = tempFolder({
    'task-definition.json': risky,
    '.container-standards.yaml': 'rules:\n  ecs/privileged: off\n  trivy:AVD-AWS-0036: off\n',
  });
  const rules = lintJson(['.'], folder).files[0]!.diagnostics.map((diagnostic) => diagnostic.rule);
  assert.ok(rules.length > 0, 'the other rules still report');
  assert.ok(!rules.includes('ecs/privileged') && !rules.includes('ecs/plaintext-secret'), rules.join(', '));
});

test('a task definition that is not valid JSON is reported, not a crash', () => {
  const folder = tempFolder({ 'task-definition.json': '{\n  "family": "web",\n  "containerDefinitions": [\n' });
  const [file] = lintJson(['.'], folder).files;
  assert.deepEqual(
    file?.diagnostics.map((diagnostic) => [diagnostic.rule, diagnostic.severity]),
    [['ecs/syntax', 'error']],
  );
});
