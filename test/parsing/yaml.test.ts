import { test } from 'node:test';
import assert from 'node:assert/strict';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { documentStarts, parseYamlFile } from '../../server/src/parsing/yaml';

const three = 'a: 1\n---\nb: 2\n---\nc: 3\n';

test('document starts: --- lines, directives belong to the document they open', () => {
  const cases: [string, number[]][] = [
    ['a: 1\n', [0]],
    [three, [0, 5, 14]],
    ['---\na: 1\n', [0]],
    ['a: 1\n...\n%YAML 1.2\n---\nb: 2\n', [0, 9]],
    ['key: |\n  ---\n  text\n', [0]],
    ['a: "---"\n----: x\n', [0]],
    ['a: 1\n--- # comment\nb: 2\n', [0, 5]],
  ];
  for (const [text, starts] of cases) assert.deepEqual(documentStarts(text), starts, JSON.stringify(text));
});

test('an edit re-parses only the document it touches', () => {
  const first = parseYamlFile(TextDocument.create('file:///m.yaml', 'yaml', 1, three));
  const edited = parseYamlFile(TextDocument.create('file:///m.yaml', 'yaml', 2, three.replace('b: 2', 'b: 22')), first);
  assert.equal(edited.documents.length, 3);
  assert.equal(edited.documents[0]!.parsed, first.documents[0]!.parsed, 'the first document is reused');
  assert.notEqual(edited.documents[1]!.parsed, first.documents[1]!.parsed, 'the edited document is new');
  assert.equal(edited.documents[2]!.parsed, first.documents[2]!.parsed, 'the last document is reused');
});

test('a reused document reports ranges at its new place in the file', () => {
  const first = parseYamlFile(TextDocument.create('file:///m.yaml', 'yaml', 1, three));
  const grown = three.replace('b: 2', 'b: 2\nextra: line');
  const edited = parseYamlFile(TextDocument.create('file:///m.yaml', 'yaml', 2, grown), first);
  const last = edited.documents[2]!;
  assert.equal(last.parsed, first.documents[2]!.parsed);
  assert.deepEqual(last.rangeOf(last.root!.items[0]!.key as never), { start: { line: 5, character: 0 }, end: { line: 5, character: 1 } });
});

test('identical documents are each reused once', () => {
  const text = 'x: 1\n---\nx: 1\n';
  const first = parseYamlFile(TextDocument.create('file:///m.yaml', 'yaml', 1, text));
  const again = parseYamlFile(TextDocument.create('file:///m.yaml', 'yaml', 2, text), first);
  assert.deepEqual(
    again.documents.map((document) => document.parsed),
    first.documents.map((document) => document.parsed),
  );
  assert.notEqual(again.documents[0]!.parsed, again.documents[1]!.parsed);
});
