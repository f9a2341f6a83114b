import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { type Document, isCollection, isPair, isScalar, parseAllDocuments } from 'yaml';
import { generatedInputs } from '../../bench/compose/inputs';
import { documentStarts, PARSE_OPTIONS, parseYamlFile, type YamlFile } from '../../server/src/parsing/yaml';
import { corpus, corpusFiles } from '../helpers/corpus';
import { seededRandom } from '../helpers/random';

/** Everything of a parsed document that anyone could read: nodes with ranges and comments, problems, data. */
function describe(document: Document.Parsed): unknown {
  const node = (value: unknown): unknown => {
    if (value === null || value === undefined) return null;
    if (isPair(value)) return { pair: [node(value.key), node(value.value)] };
    const described: Record<string, unknown> = { class: (value as object).constructor.name };
    for (const field of ['range', 'tag', 'anchor', 'comment', 'commentBefore', 'spaceBefore', 'flow', 'type', 'source', 'format']) {
      const fieldValue = (value as Record<string, unknown>)[field];
      if (fieldValue !== undefined) described[field] = fieldValue;
    }
    if (isScalar(value)) described.value = typeof value.value === 'symbol' ? String(value.value) : value.value;
    if (isCollection(value)) described.items = value.items.map(node);
    return described;
  };
  let data: string;
  // Broken edits make collection keys, which `toJS` warns about on the process: noise here.
  const emitWarning = process.emitWarning;
  process.emitWarning = () => undefined;
  try {
    data = JSON.stringify(document.toJS({ maxAliasCount: 100 }));
  } catch (error) {
    data = `throws ${(error as Error).constructor.name}`;
  } finally {
    process.emitWarning = emitWarning;
  }
  const problems = (list: readonly { code: string; message: string; pos: [number, number] }[]) => list.map(({ code, message, pos }) => [code, message, pos]);
  return {
    range: document.range,
    commentBefore: document.commentBefore ?? null,
    comment: document.comment ?? null,
    docStart: document.directives.docStart ?? null,
    errors: problems(document.errors),
    warnings: problems(document.warnings),
    contents: node(document.contents),
    data,
  };
}

/** Each YAML document of the file parsed whole (offsets within its document, as parseYamlFile keeps them). */
function wholeParse(text: string): unknown[] {
  const starts = documentStarts(text);
  return starts.flatMap((start, index) => {
    const documents = parseAllDocuments(text.slice(start, starts[index + 1]), PARSE_OPTIONS);
    return Array.isArray(documents) ? documents.map(describe) : [];
  });
}

function parse(text: string, previous?: YamlFile): YamlFile {
  return parseYamlFile(TextDocument.create('file:///p/compose.yaml', 'dockercompose', 1, text), previous);
}

/** Parses `text` from `previous` (in pieces when it can) and checks the result against a whole parse. */
function assertSameAsWholeParse(text: string, previous: YamlFile | undefined, label: string): YamlFile {
  const file = parse(text, previous);
  assert.deepEqual(
    file.documents.map((document) => describe(document.parsed)),
    wholeParse(text),
    `${label}:\n${text}`,
  );
  return file;
}

const COMPOSE = `# the shop
name: shop

x-logging: &logging
  driver: json-file

services:
  web:
    image: nginx:1.27
    logging: *logging

  # the API, built here
  api:
    build: ./api
    environment:
      LOG_LEVEL: info
    depends_on: [db]
  db:
    image: postgres:16
    <<: { restart: always }
networks:
  default: {}
`;

test('a compose file parsed in pieces is the whole parse, node for node', () => {
  const file = assertSameAsWholeParse(COMPOSE, undefined, 'whole file');
  assert.ok(file.documents[0]?.chunks, 'it was parsed in pieces');
  assert.equal(file.documents[0]!.chunks!.length, 7, 'name (with the comment above it), x-logging, the services head, three services, networks');
});

test('an edit in a service parses only that service again; the others keep their nodes, moved', () => {
  const first = parse(COMPOSE);
  const edited = COMPOSE.replace('LOG_LEVEL: info', 'LOG_LEVEL: debug\n      EXTRA: "1"');
  const second = assertSameAsWholeParse(edited, first, 'edited');
  const services = (file: YamlFile) => (file.documents[0]!.parsed.toJS() as { services: object }).services;
  assert.deepEqual(Object.keys(services(second)), ['web', 'api', 'db']);
  const previousChunks = new Set(first.documents[0]!.chunks);
  const parsedAgain = second.documents[0]!.chunks!.filter((chunk) => !previousChunks.has(chunk));
  assert.equal(parsedAgain.length, 1, 'only the edited service is parsed again');
});

test('aliases resolve across pieces, also after the anchor is edited', () => {
  const first = assertSameAsWholeParse(COMPOSE, undefined, 'original');
  const second = assertSameAsWholeParse(COMPOSE.replace('driver: json-file', 'driver: local'), first, 'anchor edited');
  const web = (second.documents[0]!.parsed.toJS() as { services: { web: { logging: unknown } } }).services.web;
  assert.deepEqual(web.logging, { driver: 'local' });
});

test('what a piece cannot tell on its own is parsed whole, with the whole parse’s errors', () => {
  const cases = [
    COMPOSE.replace('image: postgres:16', 'image: "postgres:16'),
    COMPOSE.replace('  db:\n', '  web:\n'),
    `${COMPOSE}...\nx: 1\n`,
    // The composer lists a directive's errors after the document's; a broken flow collection may end at ` ...`.
    `%YAML 1.2\n---\n${COMPOSE}`,
    COMPOSE.replace('depends_on: [db]', 'depends_on: [db,\n ... more'),
  ];
  for (const text of cases) {
    const file = assertSameAsWholeParse(text, parse(COMPOSE), 'refused');
    assert.equal(file.documents[0]?.chunks, undefined, `parsed whole:\n${text}`);
  }
  const underIndented = assertSameAsWholeParse(COMPOSE.replace('  db:\n', ' db:\n'), parse(COMPOSE), 'a service indented less');
  assert.equal(underIndented.documents[0]?.chunks?.length, 4, 'the services are one piece');
});

/** Edits of the kind typing makes, and worse, aimed at the starts of lines where pieces begin. */
const FRAGMENTS = [
  ...[
    '"',
    "'",
    '[',
    ']',
    '{',
    '}',
    ':',
    ': ',
    '- ',
    '#',
    ' #',
    '&a ',
    '*a',
    '|',
    '>',
    '|+',
    '\t',
    '\n',
    '  ',
    'x',
    'deplo',
    '---',
    '...',
    '!reset ',
    '<<: *a',
    '? ',
    ',',
    '\r\n',
  ],
  ...['>', '|', '?', ':', '-', '&a', '!t', '*a', '"x"', '[x]', 'x', 'x:', 'x: 1', '# c', '', 'x: &a', 'x: *a', 'x: [', 'x: "'].flatMap((line) =>
    ['\n', '\n ', '\n  ', '\n    '].map((indent) => `${indent}${line}`),
  ),
];

function randomEdit(text: string, random: () => number): string {
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
  const lineStarts = [0, ...[...text.matchAll(/\n/g)].map((match) => match.index + 1)];
  const at = Math.min(text.length, random() < 0.5 ? Math.floor(random() * (text.length + 1)) : pick(lineStarts) + Math.floor(random() * 5));
  const kind = random();
  if (kind < 0.55) return text.slice(0, at) + pick(FRAGMENTS) + text.slice(at);
  if (kind < 0.8) return text.slice(0, at) + text.slice(at + 1 + Math.floor(random() * 8));
  const line = Math.floor(random() * lineStarts.length);
  const [start, end] = [lineStarts[line]!, lineStarts[line + 1] ?? text.length];
  return kind < 0.9 ? text.slice(0, start) + text.slice(end) : text.slice(0, end) + text.slice(start, end) + text.slice(end);
}

test('random edits of the generated benchmark files and the compose and Kubernetes corpus: pieces and whole parse agree', (t) => {
  const filesOf = (kind: string) => {
    const folder = join(corpus, kind);
    if (existsSync(folder)) return corpusFiles(folder).map((file) => ({ label: file.path, text: file.text }));
    t.diagnostic(`${folder} is absent: its files are not edited here`);
    return [];
  };
  // Kubernetes manifests of one document are parsed in pieces too; fewer edits of them keep the test short.
  const texts = [
    ...generatedInputs()
      .filter((input) => input.lines <= 1_000)
      .map((input) => ({ label: input.name, text: input.text, chains: 6 })),
    ...filesOf('compose').map((file) => ({ ...file, chains: 6 })),
    ...filesOf('k8s').map((file) => ({ ...file, chains: 1 })),
  ];
  const random = seededRandom(2026);
  let inPieces = 0;
  let parses = 0;
  for (const { label, text: original, chains } of texts) {
    let previous = assertSameAsWholeParse(original, undefined, label);
    for (let chain = 0; chain < chains; chain++) {
      let text = original;
      // A chain of edits, each parsed from the parse before it: pieces are re-used and moved again and again.
      for (let step = 0; step < 4; step++) {
        text = randomEdit(text, random);
        previous = assertSameAsWholeParse(text, previous, `${label}, chain ${chain}, edit ${step}`);
        parses++;
        if (previous.documents[0]?.chunks) inPieces++;
      }
    }
  }
  assert.ok(inPieces > parses / 3, `${inPieces} of ${parses} edited texts were parsed in pieces`);
});
