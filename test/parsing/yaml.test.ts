import { test } from 'node:test';
import assert from 'node:assert/strict';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { documentStarts, parseYamlFile, type YamlFile } from '../../server/src/parsing/yaml';
import { YamlView } from '../../server/src/parsing/yamlView';
import { seededRandom } from '../helpers/random';

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

test('an unchanged document is kept, moved to its new place, with the model built from it', () => {
  const first = parseYamlFile(TextDocument.create('file:///m.yaml', 'yaml', 1, three));
  const kept = first.documents[2]!;
  const view = YamlView.root(kept)!.get('c')!;
  assert.deepEqual(view.range, { start: { line: 4, character: 3 }, end: { line: 4, character: 4 } });
  const grown = three.replace('b: 2', 'b: 2\nextra: [1,\n  2]');
  const edited = parseYamlFile(TextDocument.create('file:///m.yaml', 'yaml', 2, grown), first);
  assert.equal(edited.documents[2], kept, 'the same document, not a copy');
  assert.equal(kept.offset, grown.lastIndexOf('---'));
  assert.deepEqual(view.range, { start: { line: 6, character: 3 }, end: { line: 6, character: 4 } }, 'views built before the move report at the new place');
});

test('a segment of several documents (`...` ends one, no `---` starts the next) keeps all of them when re-used', () => {
  const text = 'a: 1\n...\nb: 2\n---\nc: 3\n';
  const first = parseYamlFile(TextDocument.create('file:///m.yaml', 'yaml', 1, text));
  assert.equal(first.documents.length, 3);
  const edited = parseYamlFile(TextDocument.create('file:///m.yaml', 'yaml', 2, text.replace('c: 3', 'c: 4')), first);
  assert.equal(edited.documents.length, 3);
  assert.equal(edited.documents[0], first.documents[0]);
  assert.equal(edited.documents[1], first.documents[1]);
  assert.deepEqual(YamlView.root(edited.documents[1]!)!.get('b')!.range.start, { line: 2, character: 3 });
});

test('positions worked out per document agree with the whole text over random edits (comment-only segments, CRLF, `...`)', () => {
  const random = seededRandom(11);
  const pieces = ['# header\n', 'a: 1\n', '---\n', 'b:\n  - x\n  - y\n', '...\n', '\r\n', 'c: "q"\r\n', '--- # doc\n', 'd: |\n  t\n', '\n', '%YAML 1.2\n'];
  let text = 'a: 1\n---\nb: 2\n';
  let previous: YamlFile | undefined;
  for (let step = 0; step < 300; step++) {
    const at = Math.floor(random() * (text.length + 1));
    const lineStart = text.lastIndexOf('\n', at - 1) + 1;
    text =
      random() < 0.7
        ? text.slice(0, lineStart) + pieces[Math.floor(random() * pieces.length)]! + text.slice(lineStart)
        : text.slice(0, lineStart) + text.slice(text.indexOf('\n', lineStart) + 1 || text.length);
    const whole = TextDocument.create('file:///m.yaml', 'yaml', step, text);
    const file = parseYamlFile(whole, previous);
    for (const document of file.documents) {
      assert.equal(text.slice(document.offset, document.offset + document.text.length), document.text, `step ${step}`);
      assert.equal(document.startLine, whole.positionAt(document.offset).line, `step ${step}: ${JSON.stringify(text)}`);
      for (const offset of [0, Math.floor(document.text.length / 2), document.text.length]) {
        assert.deepEqual(document.rangeOfOffsets(offset, offset).start, whole.positionAt(document.offset + offset), `step ${step}, offset ${offset}`);
      }
    }
    previous = file;
  }
});
