import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { test } from 'node:test';
import { LSPErrorCodes } from 'vscode-languageserver-protocol/node';
import { tempFolder } from '../helpers/cli';
import { startServer } from './lspClient';
import { dockerfile, dockerfileDiagnostics, essentials } from './samples';

test('closing a document whose file is on disk leaves it without diagnostics, even when closed before its first check finished', async (t) => {
  const folder = tempFolder({ Dockerfile: dockerfile.text });
  const client = await startServer(t, { workspaceFolder: folder });
  for (let round = 0; round < 3; round++) {
    const settingsAsked = client.next('workspace/configuration');
    const uri = await client.open(dockerfile.fileName, dockerfile.languageId, dockerfile.text);
    await client.change(uri, `${dockerfile.text}RUN echo ${round}\n`);
    await client.close(uri);
    // The check the open started waits for the document's settings; the client answers after the close went out, and
    // a request answered after that answer proves the server has handled it.
    await settingsAsked;
    await client.documentSymbols(uri);
    assert.deepEqual(await client.published(uri), [], `round ${round}`);
  }
});

test('requests cancelled as soon as sent are answered or refused as cancelled, and the server keeps up with edits', async (t) => {
  const client = await startServer(t);
  const uri = await client.open(dockerfile.fileName, dockerfile.languageId, dockerfile.text);
  const textDocument = { uri };
  const position = { line: 0, character: 6 };
  const range = { start: position, end: { line: 3, character: 0 } };
  const options = { tabSize: 2, insertSpaces: true };
  const requests: [string, unknown][] = [
    ['textDocument/documentSymbol', { textDocument }],
    ['textDocument/hover', { textDocument, position }],
    ['textDocument/completion', { textDocument, position }],
    ['textDocument/codeAction', { textDocument, range, context: { diagnostics: [] } }],
    ['textDocument/foldingRange', { textDocument }],
    ['textDocument/formatting', { textDocument, options }],
    ['workspace/executeCommand', { command: 'containerStandards.server.lintWorkspace', arguments: [] }],
    ['workspace/executeCommand', { command: 'containerStandards.server.fixWorkspace', arguments: [] }],
  ];
  for (let round = 0; round < 3; round++) {
    for (const [method, params] of requests) {
      const outcome = await client.requestCancelled(method, params);
      if (outcome.error) assert.equal(outcome.error.code, LSPErrorCodes.RequestCancelled, `${method}: ${outcome.error.message}`);
    }
    const version = await client.changeRanges(uri, [
      { range: { start: { line: 0, character: 18 }, end: { line: 0, character: 24 } }, text: round % 2 ? 'latest' : '22' },
    ]);
    const expected = round % 2 ? dockerfileDiagnostics : dockerfileDiagnostics.slice(1);
    assert.deepEqual((await client.publishedFor(uri, version)).map(essentials), expected);
  }
});

test('Lint workspace and Fix workspace cancelled in flight stop early with what they did, and the server goes on answering', async (t) => {
  const files = Object.fromEntries(Array.from({ length: 100 }, (_, index) => [`service-${index}/Dockerfile`, dockerfile.text]));
  const client = await startServer(t, { workspaceFolder: tempFolder(files) });
  for (const command of ['containerStandards.server.lintWorkspace', 'containerStandards.server.fixWorkspace']) {
    const { result, error } = await client.requestCancelled('workspace/executeCommand', { command, arguments: [] });
    assert.equal(error, undefined, `${command}: ${error?.message}`);
    assert.equal((result as { cancelled?: boolean }).cancelled, true, `${command} was cancelled between two files`);
  }
  const uri = await client.open(dockerfile.fileName, dockerfile.languageId, dockerfile.text);
  assert.deepEqual((await client.publishedFor(uri, 1)).map(essentials), dockerfileDiagnostics);
});

test('a held workspace diagnostics pull that is cancelled is answered', async (t) => {
  const client = await startServer(t, { pull: true, workspaceFolder: tempFolder({ Dockerfile: dockerfile.text }) });
  const first = await client.pullWorkspace();
  const previousResultIds = first.items.flatMap((item) => (item.resultId ? [{ uri: item.uri, value: item.resultId }] : []));
  // Nothing changed since: the server holds this pull until something does, or until it is cancelled.
  const { result, error } = await client.requestCancelled('workspace/diagnostic', { previousResultIds });
  assert.ok(error?.code === LSPErrorCodes.RequestCancelled || result !== undefined);
  const uri = await client.open(dockerfile.fileName, dockerfile.languageId, dockerfile.text);
  assert.deepEqual((await client.pull(uri)).map(essentials), dockerfileDiagnostics);
});

const UNKNOWN_URIS = [
  'file:///nowhere/Dockerfile',
  'file:///nowhere/compose.yaml',
  'untitled:Untitled-1',
  'vscode-notebook-cell:/nowhere/a.ipynb#W0sZmlsZQ%3D%3D',
  'file:///nowhere/%E0%A4%A',
  'not a uri',
];

test('requests about documents the server does not have are answered with nothing, and notifications about them are ignored', async (t) => {
  const client = await startServer(t, { pull: true });
  const position = { line: 0, character: 0 };
  const options = { tabSize: 2, insertSpaces: true };
  for (const uri of UNKNOWN_URIS) {
    const textDocument = { uri };
    await client.notify('textDocument/didChange', {
      textDocument: { uri, version: 2 },
      contentChanges: [{ range: { start: position, end: position }, text: 'x' }],
    });
    await client.notify('textDocument/didClose', { textDocument });
    const answers = {
      symbols: await client.documentSymbols(uri),
      hover: await client.hover(uri, position),
      completion: await client.completion(uri, position),
      codeActions: await client.codeActions(uri, []),
      folding: await client.foldingRanges(uri),
      formatting: await client.formatting(uri, options),
      onType: await client.onTypeFormatting(uri, position, '\\', options),
      diagnostics: await client.pull(uri),
    };
    for (const [request, answer] of Object.entries(answers)) {
      assert.ok(answer === null || answer === undefined || (Array.isArray(answer) && answer.length === 0), `${uri} ${request}: ${JSON.stringify(answer)}`);
    }
  }
  const uri = await client.open(dockerfile.fileName, dockerfile.languageId, dockerfile.text);
  assert.deepEqual((await client.pull(uri)).map(essentials), dockerfileDiagnostics);
});

test('the server exits within a few seconds when its client closes the connection', async (t) => {
  const client = await startServer(t);
  await client.open(dockerfile.fileName, dockerfile.languageId, dockerfile.text);
  client.closeInput();
  assert.notEqual(await client.exitWithin(5_000), undefined, 'still running 5 s after its input ended');
});

test('the server exits within a few seconds when the editor process that started it is gone', async (t) => {
  // Stands for the editor: the server watches the processId given at initialize, while its own pipes stay open.
  const editor = spawn(process.execPath, ['-e', 'setInterval(() => {}, 1000)'], { stdio: 'ignore' });
  t.after(() => editor.kill());
  const client = await startServer(t, { processId: editor.pid });
  await client.open(dockerfile.fileName, dockerfile.languageId, dockerfile.text);
  editor.kill();
  assert.notEqual(await client.exitWithin(8_000), undefined, 'still running 8 s after the editor process ended');
});
