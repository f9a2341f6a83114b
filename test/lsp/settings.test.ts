import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { DiagnosticSeverity, MessageType, type Diagnostic, type ShowMessageParams } from 'vscode-languageserver-protocol/node';
import { lintJson, repoRoot } from '../helpers/cli';
import { startServer } from './lspClient';
import { codes, compose, dockerfile, dockerfileDiagnostics, essentials, expected, onLine } from './samples';

const latestTagAsError = expected('dockerfile/latest-tag', onLine(0, 18, 24), DiagnosticSeverity.Error);
const shellFormCmd = expected('dockerfile/shell-form-cmd', onLine(3, 0, 18));

test('push: severities come from workspace/configuration and a changed setting is re-published', async (t) => {
  const client = await startServer(t, { settings: { rules: { 'dockerfile/latest-tag': 'error' } } });
  const uri = await client.open(dockerfile.fileName, dockerfile.languageId, dockerfile.text);
  assert.deepEqual((await client.published(uri)).map(essentials), [latestTagAsError, shellFormCmd]);
  assert.deepEqual(client.received.find((message) => message.method === 'workspace/configuration')?.params, {
    items: [{ scopeUri: uri, section: 'containerStandards' }],
  });

  client.settings = { rules: { 'dockerfile/latest-tag': 'off' } };
  await client.changeConfiguration();
  const after = await client.published(uri, (diagnostics) => !codes(diagnostics).includes('dockerfile/latest-tag'));
  assert.deepEqual(after.map(essentials), [shellFormCmd]);
});

test('pull: a changed setting makes the server ask for a refresh, and the next pull reflects it', async (t) => {
  const client = await startServer(t, { pull: true, settings: { rules: { 'dockerfile/latest-tag': 'error' } } });
  const uri = await client.open(dockerfile.fileName, dockerfile.languageId, dockerfile.text);
  assert.deepEqual((await client.pull(uri)).map(essentials), [latestTagAsError, shellFormCmd]);

  client.settings = { rules: { 'dockerfile/latest-tag': 'off' } };
  const refreshed = client.next('workspace/diagnostic/refresh');
  await client.changeConfiguration();
  await refreshed;
  assert.deepEqual((await client.pull(uri)).map(essentials), [shellFormCmd]);
});

test('pull: a client without refresh support is never asked to refresh, and its next pull reflects a changed setting', async (t) => {
  const client = await startServer(t, { pull: true, lacks: ['workspace/diagnostic/refresh'], settings: { rules: { 'dockerfile/latest-tag': 'error' } } });
  const uri = await client.open(dockerfile.fileName, dockerfile.languageId, dockerfile.text);
  assert.deepEqual((await client.pull(uri)).map(essentials), [latestTagAsError, shellFormCmd]);

  client.settings = { rules: { 'dockerfile/latest-tag': 'off' } };
  await client.changeConfiguration();
  // Messages arrive in order, so a refresh sent for the change would be in before this pull's answer.
  assert.deepEqual((await client.pull(uri)).map(essentials), [shellFormCmd]);
  assert.deepEqual(
    client.received.filter((message) => message.method === 'workspace/diagnostic/refresh'),
    [],
  );
});

test('a severity set through a rule alias applies to the rule', async (t) => {
  const client = await startServer(t, { settings: { rules: { 'hadolint:DL3007': 'info' } } });
  const uri = await client.open(dockerfile.fileName, dockerfile.languageId, dockerfile.text);
  assert.deepEqual((await client.published(uri)).map(essentials), [
    expected('dockerfile/latest-tag', onLine(0, 18, 24), DiagnosticSeverity.Information),
    shellFormCmd,
  ]);
});

test('a malformed setting is reported as a warning, even to a client without message requests, and ignored', async (t) => {
  const client = await startServer(t, { lacks: ['window/showMessageRequest'], settings: { rules: { 'dockerfile/latest-tag': 'loud' } } });
  const reported = client.next('window/showMessage');
  const uri = await client.open(dockerfile.fileName, dockerfile.languageId, dockerfile.text);
  assert.deepEqual((await client.published(uri)).map(essentials), dockerfileDiagnostics);
  const message = (await reported) as ShowMessageParams;
  assert.equal(message.type, MessageType.Warning);
  assert.match(message.message, /containerStandards\.rules: rule "dockerfile\/latest-tag" has severity "loud"/);
});

test('a malformed rule option is reported naming it, and only that option is ignored', async (t) => {
  const client = await startServer(t, { settings: { rules: { 'dockerfile/latest-tag': 'error' }, trustedRegistries: 'registry.example.com' } });
  const reported = client.next('window/showMessage');
  const uri = await client.open(dockerfile.fileName, dockerfile.languageId, dockerfile.text);
  assert.deepEqual((await client.published(uri)).map(essentials), [latestTagAsError, shellFormCmd]);
  const message = (await reported) as ShowMessageParams;
  assert.equal(message.type, MessageType.Warning);
  assert.equal(
    message.message,
    'Container Standards: setting containerStandards.trustedRegistries must be a list of strings. The setting containerStandards.trustedRegistries is ignored until it is fixed.',
  );
});

test('the trustedRegistries setting switches on dockerfile/untrusted-registry for images from other registries', async (t) => {
  const client = await startServer(t, { settings: { trustedRegistries: ['registry.example.com'] } });
  const uri = await client.open(dockerfile.fileName, dockerfile.languageId, dockerfile.text);
  const untrusted = (await client.published(uri)).filter((diagnostic) => diagnostic.code === 'dockerfile/untrusted-registry');
  assert.deepEqual(
    untrusted.map((diagnostic) => [diagnostic.severity, diagnostic.range.start.line]),
    [[1, 0]],
  );
});

const EXAMPLES = join(repoRoot, 'examples');
const EXAMPLE_FILES = [
  ['seed/Dockerfile', 'dockerfile'],
  ['seed/docker-compose.yml', 'dockercompose'],
  ['seed/k8s/deployment.yaml', 'yaml'],
  ['clean/Dockerfile', 'dockerfile'],
  ['clean/compose.yaml', 'dockercompose'],
  ['clean/k8s/deployment.yaml', 'yaml'],
] as const;

/** What the CLI reports for examples/ without any configuration, per file, in the terms compared. */
function cliFindings(): Map<string, string[]> {
  const report = lintJson(['examples'], repoRoot);
  return new Map(
    report.files.map((file) => [
      file.path.replace(/^examples\//, ''),
      file.diagnostics.map((d) => `${d.rule} ${d.range.start.line}:${d.range.start.character}`),
    ]),
  );
}

const described = (diagnostics: readonly Diagnostic[]) => diagnostics.map((d) => `${d.code} ${d.range.start.line}:${d.range.start.character}`);

// VS Code used to send an unset array setting as []; an empty list, like null, restricts nothing (as in hadolint).
for (const trustedRegistries of [[], null]) {
  test(`trustedRegistries ${JSON.stringify(trustedRegistries)} from workspace/configuration: examples/ shows what the CLI reports, no untrusted registry`, async (t) => {
    const expected = cliFindings();
    const client = await startServer(t, { workspaceFolder: EXAMPLES, settings: { rules: {}, trustedRegistries, trace: { server: 'off' } } });
    for (const [path, languageId] of EXAMPLE_FILES) {
      const uri = await client.open(path, languageId, readFileSync(join(EXAMPLES, path), 'utf8'));
      assert.deepEqual(described(await client.published(uri)), expected.get(path), path);
    }
    assert.equal(
      client.received.some((message) => message.method === 'window/showMessage'),
      false,
      'no message about the settings',
    );
  });
}

test('trustedRegistries set over stdio: the seed Dockerfile reports each image from elsewhere', async (t) => {
  const client = await startServer(t, { workspaceFolder: EXAMPLES, settings: { trustedRegistries: ['registry.example.com'] } });
  const uri = await client.open('seed/Dockerfile', 'dockerfile', readFileSync(join(EXAMPLES, 'seed/Dockerfile'), 'utf8'));
  const untrusted = (await client.published(uri)).filter((diagnostic) => diagnostic.code === 'dockerfile/untrusted-registry');
  assert.deepEqual(
    untrusted.map((diagnostic) => diagnostic.range.start.line),
    [1, 6],
  );
});

test('enable: {"dockerfile": false} clears the Dockerfile and leaves the Compose file checked; back on, the findings return', async (t) => {
  const client = await startServer(t, { settings: { enable: { dockerfile: false } } });
  const uri = await client.open(dockerfile.fileName, dockerfile.languageId, dockerfile.text);
  const composeUri = await client.open(compose.fileName, compose.languageId, compose.text);
  assert.deepEqual(await client.published(uri), []);
  assert.ok((await client.published(composeUri)).length > 0, 'the Compose sample has findings');

  client.settings = { enable: { dockerfile: true } };
  await client.changeConfiguration();
  const after = await client.published(uri, (diagnostics) => diagnostics.length > 0);
  assert.deepEqual(after.map(essentials), dockerfileDiagnostics);
});

test('settings of the wrong type are each reported, the defaults apply, and the server keeps answering', async (t) => {
  const client = await startServer(t, { settings: 'loud' });
  const reported = client.next('window/showMessage');
  const uri = await client.open(dockerfile.fileName, dockerfile.languageId, dockerfile.text);
  assert.deepEqual((await client.published(uri)).map(essentials), dockerfileDiagnostics);
  assert.match(((await reported) as ShowMessageParams).message, /^Container Standards: setting containerStandards: expected a mapping of "rules", "enable"/);

  client.settings = {
    rules: { 'dockerfile/latest-tags': 'off', 'dockerfile/shell-form-cmd': 'error' },
    enable: { dockerfile: 'no' },
    format: { enable: 'no' },
    diagnostics: { scope: 'everything' },
    kubernetes: { files: '*.k8s.yaml' },
  };
  const before = client.received.length;
  await client.changeConfiguration();
  // Only the valid part applies: the misspelt rule id and the malformed enable are ignored, the severity taken.
  const after = await client.published(uri, (diagnostics) => diagnostics.some((diagnostic) => diagnostic.severity === DiagnosticSeverity.Error));
  assert.deepEqual(after.map(essentials), [
    expected('dockerfile/latest-tag', onLine(0, 18, 24)),
    expected('dockerfile/shell-form-cmd', onLine(3, 0, 18), DiagnosticSeverity.Error),
  ]);
  // Formatting is on, as by default.
  const indented = await client.open('indented.Dockerfile', 'dockerfile', '  FROM scratch\n');
  assert.equal((await client.formatting(indented, { tabSize: 2, insertSpaces: true })).length, 1);
  // The settings are read before the findings they decide are published, and each mistake is told once.
  const messages = client.received
    .slice(before)
    .filter((message) => message.method === 'window/showMessage')
    .map((message) => (message.params as ShowMessageParams).message);
  assert.deepEqual(messages.sort(), [
    'Container Standards: setting containerStandards.diagnostics.scope must be "workspace" or "openFiles", not "everything". The setting containerStandards.diagnostics.scope is ignored until it is fixed.',
    'Container Standards: setting containerStandards.enable.dockerfile must be true or false. The setting containerStandards.enable is ignored until it is fixed.',
    'Container Standards: setting containerStandards.format.enable must be true or false, not "no". The setting containerStandards.format.enable is ignored until it is fixed.',
    'Container Standards: setting containerStandards.kubernetes.files must be a list of strings. The setting containerStandards.kubernetes is ignored until it is fixed.',
    'Container Standards: setting containerStandards.rules: "dockerfile/latest-tags" is not the id or alias of any Container Standards rule; did you mean "dockerfile/latest-tag"?. Rule "dockerfile/latest-tags" is ignored until it is fixed.',
  ]);
});
