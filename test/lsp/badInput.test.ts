import assert from 'node:assert/strict';
import { test } from 'node:test';
import { DiagnosticSeverity } from 'vscode-languageserver-protocol/node';
import { seededRandom } from '../helpers/random';
import { startServer } from './lspClient';
import { codes, deployment, dockerfile, essentials, expected, onLine } from './samples';

/** Deterministic garbage (mulberry32), so a failure reproduces; mixes Dockerfile syntax fragments with noise. */
function garbage(seed: number, length: number): string {
  const pieces = [
    'FROM',
    'RUN',
    'CMD [',
    'ARG',
    'ONBUILD',
    'HEALTHCHECK',
    '\\\n',
    '\n',
    '"',
    "'",
    '${',
    '}',
    '[',
    ']',
    '#',
    '=',
    '\t',
    ' ',
    '\0',
    'é',
    '🐳',
    ':latest',
    '@sha256:',
  ];
  const random = seededRandom(seed);
  let text = '';
  while (text.length < length) {
    text += random() < 0.5 ? pieces[Math.floor(random() * pieces.length)] : String.fromCharCode(32 + Math.floor(random() * 95));
  }
  return text;
}

test('garbage Dockerfiles get syntax diagnostics, no internal errors, and the server keeps answering', async (t) => {
  const client = await startServer(t);
  for (let seed = 1; seed <= 10; seed++) {
    const uri = await client.open(`garbage-${seed}.Dockerfile`, 'dockerfile', garbage(seed, 2_000));
    const diagnostics = await client.published(uri);
    assert.ok(
      diagnostics.some((diagnostic) => diagnostic.code === 'dockerfile/syntax' && diagnostic.severity === DiagnosticSeverity.Error),
      `seed ${seed}: expected a dockerfile/syntax error, got ${JSON.stringify(codes(diagnostics))}`,
    );
    for (const diagnostic of diagnostics) {
      assert.equal(diagnostic.source, 'container-standards');
      const message = typeof diagnostic.message === 'string' ? diagnostic.message : diagnostic.message.value;
      assert.doesNotMatch(message, /Internal error/, `seed ${seed}: a rule crashed`);
    }
    assert.ok(Array.isArray(await client.codeActions(uri, diagnostics)), `seed ${seed}: code actions should still be answered`);
  }
});

const unterminatedFlowMappings = [
  {
    kind: 'Kubernetes manifest',
    sample: {
      fileName: 'pod.yaml',
      languageId: 'yaml',
      text: ['apiVersion: v1', 'kind: Pod', 'metadata: {name: web', 'spec:', '  containers: []', ''].join('\n'),
    },
    diagnostics: [expected('k8s/syntax', onLine(3, 0, 1), DiagnosticSeverity.Error)],
  },
  {
    kind: 'compose file',
    sample: { fileName: 'compose.yaml', languageId: 'dockercompose', text: ['services:', '  web: {image: nginx:1.27', ''].join('\n') },
    diagnostics: [expected('compose/syntax', onLine(2, 0, 0), DiagnosticSeverity.Error)],
  },
];

for (const { kind, sample, diagnostics } of unterminatedFlowMappings) {
  test(`an unterminated flow mapping in a ${kind} is a syntax error, and the server keeps answering`, async (t) => {
    const client = await startServer(t);
    const uri = await client.open(sample.fileName, sample.languageId, sample.text);
    const published = await client.published(uri);
    assert.deepEqual(published.map(essentials), diagnostics);
    assert.deepEqual(await client.codeActions(uri, published, ['source.fixAll.container-standards']), []);
  });
}

test('breaking a valid manifest and mending it again is followed diagnostic by diagnostic', async (t) => {
  const client = await startServer(t);
  const uri = await client.open(deployment.fileName, deployment.languageId, deployment.text);
  const latestTag = [expected('k8s/latest-tag', onLine(9, 17, 27))];
  assert.deepEqual((await client.published(uri)).map(essentials), latestTag);

  await client.change(uri, deployment.text.replace('metadata:\n  name: app', 'metadata: {name: app'));
  const broken = await client.published(uri, (diagnostics) => codes(diagnostics).includes('k8s/syntax'));
  // The rules leave a document that does not parse to k8s/syntax: what the parser recovered may not be what was meant.
  assert.deepEqual(broken.map(essentials), [expected('k8s/syntax', onLine(3, 0, 1), DiagnosticSeverity.Error)]);

  await client.change(uri, deployment.text);
  assert.deepEqual((await client.published(uri, (diagnostics) => !codes(diagnostics).includes('k8s/syntax'))).map(essentials), latestTag);
});

test('a Dockerfile that is only whitespace is reported, not crashed on', async (t) => {
  const client = await startServer(t);
  const uri = await client.open(dockerfile.fileName, dockerfile.languageId, '\n\n   \n');
  const diagnostics = await client.published(uri);
  assert.deepEqual(codes(diagnostics), ['dockerfile/syntax']);
});
