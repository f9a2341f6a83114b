import assert from 'node:assert/strict';
import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { pathToFileURL } from 'node:url';
import { DiagnosticSeverity, FileChangeType, MessageType, type PublishDiagnosticsParams, type ShowMessageParams } from 'vscode-languageserver-protocol/node';
import { tempFolder } from '../helpers/cli';
import { startServer, type StartOptions } from './lspClient';
import { codes, dockerfile, dockerfileDiagnostics, essentials, expected, onLine } from './samples';

/** A workspace folder on disk holding a `.container-standards.yaml`; removed when the tests end. */
function workspaceWithConfig(config: string): { folder: string; configPath: string } {
  const folder = tempFolder({ '.container-standards.yaml': config });
  return { folder, configPath: join(folder, '.container-standards.yaml') };
}

test('the project config switches a rule off, and editing it on disk switches it back on', async (t) => {
  const { folder, configPath } = workspaceWithConfig('rules:\n  dockerfile/shell-form-cmd: off\n');
  const client = await startServer(t, { workspaceFolder: folder });
  const uri = await client.open(dockerfile.fileName, dockerfile.languageId, dockerfile.text);
  assert.deepEqual((await client.published(uri)).map(essentials), [expected('dockerfile/latest-tag', onLine(0, 18, 24))]);

  writeFileSync(configPath, 'rules:\n  dockerfile/shell-form-cmd: error\n');
  await client.changeWatchedFiles([{ uri: pathToFileURL(configPath).href, type: FileChangeType.Changed }]);
  const after = await client.published(uri, (diagnostics) => codes(diagnostics).includes('dockerfile/shell-form-cmd'));
  assert.deepEqual(after.map(essentials), [
    expected('dockerfile/latest-tag', onLine(0, 18, 24)),
    expected('dockerfile/shell-form-cmd', onLine(3, 0, 18), DiagnosticSeverity.Error),
  ]);
});

test('a project config created after the document was checked applies once the client reports it', async (t) => {
  const { folder, configPath } = workspaceWithConfig('');
  rmSync(configPath);
  const client = await startServer(t, { workspaceFolder: folder });
  const uri = await client.open(dockerfile.fileName, dockerfile.languageId, dockerfile.text);
  assert.deepEqual((await client.published(uri)).map(essentials), dockerfileDiagnostics);

  writeFileSync(configPath, 'rules:\n  dockerfile/latest-tag: off\n');
  await client.changeWatchedFiles([{ uri: pathToFileURL(configPath).href, type: FileChangeType.Created }]);
  const after = await client.published(uri, (diagnostics) => !codes(diagnostics).includes('dockerfile/latest-tag'));
  assert.deepEqual(after.map(essentials), [expected('dockerfile/shell-form-cmd', onLine(3, 0, 18))]);
});

const malformedConfigClients: { name: string; options: StartOptions }[] = [
  { name: 'a client that shows messages', options: {} },
  { name: 'a client that cannot show message requests', options: { lacks: ['window/showMessageRequest'] } },
];

for (const { name, options } of malformedConfigClients) {
  test(`a malformed project config is reported to ${name} and ignored`, async (t) => {
    const { folder } = workspaceWithConfig('rules:\n  dockerfile/shell-form-cmd: loud\n');
    const client = await startServer(t, { ...options, workspaceFolder: folder });
    const reported = client.next('window/showMessage');
    const uri = await client.open(dockerfile.fileName, dockerfile.languageId, dockerfile.text);
    assert.deepEqual((await client.published(uri)).map(essentials), dockerfileDiagnostics);

    const message = (await reported) as ShowMessageParams;
    assert.equal(message.type, MessageType.Error);
    assert.match(message.message, /\.container-standards\.yaml: rule "dockerfile\/shell-form-cmd" has severity "loud"/);
    // The server is still there for the next edit.
    await client.change(uri, dockerfile.text.replace('node:latest', 'node:22'));
    const after = await client.published(uri, (diagnostics) => !codes(diagnostics).includes('dockerfile/latest-tag'));
    assert.deepEqual(after.map(essentials), [expected('dockerfile/shell-form-cmd', onLine(3, 0, 18))]);
  });
}

test('adding and removing workspace folders re-checks the open documents and keeps the server answering', async (t) => {
  const { folder } = workspaceWithConfig('rules: {}\n');
  const added = tempFolder({ Dockerfile: 'FROM alpine:latest\n' });
  const client = await startServer(t, { workspaceFolder: folder });
  const uri = await client.open(dockerfile.fileName, dockerfile.languageId, dockerfile.text);
  assert.deepEqual((await client.published(uri)).map(essentials), dockerfileDiagnostics);

  for (const [adding, removing] of [
    [[added], []],
    [[], [added]],
  ] as const) {
    const republished = client.next('textDocument/publishDiagnostics');
    await client.changeWorkspaceFolders([...adding], [...removing]);
    const params = (await republished) as PublishDiagnosticsParams;
    assert.equal(params.uri, uri);
    assert.deepEqual(params.diagnostics.map(essentials), dockerfileDiagnostics);
  }
});

test('a file changed on disk re-checks only the open documents whose findings read it', async (t) => {
  const folder = tempFolder({ 'app/Dockerfile': 'FROM node:22-alpine\nCOPY . .\nUSER node\nCMD ["node", "server.js"]\n' });
  const client = await startServer(t, { workspaceFolder: folder });
  const dockerfileUri = await client.open('app/Dockerfile', 'dockerfile', 'FROM node:22-alpine\nCOPY . .\nUSER node\nCMD ["node", "server.js"]\n');
  const composeUri = await client.open('compose.yaml', 'dockercompose', 'services:\n  web:\n    image: nginx:1.27\n');
  await client.published(dockerfileUri, (diagnostics) => codes(diagnostics).includes('dockerfile/missing-dockerignore'));
  await client.published(composeUri);
  const composePublishes = () =>
    client.received.filter((message) => message.method === 'textDocument/publishDiagnostics' && (message.params as PublishDiagnosticsParams).uri === composeUri)
      .length;
  const before = composePublishes();

  const ignorePath = join(folder, 'app', '.dockerignore');
  writeFileSync(ignorePath, 'node_modules\n');
  await client.changeWatchedFiles([{ uri: pathToFileURL(ignorePath).href, type: FileChangeType.Created }]);
  await client.published(dockerfileUri, (diagnostics) => !codes(diagnostics).includes('dockerfile/missing-dockerignore'));
  // A request answered after the notification proves the server has handled it and published what it would.
  await client.documentSymbols(composeUri);
  assert.equal(composePublishes(), before, 'the compose file does not read the .dockerignore, so it is not re-published');
});

const badConfigs: { name: string; text: string; message: RegExp; diagnostics: ReturnType<typeof expected>[] }[] = [
  {
    name: 'a list instead of a mapping',
    text: '- dockerfile/latest-tag\n',
    message: /\.container-standards\.yaml: expected a mapping of "rules"/,
    diagnostics: dockerfileDiagnostics,
  },
  { name: 'not YAML', text: 'rules: [\n', message: /\.container-standards\.yaml: not valid YAML/, diagnostics: dockerfileDiagnostics },
  {
    name: 'a misspelt rule id beside a valid one',
    text: 'rules:\n  dockerfile/shell-form-cmds: off\n  dockerfile/latest-tag: off\n',
    message: /"dockerfile\/shell-form-cmds" is not the id or alias of any Container Standards rule; did you mean "dockerfile\/shell-form-cmd"\?/,
    diagnostics: [expected('dockerfile/shell-form-cmd', onLine(3, 0, 18))],
  },
  {
    name: 'options and kinds of the wrong type',
    text: 'trustedRegistries: ghcr.io\nenable: all\nkubernetesVersion: 1.29\n',
    // One message per mistake; the first of them is checked.
    message: /: "(trustedRegistries" must be a list of strings|enable" must be a mapping|kubernetesVersion" must be a string)\. /,
    diagnostics: dockerfileDiagnostics,
  },
];

for (const { name, text, message, diagnostics } of badConfigs) {
  test(`a project config with ${name} is reported as an error, its valid part applies, and the server keeps answering`, async (t) => {
    const { folder } = workspaceWithConfig(text);
    const client = await startServer(t, { workspaceFolder: folder });
    const reported = client.next('window/showMessage');
    const uri = await client.open(dockerfile.fileName, dockerfile.languageId, dockerfile.text);
    assert.deepEqual((await client.published(uri)).map(essentials), diagnostics);
    const shown = (await reported) as ShowMessageParams;
    assert.equal(shown.type, MessageType.Error);
    assert.match(shown.message, message);
    assert.notEqual(await client.hover(uri, { line: 0, character: 1 }), null);
  });
}
