// The editor shows findings in ECS task definitions opened as JSON, and none in other JSON files.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { taskDefinition } from '../helpers/ecs';
import { startServer } from './lspClient';
import { codes } from './samples';

test('the server publishes the findings of a task definition opened as JSON, and follows its edits', async (t) => {
  const client = await startServer(t);
  const text = taskDefinition(',\n      "privileged": true');
  const uri = await client.open('task-definition.json', 'json', text);
  const diagnostics = await client.published(uri, (published) => codes(published).includes('ecs/privileged'));
  const privileged = diagnostics.find((diagnostic) => diagnostic.code === 'ecs/privileged');
  assert.deepEqual(privileged?.range.start, { line: 6, character: 6 });
  await client.change(uri, text.replace('"privileged": true', '"privileged": false'));
  await client.published(uri, (published) => published.length > 0 && !codes(published).includes('ecs/privileged'));
});

test('a JSON file that is not a task definition gets no diagnostic', async (t) => {
  const client = await startServer(t, { pull: true });
  const uri = await client.open('package.json', 'json', '{ "name": "web", "version": "1.0.0" }');
  assert.deepEqual(await client.pull(uri), []);
  const other = await client.open('deploy/web.json', 'json', taskDefinition());
  assert.ok(codes(await client.pull(other)).includes('ecs/missing-healthcheck'));
});
