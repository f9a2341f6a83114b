import assert from 'node:assert/strict';
import { test } from 'node:test';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { parseAllDocuments } from 'yaml';
import { applyEdits } from '../../server/src/engine/fixes';
import { parseYamlFile } from '../../server/src/parsing/yaml';
import { insertBeforeEntry, reorderEntries, sortedOrder, writtenEntries } from '../../server/src/parsing/yamlEntries';
import { YamlView } from '../../server/src/parsing/yamlView';

/** The text with the collection at `path` sorted by key (or item text); undefined when the move is refused. */
function sorted(text: string, ...path: string[]): string | undefined {
  const yaml = parseYamlFile(TextDocument.create('file:///x.yaml', 'yaml', 0, text));
  const root = YamlView.root(yaml.documents[0]!)!;
  const collection = path.length ? root.at(...path)! : root;
  const entries = writtenEntries(collection);
  const name = (entry: (typeof entries)[number]) => entry.key ?? entry.view?.text ?? '';
  const edit = reorderEntries(
    collection,
    sortedOrder(entries, (a, b) => (a.isMerge ? -1 : b.isMerge ? 1 : name(a).localeCompare(name(b), 'en'))),
  );
  if (!edit) return undefined;
  const result = applyEdits(text, [edit]);
  for (const parsed of parseAllDocuments(result) as ReturnType<typeof parseAllDocuments> & unknown[])
    assert.deepEqual(parsed.errors, [], 'the reordered text is still YAML');
  return result;
}

const cases: { name: string; text: string; path: string[]; expected: string | undefined }[] = [
  {
    name: 'block mapping: entries move with the comments above them and their deeper comments',
    text: 'services:\n  # web serves\n  web:\n    image: nginx:1.27 # pinned\n    # ports: [80]\n\n  db:\n    image: postgres:16\n# end\n',
    path: ['services'],
    expected: 'services:\n  db:\n    image: postgres:16\n\n  # web serves\n  web:\n    image: nginx:1.27 # pinned\n    # ports: [80]\n# end\n',
  },
  {
    name: 'the last entry takes its deeper trailing comments; outer ones stay',
    text: 'services:\n  web:\n    image: a\n  db:\n    image: b\n    # deep\n# outer\nnetworks: {}\n',
    path: ['services'],
    expected: 'services:\n  db:\n    image: b\n    # deep\n  web:\n    image: a\n# outer\nnetworks: {}\n',
  },
  {
    name: 'a comment standing alone between entries stays in place',
    text: 'x:\n  c: 1\n\n  # --- section ---\n\n  a: 2\n',
    path: ['x'],
    expected: 'x:\n  a: 2\n\n  # --- section ---\n\n  c: 1\n',
  },
  {
    name: 'block sequence with long-form items, CRLF kept',
    text: 'ports:\r\n  - "9000:9000"\r\n  # admin\r\n  - target: 80\r\n    published: 8080\r\n',
    path: ['ports'],
    expected: 'ports:\r\n  # admin\r\n  - target: 80\r\n    published: 8080\r\n  - "9000:9000"\r\n',
  },
  {
    name: 'sequence at the indentation of its key',
    text: 'list:\n- b\n- a\nnext: 1\n',
    path: ['list'],
    expected: 'list:\n- a\n- b\nnext: 1\n',
  },
  {
    name: 'the top of the file keeps its header comments',
    text: '# header\nservices: {}\nname: demo\n',
    path: [],
    expected: '# header\nname: demo\nservices: {}\n',
  },
  {
    name: 'last entry without final newline',
    text: 'x:\n  b: 1\n  a: 2',
    path: ['x'],
    expected: 'x:\n  a: 2\n  b: 1',
  },
  { name: 'one-line flow sequence', text: 'd: [redis, db]\n', path: ['d'], expected: 'd: [db, redis]\n' },
  { name: 'one-line flow mapping', text: 'd: { b: 1, a: { c: 2 } }\n', path: ['d'], expected: 'd: { a: { c: 2 }, b: 1 }\n' },
  { name: 'multi-line flow: refused', text: 'd: [redis,\n  db]\n', path: ['d'], expected: undefined },
  { name: 'an entry on its parent line: refused', text: 'l:\n  - b: 1\n    a: 2\n', path: ['l', '0'], expected: undefined },
  { name: 'an alias would come before its anchor: refused', text: 'x:\n  b: &v 1\n  a: *v\n', path: ['x'], expected: undefined },
  { name: 'an alias after its anchor stays after it', text: 'x:\n  a: &v 1\n  c: 2\n  b: *v\n', path: ['x'], expected: 'x:\n  a: &v 1\n  b: *v\n  c: 2\n' },
  { name: 'an anchor defined twice: refused', text: 'y: &v 0\nx:\n  b: &v 1\n  a: 2\n', path: ['x'], expected: undefined },
  {
    name: 'a merge key first stays first',
    text: 'b: &b { i: 1 }\nx:\n  <<: *b\n  z: 1\n  a: 2\n',
    path: ['x'],
    expected: 'b: &b { i: 1 }\nx:\n  <<: *b\n  a: 2\n  z: 1\n',
  },
  { name: 'keys before a merge key cannot move after it: refused', text: 'b: &b { i: 1 }\nx:\n  z: 1\n  <<: *b\n  a: 2\n', path: ['x'], expected: undefined },
  { name: 'a collection reached through an alias: refused', text: 'a: &a { c: 1, b: 2 }\nx: *a\n', path: ['x'], expected: undefined },
];

for (const { name, text, path, expected } of cases) {
  test(`reorderEntries: ${name}`, () => {
    const numeric = path.map((step) => (/^\d+$/.test(step) ? Number(step) : step));
    assert.equal(sorted(text, ...(numeric as string[])), expected);
  });
}

test('writtenEntries: merge keys are entries of their own, sequence items carry their views', () => {
  const yaml = parseYamlFile(TextDocument.create('file:///x.yaml', 'yaml', 0, 'b: &b { i: 1 }\nx:\n  <<: *b\n  k: v\nl: [1, two]\n'));
  const root = YamlView.root(yaml.documents[0]!)!;
  assert.deepEqual(
    writtenEntries(root.get('x')!).map(({ key, isMerge, view }) => ({ key, isMerge, value: view?.text })),
    [
      { key: '<<', isMerge: true, value: undefined },
      { key: 'k', isMerge: false, value: 'v' },
    ],
  );
  assert.deepEqual(
    writtenEntries(root.get('l')!).map((entry) => entry.view?.text),
    ['1', 'two'],
  );
});

function inserted(text: string, index: number, path: string[] = []): string | undefined {
  const yaml = parseYamlFile(TextDocument.create('file:///x.yaml', 'yaml', 0, text));
  const root = YamlView.root(yaml.documents[0]!)!;
  const edit = insertBeforeEntry(path.length ? root.at(...path)! : root, index, 'name: shop');
  return edit && applyEdits(text, [edit]);
}

test('insertBeforeEntry: above the comments of the entry, below the header of the file', () => {
  assert.equal(inserted('# header\nservices: {}\n', 0), '# header\nname: shop\nservices: {}\n');
  assert.equal(inserted('x-a: 1\n# the services\nservices: {}\n', 1), 'x-a: 1\nname: shop\n# the services\nservices: {}\n');
  assert.equal(inserted('x:\r\n  a: 1\r\n  b: 2\r\n', 1, ['x']), 'x:\r\n  a: 1\r\n  name: shop\r\n  b: 2\r\n');
  assert.equal(inserted('{ services: {} }\n', 0), undefined);
});
