import assert from 'node:assert/strict';
import { test } from 'node:test';
import { applyEdits } from '../helpers/formatting';
import { startServer } from './lspClient';

const FOUR_SPACES = { tabSize: 4, insertSpaces: true };
const DOCKERFILE = [
  '  FROM alpine:3.22',
  'RUN apk add \\',
  '  curl',
  'COPY <<EOF /etc/motd',
  '  Welcome',
  'EOF',
  'ADD <<EOF /etc/greeting',
  '    hello',
  '  EOF',
  'EOF',
  '\tUSER app',
  '',
].join('\n');

test('textDocument/formatting formats a Dockerfile and leaves its heredocs as written', async (t) => {
  const client = await startServer(t);
  assert.ok(client.initializeResult.capabilities.documentFormattingProvider, 'a client that cannot register on request gets a static capability');
  const uri = await client.open('Dockerfile', 'dockerfile', DOCKERFILE);
  const edits = await client.formatting(uri, FOUR_SPACES);
  assert.equal(
    applyEdits(DOCKERFILE, edits),
    [
      'FROM alpine:3.22',
      'RUN apk add \\',
      '    curl',
      'COPY <<EOF /etc/motd',
      '  Welcome',
      'EOF',
      'ADD <<EOF /etc/greeting',
      '    hello',
      '  EOF',
      'EOF',
      'USER app',
      '',
    ].join('\n'),
  );
});

test('textDocument/rangeFormatting formats only the lines of the range, heredocs excepted', async (t) => {
  const client = await startServer(t);
  const uri = await client.open('Dockerfile', 'dockerfile', DOCKERFILE);
  const edits = await client.rangeFormatting(uri, { start: { line: 1, character: 0 }, end: { line: 8, character: 0 } }, { tabSize: 2, insertSpaces: false });
  assert.equal(
    applyEdits(DOCKERFILE, edits),
    [
      '  FROM alpine:3.22',
      'RUN apk add \\',
      '\tcurl',
      'COPY <<EOF /etc/motd',
      '  Welcome',
      'EOF',
      'ADD <<EOF /etc/greeting',
      '    hello',
      '  EOF',
      'EOF',
      '\tUSER app',
      '',
    ].join('\n'),
  );
});

test('textDocument/onTypeFormatting indents the line a typed escape character continues onto', async (t) => {
  const client = await startServer(t);
  const text = 'FROM alpine\nRUN apk add \\\ncurl\n';
  const uri = await client.open('Dockerfile', 'dockerfile', text);
  assert.deepEqual(client.initializeResult.capabilities.documentOnTypeFormattingProvider, { firstTriggerCharacter: '\\', moreTriggerCharacter: ['`'] });
  const edits = await client.onTypeFormatting(uri, { line: 1, character: 13 }, '\\', FOUR_SPACES);
  assert.equal(applyEdits(text, edits), 'FROM alpine\nRUN apk add \\\n    curl\n');
});

test('formatting gives no edits for other kinds of file, nor when containerStandards.format.enable is off', async (t) => {
  const client = await startServer(t, { settings: { format: { enable: false } } });
  const dockerfile = await client.open('Dockerfile', 'dockerfile', DOCKERFILE);
  const compose = await client.open('compose.yaml', 'dockercompose', 'services:\n    web:\n        image: nginx:1.27\n');
  assert.deepEqual(await client.formatting(dockerfile, FOUR_SPACES), []);
  client.settings = { format: { enable: true } };
  await client.changeConfiguration();
  assert.notDeepEqual(await client.formatting(dockerfile, FOUR_SPACES), []);
  assert.deepEqual(await client.formatting(compose, FOUR_SPACES), []);
});

test('a client that registers formatting on request gets it for Dockerfiles only', async (t) => {
  const client = await startServer(t, { registersFormatting: true });
  const { capabilities } = client.initializeResult;
  assert.equal(capabilities.documentFormattingProvider, undefined);
  assert.equal(capabilities.documentRangeFormattingProvider, undefined);
  assert.equal(capabilities.documentOnTypeFormattingProvider, undefined);
  for (const method of ['textDocument/formatting', 'textDocument/rangeFormatting', 'textDocument/onTypeFormatting']) {
    const options = (await client.registered(method)) as { documentSelector: unknown };
    assert.deepEqual(options.documentSelector, [{ language: 'dockerfile' }], method);
  }
});
