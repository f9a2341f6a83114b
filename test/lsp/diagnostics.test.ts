import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { startServer } from './lspClient';
import {
  compose,
  deployment,
  dockerfile,
  dockerfileDiagnostics,
  essentials,
  expected,
  multiDocumentManifest,
  onLine,
  type Essentials,
  type Sample,
} from './samples';

const cases: { name: string; sample: Sample; diagnostics: Essentials[] }[] = [
  { name: 'a Dockerfile with a latest tag and a shell-form CMD', sample: dockerfile, diagnostics: dockerfileDiagnostics },
  { name: 'a compose file with a top-level version', sample: compose, diagnostics: [expected('compose/obsolete-version', onLine(0, 0, 14))] },
  { name: 'a Deployment whose image is app:latest', sample: deployment, diagnostics: [expected('k8s/latest-tag', onLine(9, 17, 27))] },
  {
    name: 'a multi-document manifest with the problem in its second document',
    sample: multiDocumentManifest,
    diagnostics: [expected('k8s/latest-tag', onLine(16, 17, 27))],
  },
];

describe('push diagnostics (the client cannot pull)', () => {
  test('the server does not advertise a diagnostic provider', async (t) => {
    const client = await startServer(t);
    assert.equal(client.initializeResult.capabilities.diagnosticProvider, undefined);
  });

  for (const { name, sample, diagnostics } of cases) {
    test(`publishes the problems of ${name}`, async (t) => {
      const client = await startServer(t);
      const uri = await client.open(sample.fileName, sample.languageId, sample.text);
      assert.deepEqual((await client.published(uri)).map(essentials), diagnostics);
    });
  }

  test('closing a document clears its diagnostics', async (t) => {
    const client = await startServer(t);
    const uri = await client.open(dockerfile.fileName, dockerfile.languageId, dockerfile.text);
    assert.deepEqual((await client.published(uri)).map(essentials), dockerfileDiagnostics);
    await client.close(uri);
    assert.deepEqual(await client.published(uri, (diagnostics) => diagnostics.length === 0), []);
  });
});

describe('pull diagnostics (the client pulls)', () => {
  test('the server advertises a diagnostic provider', async (t) => {
    const client = await startServer(t, { pull: true });
    assert.deepEqual(client.initializeResult.capabilities.diagnosticProvider, { interFileDependencies: true, workspaceDiagnostics: true });
  });

  for (const { name, sample, diagnostics } of cases) {
    test(`answers textDocument/diagnostic with the problems of ${name}`, async (t) => {
      const client = await startServer(t, { pull: true });
      const uri = await client.open(sample.fileName, sample.languageId, sample.text);
      assert.deepEqual((await client.pull(uri)).map(essentials), diagnostics);
    });
  }
});
