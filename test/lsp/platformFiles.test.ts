// The editor checks render.yaml and railway.json, opened as YAML and JSON, and offers a "Disable … for this line"
// comment only where the format has comments.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { CodeAction } from 'vscode-languageserver-protocol/node';
import { startServer } from './lspClient';
import { codes } from './samples';

test('render.yaml and railway.json get their findings, and a suppression comment only in YAML', async (t) => {
  const client = await startServer(t, { pull: true });
  const blueprint = await client.open('render.yaml', 'yaml', 'services:\n  - type: web\n    name: web\n    runtime: docker\n    plan: hobby\n');
  const blueprintFindings = await client.pull(blueprint);
  assert.deepEqual(codes(blueprintFindings), ['render/schema']);
  const blueprintTitles = (await client.codeActions(blueprint, blueprintFindings)).map((action) => (action as CodeAction).title);
  assert.ok(blueprintTitles.includes('Disable render/schema for this line'), blueprintTitles.join(', '));

  const railway = await client.open('railway.json', 'json', '{\n  "build": { "builder": "DOCKER" }\n}\n');
  const railwayFindings = await client.pull(railway);
  assert.deepEqual(codes(railwayFindings), ['railway/schema']);
  const railwayTitles = (await client.codeActions(railway, railwayFindings)).map((action) => (action as CodeAction).title);
  assert.deepEqual(railwayTitles, ['Show documentation for railway/schema']);
});
