import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseContainerFile } from '../../server/src/parsing/containerFile';
import { isCandidateFile } from '../../server/src/workspace/walk';
import { tempFolder } from '../helpers/cli';
import { taskDefinition } from '../helpers/ecs';
import { join } from 'node:path';

test('a JSON file is an ECS task definition by name or by a top-level containerDefinitions, and nothing else', () => {
  const cases: [uri: string, text: string, languageId: string | undefined, kind: string][] = [
    ['file:///p/task-definition.json', taskDefinition(), undefined, 'ecs'],
    ['file:///p/web-task-definition.prod.json', '{ "family": "web" }', undefined, 'ecs'],
    ['file:///p/.aws/TASK-DEFINITION.JSON', 'not json at all', undefined, 'ecs'],
    ['file:///p/deploy/web.json', taskDefinition(), undefined, 'ecs'],
    ['untitled:Untitled-1', taskDefinition(), 'json', 'ecs'],
    ['file:///p/describe.json', '{ "taskDefinition": { "containerDefinitions": [] } }', undefined, 'ecs'],
    ['file:///p/package.json', '{ "name": "web", "version": "1.0.0" }', undefined, 'unknown'],
    ['file:///p/notes.json', '{ "text": "see \\"containerDefinitions\\": in the docs" }', undefined, 'unknown'],
    ['file:///p/nested.json', '{ "services": { "containerDefinitions": [] } }', undefined, 'unknown'],
    ['file:///p/list.json', '[1, 2, 3]', undefined, 'unknown'],
    ['file:///p/task-definition.yaml', 'containerDefinitions: []\n', undefined, 'unknown'],
  ];
  for (const [uri, text, languageId, kind] of cases) assert.equal(parseContainerFile(uri, text, { languageId }).kind, kind, uri);
});

test('the model reads each container with ranges, and ECS defaults (essential) and Fargate', () => {
  const text = taskDefinition(
    ',\n      "user": "1000",\n      "essential": false,\n      "environment": [{ "name": "A", "value": "1" }]',
    '  "requiresCompatibilities": ["FARGATE"],\n  "cpu": "256",\n',
  );
  const file = parseContainerFile('file:///p/task-definition.json', text);
  assert.equal(file.kind, 'ecs');
  if (file.kind !== 'ecs') return;
  const task = file.taskDefinition;
  assert.ok(task);
  assert.equal(task.fargate, true);
  assert.equal(task.cpu?.text, '256');
  assert.equal(task.memory, undefined);
  const [container] = task.containers;
  assert.equal(container?.name, 'web');
  assert.equal(container?.essential, false);
  assert.equal(container?.user?.text, '1000');
  assert.deepEqual(container?.user?.range, { start: { line: 8, character: 14 }, end: { line: 8, character: 20 } });
  assert.deepEqual(
    container?.environment.map((variable) => [variable.name?.text, variable.value?.text]),
    [['A', '1']],
  );
  const defaults = parseContainerFile('file:///p/task-definition.json', taskDefinition());
  assert.equal(defaults.kind === 'ecs' && defaults.taskDefinition?.containers[0]?.essential, true);
});

test('the workspace walker takes a JSON file only when it is a task definition', () => {
  const folder = tempFolder({
    'task-definition.json': '{}',
    'deploy/web.json': taskDefinition(),
    'package.json': '{ "name": "web" }',
    'tsconfig.json': '{ "compilerOptions": {} }',
  });
  assert.deepEqual(
    ['task-definition.json', 'deploy/web.json', 'package.json', 'tsconfig.json'].map((path) => isCandidateFile(join(folder, path))),
    [true, true, false, false],
  );
});
