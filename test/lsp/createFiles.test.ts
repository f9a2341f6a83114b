// Quick fixes that create a file (a .dockerignore) are offered only when the client can create files, and never
// become edits of a file the user already has.
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { test } from 'node:test';
import type { CodeAction } from 'vscode-languageserver-protocol/node';
import { isCodeAction, startServer, type LspClient } from './lspClient';

const CREATE_TITLE = 'Create a .dockerignore for this build context';
const WHOLE_CONTEXT_COPY = [
  'FROM bitnami/node:latest',
  'WORKDIR /app',
  'COPY . .',
  'HEALTHCHECK CMD ["node", "healthcheck.js"]',
  'CMD ["node", "server.js"]',
  '',
].join('\n');

async function createActions(client: LspClient): Promise<{ uri: string; actions: CodeAction[] }> {
  const uri = await client.open('Dockerfile', 'dockerfile', WHOLE_CONTEXT_COPY);
  const diagnostic = (await client.published(uri)).find((candidate) => candidate.code === 'dockerfile/missing-dockerignore');
  assert.ok(diagnostic, 'the whole-context COPY without .dockerignore is reported');
  const actions = (await client.codeActions(uri, [diagnostic])).filter(isCodeAction);
  return { uri, actions: actions.filter((action) => action.title === CREATE_TITLE) };
}

test('a client that can create files gets a create-file edit that never overwrites', async (t) => {
  const client = await startServer(t, { createsFiles: true });
  const { uri, actions } = await createActions(client);
  assert.equal(actions.length, 1);
  const [create] = actions[0]!.edit?.documentChanges ?? [];
  assert.deepEqual(create, { kind: 'create', uri: new URL('.dockerignore', uri).href, options: { overwrite: false, ignoreIfExists: false } });
});

test('a client that cannot create files is not offered the fix', async (t) => {
  const client = await startServer(t);
  const { actions } = await createActions(client);
  assert.deepEqual(actions, []);
});

test('a .dockerignore that appeared on disk unannounced is not created again', async (t) => {
  const client = await startServer(t, { createsFiles: true });
  const { uri } = await createActions(client);
  writeFileSync(join(fileURLToPath(new URL('.', uri)), '.dockerignore'), '.git\n');
  const diagnostic = (await client.published(uri)).find((candidate) => candidate.code === 'dockerfile/missing-dockerignore');
  assert.ok(diagnostic, 'without a file event the server has not re-checked yet');
  const actions = await client.codeActions(uri, [diagnostic]);
  assert.deepEqual(
    actions.filter((action) => action.title === CREATE_TITLE),
    [],
  );
});
