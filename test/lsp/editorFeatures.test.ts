import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { DocumentSymbol, MarkupContent, SymbolInformation } from 'vscode-languageserver-protocol/node';
import { startServer, type LspClient } from './lspClient';
import { multiDocumentManifest, type Sample } from './samples';

const multiStage: Sample = {
  fileName: 'Dockerfile',
  languageId: 'dockerfile',
  text: [
    'ARG NODE_VERSION=22',
    'FROM node:${NODE_VERSION} AS build',
    'RUN npm ci \\',
    '  && npm run build',
    'FROM nginx:1.27',
    'COPY --from=build /app/dist /usr/share/nginx/html',
    'CMD nginx -g "daemon off;"',
    '',
  ].join('\n'),
};

async function openSample(client: LspClient, sample: Sample): Promise<string> {
  return client.open(sample.fileName, sample.languageId, sample.text);
}

function isDocumentSymbols(symbols: DocumentSymbol[] | SymbolInformation[]): symbols is DocumentSymbol[] {
  return symbols.every((symbol) => 'selectionRange' in symbol);
}

function names(symbols: DocumentSymbol[] | SymbolInformation[]): unknown[] {
  assert.ok(isDocumentSymbols(symbols), 'the server answers with hierarchical symbols');
  return symbols.map((symbol) => (symbol.children?.length ? [symbol.name, symbol.children.map((child) => child.name)] : symbol.name));
}

async function hoverMarkdown(client: LspClient, uri: string, line: number, character: number): Promise<string> {
  const hover = await client.hover(uri, { line, character });
  assert.ok(hover, `a hover at ${line}:${character}`);
  const contents = hover.contents as MarkupContent;
  assert.equal(contents.kind, 'markdown');
  return contents.value;
}

test('the server advertises completion, hover, document symbols and folding', async (t) => {
  const client = await startServer(t);
  const capabilities = client.initializeResult.capabilities;
  assert.deepEqual(capabilities.completionProvider?.triggerCharacters, [' ', '-', '$', '{', ':', '=']);
  assert.equal(capabilities.hoverProvider, true);
  assert.equal(capabilities.documentSymbolProvider, true);
  assert.equal(capabilities.foldingRangeProvider, true);
});

test('completion answers with keywords, stage names and variables in a Dockerfile', async (t) => {
  const client = await startServer(t);
  const uri = await openSample(client, multiStage);
  const labels = async (line: number, character: number) => (await client.completion(uri, { line, character })).map((item) => item.label);

  assert.ok((await labels(7, 0)).includes('HEALTHCHECK'), 'keywords on the empty last line');
  assert.deepEqual(await labels(5, 12), ['build'], 'stage names after COPY --from=');
  assert.ok((await labels(1, 12)).includes('NODE_VERSION'), 'global ARGs after ${ on a FROM line');
  assert.deepEqual(await labels(3, 5), [], 'nothing on a continuation line');
});

test('hover documents instructions and explains findings', async (t) => {
  const client = await startServer(t);
  const uri = await openSample(client, multiStage);

  const onKeyword = await hoverMarkdown(client, uri, 4, 2);
  assert.ok(onKeyword.includes('**FROM**\n\nStarts a build stage'), onKeyword);
  const onFinding = await hoverMarkdown(client, uri, 6, 10);
  assert.ok(onFinding.includes('**dockerfile/shell-form-cmd**'), onFinding);
  assert.ok(onFinding.includes('RULES.md#dockerfileshell-form-cmd'), onFinding);
  assert.equal(await client.hover(uri, { line: 5, character: 30 }), null, 'nothing on a plain argument');
});

test('documentSymbol outlines a Dockerfile by stage and a manifest by object', async (t) => {
  const client = await startServer(t);
  const dockerfileUri = await openSample(client, multiStage);
  assert.deepEqual(names(await client.documentSymbols(dockerfileUri)), [
    'ARG NODE_VERSION=22',
    ['FROM node:${NODE_VERSION} AS build', ['RUN npm ci …']],
    ['FROM nginx:1.27', ['COPY --from=build /app/dist /usr/share/nginx/html', 'CMD nginx -g "daemon off;"']],
  ]);
  const manifestUri = await openSample(client, multiDocumentManifest);
  assert.deepEqual(names(await client.documentSymbols(manifestUri)), [
    ['ConfigMap/settings', ['mode']],
    ['Deployment/app', ['app']],
  ]);
});

test('foldingRange folds Dockerfile stages and continuations, and leaves YAML to the editor', async (t) => {
  const client = await startServer(t);
  const dockerfileUri = await openSample(client, multiStage);
  assert.deepEqual(await client.foldingRanges(dockerfileUri), [
    { startLine: 1, endLine: 3 },
    { startLine: 4, endLine: 6 },
    { startLine: 2, endLine: 3 },
  ]);
  const manifestUri = await openSample(client, multiDocumentManifest);
  assert.equal(await client.foldingRanges(manifestUri), null);
});

/** A compose file in the middle of being written: the last line's `depends_on:` has no entry yet. */
const composeProject: Sample = {
  fileName: 'compose.yaml',
  languageId: 'dockercompose',
  text: [
    "version: '3.8'",
    'services:',
    '  web:',
    '    build:',
    '      context: ./app',
    '      target: ',
    '    restart: ',
    '    ',
    '  db:',
    '    image: postgres:17',
    '    depends_on:',
    '      - ',
  ].join('\n'),
};

test('completion and hover in a compose file: schema keys and values, services, stages, findings explained', async (t) => {
  const client = await startServer(t);
  await client.open('app/Dockerfile', 'dockerfile', 'FROM node:22 AS build\nFROM nginx:1.27 AS runtime\n');
  const uri = await openSample(client, composeProject);
  const labels = async (line: number, character: number) => (await client.completion(uri, { line, character })).map((item) => item.label);

  assert.deepEqual(await labels(11, 8), ['web'], 'the other services in depends_on');
  assert.deepEqual(await labels(5, 14), ['build', 'runtime'], 'the stages of the Dockerfile the service builds');
  assert.deepEqual(await labels(6, 13), ['no', 'always', 'on-failure', 'unless-stopped'], 'restart policies');
  const serviceKeys = await client.completion(uri, { line: 7, character: 4 });
  const healthcheck = serviceKeys.find((item) => item.label === 'healthcheck');
  assert.ok(healthcheck, 'service keys on a new line');
  assert.ok(!serviceKeys.some((item) => item.label === 'build'), 'not the keys already there');

  const onKey = await hoverMarkdown(client, uri, 9, 6);
  assert.ok(onKey.startsWith('**image** · `string`\n\nSpecify the image'), onKey);
  const onFinding = await hoverMarkdown(client, uri, 0, 3);
  // Findings first (other rules may report at the key too), then what the schema says of the key.
  const sections = onFinding.split('\n\n---\n\n');
  assert.ok(sections[0]?.startsWith('**compose/'), onFinding);
  assert.ok(
    sections.some((section) => section.startsWith('**compose/obsolete-version**')),
    onFinding,
  );
  assert.ok(sections.at(-1)?.startsWith('**version**'), onFinding);
});

test('documentSymbol outlines a compose file by service', async (t) => {
  const client = await startServer(t);
  const uri = await openSample(client, composeProject);
  assert.deepEqual(names(await client.documentSymbols(uri)), [['services', ['web', 'db']]]);
});
