import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { DocumentSymbol, MarkupContent, SymbolInformation, TextEdit } from 'vscode-languageserver-protocol/node';
import { tempFolder } from '../helpers/cli';
import { startServer } from './lspClient';

/** Objects in a file of the workspace folder that nobody opens. */
const definitions = [
  'apiVersion: v1',
  'kind: Secret',
  'metadata:',
  '  name: db-credentials',
  'stringData:',
  '  password: change-me',
  '---',
  'apiVersion: v1',
  'kind: ServiceAccount',
  'metadata:',
  '  name: web',
  '',
].join('\n');

/** A manifest being written: the Service's selector and the container's probe port have no value yet. */
const manifest = [
  'apiVersion: v1',
  'kind: Service',
  'metadata:',
  '  name: web',
  'spec:',
  '  selector:',
  '    ',
  '---',
  'apiVersion: apps/v1',
  'kind: Deployment',
  'metadata:',
  '  name: web',
  'spec:',
  '  selector:',
  '    matchLabels: {app: web}',
  '  template:',
  '    metadata:',
  '      labels: {app: web}',
  '    spec:',
  '      serviceAccountName: ',
  '      containers:',
  '        - name: web',
  '          image: registry.example/web:1.4.2',
  '          ports:',
  '            - name: http',
  '              containerPort: 8080',
  '          env:',
  '            - name: DB_PASSWORD',
  '              valueFrom:',
  '                secretKeyRef: {name: , key: password}',
  '          readinessProbe:',
  '            httpGet: {path: /healthz, port: }',
  '          ',
  '---',
  'apiVersion: v1',
  'kind: Cron',
  '',
].join('\n');

test('completion in a Kubernetes manifest: kinds fixing the apiVersion, fields, labels, workspace names, ports', async (t) => {
  const client = await startServer(t, { workspaceFolder: tempFolder({ 'definitions.yaml': definitions }) });
  const uri = await client.open('app.yaml', 'yaml', manifest);
  const labels = async (line: number, character: number) => (await client.completion(uri, { line, character })).map((item) => item.label);

  const kinds = await client.completion(uri, { line: 35, character: 10 });
  const cronJob = kinds.find((item) => item.label === 'CronJob');
  assert.equal(cronJob?.detail, 'batch/v1');
  assert.deepEqual(cronJob?.additionalTextEdits, [{ range: { start: { line: 34, character: 11 }, end: { line: 34, character: 14 } }, newText: ' batch/v1' }]);
  assert.deepEqual((cronJob?.textEdit as TextEdit | undefined)?.range, { start: { line: 35, character: 6 }, end: { line: 35, character: 10 } });

  const fields = await client.completion(uri, { line: 32, character: 10 });
  const resources = fields.find((item) => item.label === 'resources');
  assert.ok(resources, 'container fields on the empty last line');
  assert.equal((resources.textEdit as TextEdit).newText, 'resources:\n            ');
  assert.match((resources.documentation as MarkupContent).value, /Compute Resources required by this container/);
  assert.ok(!fields.some((item) => item.label === 'image' || item.label === 'ports'), 'not the fields already there');

  assert.deepEqual(await labels(6, 4), ['app: web'], "the Service's selector takes the pods' labels");
  assert.deepEqual(await labels(19, 26), ['web'], 'the ServiceAccount of the closed file');
  assert.deepEqual(await labels(29, 37), ['db-credentials'], 'the Secret of the closed file');
  assert.deepEqual(await labels(31, 44), ['http', '8080'], "the container's ports");
});

test('hover on a Kubernetes field and kind', async (t) => {
  const client = await startServer(t);
  const uri = await client.open('app.yaml', 'yaml', manifest);
  const onField = await client.hover(uri, { line: 19, character: 10 });
  const field = (onField?.contents as MarkupContent | undefined)?.value ?? '';
  assert.ok(field.startsWith('**serviceAccountName** · `string`\n\nServiceAccountName is the name of the ServiceAccount'), field);
  assert.ok(field.endsWith('`kubectl explain deployment.spec.template.spec.serviceAccountName`'), field);
  assert.deepEqual(onField?.range, { start: { line: 19, character: 6 }, end: { line: 19, character: 24 } });
  const onKind = await client.hover(uri, { line: 9, character: 8 });
  assert.ok(((onKind?.contents as MarkupContent | undefined)?.value ?? '').startsWith('**Deployment** · `apps/v1`\n\nDeployment enables declarative updates'));
});

function outline(symbols: DocumentSymbol[] | SymbolInformation[]): unknown[] {
  assert.ok(
    symbols.every((symbol) => 'selectionRange' in symbol),
    'the server answers with hierarchical symbols',
  );
  return (symbols as DocumentSymbol[]).map((symbol) => [symbol.name, symbol.detail, (symbol.children ?? []).map((child) => [child.name, child.detail])]);
}

test('documentSymbol outlines a manifest by object, with containers and data keys', async (t) => {
  const client = await startServer(t);
  const uri = await client.open('all.yaml', 'yaml', `${definitions}---\n${manifest}`);
  assert.deepEqual(outline(await client.documentSymbols(uri)), [
    ['Secret/db-credentials', 'v1', [['password', undefined]]],
    ['ServiceAccount/web', 'v1', []],
    ['Service/web', 'v1', []],
    ['Deployment/web', 'apps/v1', [['web', 'registry.example/web:1.4.2']]],
    ['Cron', 'v1', []],
  ]);
});
