import assert from 'node:assert/strict';
import { test } from 'node:test';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { parseAllDocuments } from 'yaml';
import { applyEdits } from '../../server/src/engine/fixes';
import { parseYamlFile } from '../../server/src/parsing/yaml';
import { deletePair, insertPair, needsQuotes, replaceScalar, replaceWithBlock } from '../../server/src/parsing/yamlEdit';
import { YamlView } from '../../server/src/parsing/yamlView';
import type { TextEdit } from 'vscode-languageserver-types';

function edited(text: string, edit: (root: YamlView) => TextEdit | undefined, documentIndex = 0): string | undefined {
  const document = TextDocument.create('file:///x.yaml', 'yaml', 0, text);
  const yaml = parseYamlFile(document);
  const root = YamlView.root(yaml.documents[documentIndex]!);
  const change = root && edit(root);
  if (!change) return undefined;
  const result = applyEdits(text, [change]);
  for (const parsed of parseAllDocuments(result) as ReturnType<typeof parseAllDocuments> & unknown[])
    assert.deepEqual(parsed.errors, [], 'the edited text is still YAML');
  return result;
}

test('insertPair: block mapping, after the last entry and before trailing comments', () => {
  assert.equal(
    edited('services:\n  web:\n    image: nginx:1.27 # pinned\n  # db next\n  db:\n    image: postgres:16\n', (root) =>
      insertPair(root.at('services', 'web')!, 'restart', 'always'),
    ),
    'services:\n  web:\n    image: nginx:1.27 # pinned\n    restart: always\n  # db next\n  db:\n    image: postgres:16\n',
  );
});

test('insertPair: multi-line value, at the end of a file without final newline, CRLF kept', () => {
  assert.equal(
    edited('services:\r\n  web:\r\n    image: nginx:1.27', (root) =>
      insertPair(root.at('services', 'web')!, 'deploy', 'resources:\n  limits:\n    cpus: "1.0"'),
    ),
    'services:\r\n  web:\r\n    image: nginx:1.27\r\n    deploy:\r\n      resources:\r\n        limits:\r\n          cpus: "1.0"',
  );
});

test('insertPair: flow mapping, empty or not; a nested block value ends before the next key', () => {
  assert.equal(
    edited('services:\n  web: { image: "nginx:1.27" }\n', (root) => insertPair(root.at('services', 'web')!, 'restart', 'always')),
    'services:\n  web: { image: "nginx:1.27", restart: always }\n',
  );
  assert.equal(
    edited('web: {}\n', (root) => insertPair(root.get('web')!, 'a', '1')),
    'web: { a: 1 }\n',
  );
  assert.equal(
    edited('web:\n  environment:\n    A: 1\n\nother: 2\n', (root) => insertPair(root.get('web')!, 'b', '2')),
    'web:\n  environment:\n    A: 1\n  b: 2\n\nother: 2\n',
  );
});

test('insertPair in a later document of a multi-document file', () => {
  assert.equal(
    edited('a: 1\n---\nb:\n  c: 2\n', (root) => insertPair(root.get('b')!, 'd', '3'), 1),
    'a: 1\n---\nb:\n  c: 2\n  d: 3\n',
  );
});

test('replaceScalar keeps the quotes; values that would change type get quoted', () => {
  assert.equal(
    edited('ports: ["80:80"]\n', (root) => replaceScalar(root.at('ports', 0)!, '127.0.0.1:80:80')),
    'ports: ["127.0.0.1:80:80"]\n',
  );
  assert.equal(
    edited("image: 'nginx'\n", (root) => replaceScalar(root.get('image')!, "it's")),
    "image: 'it''s'\n",
  );
  assert.equal(
    edited('ports:\n  - 80:80\n', (root) => replaceScalar(root.at('ports', 0)!, '127.0.0.1:80:80')),
    'ports:\n  - 127.0.0.1:80:80\n',
  );
  assert.ok(needsQuotes('yes') && needsQuotes('8080') && needsQuotes('80:80') && needsQuotes('- x') && !needsQuotes('nginx:1.27'));
});

test('edits refuse values that come from an alias or a merge key', () => {
  assert.equal(
    edited('x: &img nginx\nimage: *img\n', (root) => replaceScalar(root.get('image')!, 'nginx:1.27')),
    undefined,
  );
});

test('replaceWithBlock turns a short form into a block under its key', () => {
  assert.equal(
    edited('web:\n  depends_on: [db, cache] # both\n  image: x\n', (root) =>
      replaceWithBlock(root.at('web', 'depends_on')!, 'db:\n  condition: service_healthy'),
    ),
    'web:\n  depends_on:\n    db:\n      condition: service_healthy # both\n  image: x\n',
  );
  assert.equal(
    edited('web:\n  depends_on:\n    - db # first\n    - cache # second\n  image: x\n', (root) =>
      replaceWithBlock(root.at('web', 'depends_on')!, 'db: {}\ncache: {}'),
    ),
    'web:\n  depends_on:\n    db: {}\n    cache: {} # second\n  image: x\n',
    'a block list ends at its last item: the line break stays',
  );
});

test('no insertion into a document with a syntax error: the new lines could become part of the broken text', () => {
  assert.equal(
    edited('services:\n  web:\n    image: nginx:1.27\n    command: [a, b\n', (root) => insertPair(root.at('services', 'web')!, 'restart', 'always')),
    undefined,
  );
});

test('deletePair removes a block pair with its lines and trailing comment, keeping comments above', () => {
  assert.equal(
    edited('# header\nversion: "3.8" # old\nservices:\n  web: {}\n', (root) => deletePair(root.get('version')!)),
    '# header\nservices:\n  web: {}\n',
  );
  assert.equal(
    edited('web:\n  environment:\n    A: 1\n    B: 2\n  image: x\n', (root) => deletePair(root.at('web', 'environment')!)),
    'web:\n  image: x\n',
  );
  assert.equal(
    edited('a: 1\nb: 2', (root) => deletePair(root.get('b')!)),
    'a: 1\n',
  );
});

test('deletePair in a flow mapping takes one comma with the pair', () => {
  assert.equal(
    edited('web: { image: x, restart: always }\n', (root) => deletePair(root.at('web', 'image')!)),
    'web: { restart: always }\n',
  );
  assert.equal(
    edited('web: { image: x, restart: always }\n', (root) => deletePair(root.at('web', 'restart')!)),
    'web: { image: x }\n',
  );
});
