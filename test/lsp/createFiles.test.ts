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

test('a client that writes files itself gets its command, with the content, and no edit that would leave the file empty', async (t) => {
  const client = await startServer(t, { createsFiles: true, initializationOptions: { clientCommands: ['containerStandards.createFiles'] } });
  const { uri, actions } = await createActions(client);
  assert.equal(actions.length, 1);
  const [action] = actions;
  assert.equal(action?.edit, undefined);
  assert.equal(action?.command?.command, 'containerStandards.createFiles');
  const [files] = (action?.command?.arguments ?? []) as { files: { uri: string; text: string }[] }[];
  assert.deepEqual(
    files?.files.map((file) => file.uri),
    [new URL('.dockerignore', uri).href],
  );
  assert.match(files?.files[0]?.text ?? '', /^\.git$/m);
});

for (const clientCommands of [undefined, ['containerStandards.createFiles']]) {
  test(`fix-all never creates the .dockerignore (${clientCommands ? 'with' : 'without'} the client's command)`, async (t) => {
    const client = await startServer(t, { createsFiles: true, initializationOptions: { clientCommands } });
    const uri = await client.open('Dockerfile', 'dockerfile', WHOLE_CONTEXT_COPY);
    const diagnostics = await client.published(uri);
    assert.ok(diagnostics.some((diagnostic) => diagnostic.code === 'dockerfile/missing-dockerignore'));
    const fixAll = (await client.codeActions(uri, diagnostics, ['source.fixAll'])).filter(isCodeAction);
    // The file is the only fix here: fix-all has nothing to offer rather than an empty file to leave on disk.
    assert.deepEqual(fixAll, []);
  });
}

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

test("the client's word that it created the file clears the finding at once, without waiting for the file watcher", async (t) => {
  const client = await startServer(t, { createsFiles: true, initializationOptions: { clientCommands: ['containerStandards.createFiles'] } });
  const { uri } = await createActions(client);
  const ignoreUri = new URL('.dockerignore', uri).href;
  writeFileSync(fileURLToPath(ignoreUri), '.git\n');
  await client.filesCreated([ignoreUri]);
  const diagnostics = await client.published(uri, (published) => !published.some((diagnostic) => diagnostic.code === 'dockerfile/missing-dockerignore'));
  assert.ok(diagnostics.every((diagnostic) => diagnostic.code !== 'dockerfile/missing-dockerignore'));
});
