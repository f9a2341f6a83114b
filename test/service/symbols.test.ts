import { test } from 'node:test';
import assert from 'node:assert/strict';
import { SymbolKind, type DocumentSymbol, type Range } from 'vscode-languageserver-types';
import { parseContainerFile } from '../../server/src/parsing/containerFile';
import { documentSymbols } from '../../server/src/service/symbols';

/** A symbol reduced to what the outline shows: name, kind, the lines it spans, and its children. */
interface Outline {
  name: string;
  kind: SymbolKind;
  lines: [number, number];
  children?: Outline[];
}

function outline(symbols: readonly DocumentSymbol[]): Outline[] {
  return symbols.map(({ name, kind, range, children }) => ({
    name,
    kind,
    lines: [range.start.line, range.end.line],
    ...(children ? { children: outline(children) } : {}),
  }));
}

function symbolsOf(fileName: string, text: string): DocumentSymbol[] {
  return documentSymbols(parseContainerFile(`file:///project/${fileName}`, text));
}

/** Editors reject a symbol whose selection range lies outside its range. */
function assertSelectionsInside(symbols: readonly DocumentSymbol[]): void {
  const before = (a: Range['start'], b: Range['start']) => a.line < b.line || (a.line === b.line && a.character <= b.character);
  for (const symbol of symbols) {
    assert.ok(before(symbol.range.start, symbol.selectionRange.start) && before(symbol.selectionRange.end, symbol.range.end), symbol.name);
    assert.ok(symbol.name.length > 0);
    assertSelectionsInside(symbol.children ?? []);
  }
}

const cases: { name: string; fileName: string; text: string; expected: Outline[] }[] = [
  {
    name: 'Dockerfile: global ARGs, then stages with their instructions',
    fileName: 'Dockerfile',
    text: [
      '# syntax=docker/dockerfile:1',
      'ARG NODE=22',
      'FROM node:${NODE} AS build',
      'RUN npm ci \\',
      '  && npm run build',
      'FROM nginx:1.27',
      'COPY <<EOF /etc/motd',
      'hello',
      'EOF',
      'ENV MODE=production',
      'EXPOSE 8080',
      '',
    ].join('\n'),
    expected: [
      { name: 'ARG NODE=22', kind: SymbolKind.Variable, lines: [1, 1] },
      {
        name: 'FROM node:${NODE} AS build',
        kind: SymbolKind.Class,
        lines: [2, 4],
        children: [{ name: 'RUN npm ci …', kind: SymbolKind.Function, lines: [3, 4] }],
      },
      {
        name: 'FROM nginx:1.27',
        kind: SymbolKind.Class,
        lines: [5, 10],
        children: [
          { name: 'COPY <<EOF /etc/motd …', kind: SymbolKind.Function, lines: [6, 8] },
          { name: 'ENV MODE=production', kind: SymbolKind.Variable, lines: [9, 9] },
          { name: 'EXPOSE 8080', kind: SymbolKind.Property, lines: [10, 10] },
        ],
      },
    ],
  },
  {
    name: 'Dockerfile: a long instruction is shortened',
    fileName: 'Dockerfile',
    text: `FROM alpine:3.22\nRUN ${'x'.repeat(100)}\n`,
    expected: [
      {
        name: 'FROM alpine:3.22',
        kind: SymbolKind.Class,
        lines: [0, 1],
        children: [{ name: `RUN ${'x'.repeat(55)}…`, kind: SymbolKind.Function, lines: [1, 1] }],
      },
    ],
  },
  {
    name: 'Dockerfile: a backtick escape is no part of a name',
    fileName: 'Dockerfile',
    text: '# escape=`\nFROM mcr.microsoft.com/windows/nanoserver:ltsc2022\nRUN dir `\n  /s\n',
    expected: [
      {
        name: 'FROM mcr.microsoft.com/windows/nanoserver:ltsc2022',
        kind: SymbolKind.Class,
        lines: [1, 3],
        children: [{ name: 'RUN dir …', kind: SymbolKind.Function, lines: [2, 3] }],
      },
    ],
  },
  { name: 'Dockerfile: empty', fileName: 'Dockerfile', text: '', expected: [] },
  {
    name: 'compose: services, volumes and networks in file order',
    fileName: 'compose.yaml',
    text: ['services:', '  web:', '    image: nginx:1.27', '  db:', '    build: .', 'volumes:', '  data:', 'networks:', '  front: {}', ''].join('\n'),
    expected: [
      {
        name: 'services',
        kind: SymbolKind.Namespace,
        lines: [0, 5],
        children: [
          { name: 'web', kind: SymbolKind.Class, lines: [1, 3] },
          { name: 'db', kind: SymbolKind.Class, lines: [3, 5] },
        ],
      },
      { name: 'volumes', kind: SymbolKind.Namespace, lines: [5, 6], children: [{ name: 'data', kind: SymbolKind.Struct, lines: [6, 6] }] },
      { name: 'networks', kind: SymbolKind.Namespace, lines: [7, 9], children: [{ name: 'front', kind: SymbolKind.Interface, lines: [8, 8] }] },
    ],
  },
  {
    name: 'Kubernetes: one symbol per object',
    fileName: 'manifests.yaml',
    text: [
      'apiVersion: v1',
      'kind: ConfigMap',
      'metadata:',
      '  name: settings',
      '---',
      'apiVersion: apps/v1',
      'kind: Deployment',
      'metadata: {}',
      'spec: {}',
      '',
    ].join('\n'),
    expected: [
      { name: 'ConfigMap/settings', kind: SymbolKind.Object, lines: [0, 4] },
      { name: 'Deployment', kind: SymbolKind.Object, lines: [5, 9] },
    ],
  },
];

for (const { name, fileName, text, expected } of cases) {
  test(`symbols: ${name}`, () => {
    const symbols = symbolsOf(fileName, text);
    assert.deepEqual(outline(symbols), expected);
    assertSelectionsInside(symbols);
  });
}

test('symbols: a stage selects its FROM line, a service its name, an object its name', () => {
  const [stage] = symbolsOf('Dockerfile', 'FROM node:22 AS build\nRUN npm ci\n');
  assert.deepEqual(stage?.selectionRange, { start: { line: 0, character: 0 }, end: { line: 0, character: 21 } });
  assert.equal(stage?.detail, 'stage 0');
  const [services] = symbolsOf('compose.yaml', 'services:\n  web:\n    image: nginx:1.27\n');
  assert.deepEqual(services?.children?.[0]?.selectionRange, { start: { line: 1, character: 2 }, end: { line: 1, character: 5 } });
  assert.equal(services?.children?.[0]?.detail, 'nginx:1.27');
  const [object] = symbolsOf('pod.yaml', 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\n');
  assert.deepEqual(object?.selectionRange, { start: { line: 3, character: 8 }, end: { line: 3, character: 11 } });
});

test('symbols: no unnamed symbols, and nothing for other files', () => {
  assert.deepEqual(outline(symbolsOf('compose.yaml', "services:\n  '':\n    image: a\n")), [
    { name: 'services', kind: SymbolKind.Namespace, lines: [0, 3], children: [] },
  ]);
  // An empty kind makes no object; an empty name leaves the kind.
  assert.deepEqual(outline(symbolsOf('k.yaml', "apiVersion: v1\nkind: ''\n---\napiVersion: v1\nkind: Pod\nmetadata: {name: ''}\n")), [
    { name: 'Pod', kind: SymbolKind.Object, lines: [3, 6] },
  ]);
  assert.deepEqual(symbolsOf('notes.txt', 'FROM alpine'), []);
  assert.deepEqual(documentSymbols(undefined), []);
});

/** The outline reduced to names and details, for the compose cases below. */
function details(symbols: readonly DocumentSymbol[]): unknown[] {
  return symbols.map((symbol) => [symbol.name, symbol.detail, ...(symbol.children?.length ? [details(symbol.children)] : [])]);
}

test('symbols: compose services show their image or build context; resources where they come from', () => {
  const text = [
    'services:',
    '  web:',
    '    image: nginx:1.27',
    '  api:',
    '    build: ./api',
    '  worker:',
    '    build:',
    '      dockerfile: Dockerfile.worker',
    '  sidecar: {}',
    'networks:',
    '  front:',
    '    driver: bridge',
    '  shared:',
    '    external: true',
    'secrets:',
    '  token:',
    '    file: ./token.txt',
    'configs:',
    '  settings:',
    '    environment: SETTINGS',
    '',
  ].join('\n');
  const symbols = symbolsOf('compose.yaml', text);
  assert.deepEqual(details(symbols), [
    [
      'services',
      undefined,
      [
        ['web', 'nginx:1.27'],
        ['api', 'build: ./api'],
        ['worker', 'build: .'],
        ['sidecar', undefined],
      ],
    ],
    [
      'networks',
      undefined,
      [
        ['front', 'driver: bridge'],
        ['shared', 'external'],
      ],
    ],
    ['secrets', undefined, [['token', 'file: ./token.txt']]],
    ['configs', undefined, [['settings', 'environment: SETTINGS']]],
  ]);
  assert.deepEqual(
    symbols.map((symbol) => symbol.children?.[0]?.kind),
    [SymbolKind.Class, SymbolKind.Interface, SymbolKind.Key, SymbolKind.File],
  );
  assertSelectionsInside(symbols);
});

test('symbols: Kubernetes objects with their containers and data keys, per document', () => {
  const text = [
    'apiVersion: v1',
    'kind: ConfigMap',
    'metadata: {name: settings, namespace: shop}',
    'data:',
    '  mode: production',
    '  level: debug',
    '---',
    '# not an object',
    'just: data',
    '---',
    'apiVersion: batch/v1',
    'kind: CronJob',
    'metadata:',
    '  name: nightly',
    'spec:',
    '  jobTemplate:',
    '    spec:',
    '      template:',
    '        spec:',
    '          initContainers:',
    '            - name: migrate',
    '              image: migrate:4',
    '          containers:',
    '            - &main',
    '              name: report',
    '              image: report:1.2',
    '            - {image: helper:3}',
    '          ephemeralContainers: [*main]',
    '',
  ].join('\n');
  const symbols = symbolsOf('manifests.yaml', text);
  assert.deepEqual(details(symbols), [
    [
      'ConfigMap/settings',
      'v1 · shop',
      [
        ['mode', undefined],
        ['level', undefined],
      ],
    ],
    [
      'CronJob/nightly',
      'batch/v1',
      [
        ['migrate', 'init container · migrate:4'],
        ['report', 'report:1.2'],
        ['containers[1]', 'helper:3'],
        ['report', 'ephemeral container · report:1.2'],
      ],
    ],
  ]);
  assert.deepEqual(
    outline(symbols)[1]?.children?.map((child) => [child.kind, child.lines]),
    [
      [SymbolKind.Class, [20, 22]],
      [SymbolKind.Class, [24, 26]],
      [SymbolKind.Class, [26, 26]],
      [SymbolKind.Class, [27, 27]],
    ],
  );
  assert.equal(symbols[0]?.children?.[0]?.kind, SymbolKind.Key);
  // The aliased container selects its alias, where it is written in this object.
  assert.deepEqual(symbols[1]?.children?.[3]?.selectionRange, { start: { line: 27, character: 32 }, end: { line: 27, character: 32 } });
  assertSelectionsInside(symbols);
});

test('symbols: objects whose documents an edit keeps move with their lines, and equal those of a fresh parse', () => {
  const objects = ['apiVersion: v1', 'kind: Pod', 'metadata: {name: a}', 'spec:', '  containers:', '    - name: web', '      image: nginx:1.27'];
  const before = ['apiVersion: v1', 'kind: ConfigMap', 'metadata: {name: settings}', 'data: {mode: x}', '---', ...objects, ''].join('\n');
  const after = [
    '# moved down',
    'apiVersion: v1',
    'kind: ConfigMap',
    'metadata: {name: settings, namespace: shop}',
    'data: {mode: x}',
    '---',
    ...objects,
    '',
  ].join('\n');
  const uri = 'file:///project/manifests.yaml';
  const previous = parseContainerFile(uri, before);
  documentSymbols(previous);
  const edited = documentSymbols(parseContainerFile(uri, after, { previous }));
  assert.deepEqual(edited, documentSymbols(parseContainerFile(uri, after)));
  assert.deepEqual(outline(edited)[1]?.children, [{ name: 'web', kind: SymbolKind.Class, lines: [11, 13] }]);
});

test('symbols: compose merge keys and several documents', () => {
  const text = [
    'x-common: &common',
    '  image: busybox:1.37',
    'x-services: &shared',
    '  helper:',
    '    image: alpine:3.22',
    'services:',
    '  <<: *shared',
    '  web:',
    '    <<: *common',
    '---',
    'volumes:',
    '  data: {}',
    '',
  ].join('\n');
  const symbols = symbolsOf('compose.yaml', text);
  assert.deepEqual(details(symbols), [
    [
      'services',
      undefined,
      [
        ['helper', 'alpine:3.22'],
        ['web', 'busybox:1.37'],
      ],
    ],
    ['volumes', undefined, [['data', undefined]]],
  ]);
  const [services, volumes] = symbols;
  // A service brought in by the merge key is found at the `<<` that brought it.
  assert.deepEqual(services?.children?.[0]?.selectionRange, { start: { line: 6, character: 2 }, end: { line: 6, character: 4 } });
  assert.deepEqual(volumes?.selectionRange, { start: { line: 10, character: 0 }, end: { line: 10, character: 7 } });
  assertSelectionsInside(symbols);
});
