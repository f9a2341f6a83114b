import { test } from 'node:test';
import assert from 'node:assert/strict';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { parseYamlFile, type YamlDocument, type YamlFile } from '../../server/src/parsing/yaml';
import { YamlView } from '../../server/src/parsing/yamlView';

function parse(text: string, previous?: YamlFile): YamlFile {
  return parseYamlFile(TextDocument.create('file:///p/compose.yaml', 'dockercompose', 1, text), previous);
}

const service = (document: YamlDocument, name: string) => YamlView.root(document)?.at('services', name);

const COMPOSE = 'name: shop\nservices:\n  web:\n    image: nginx:1.27\n    ports: ["80:80"]\n  db:\n    image: postgres:16\nvolumes:\n  data: {}\n';

test('the document’s data put together from its entries is what toJS of the whole document gives', () => {
  const texts = [
    COMPOSE,
    'services:\n  web: { image: "a:1", environment: [A=1] }\nx-empty:\n',
    'services:\n  "quoted": { image: b }\n  other:\n',
    'a: 1\nb: [1, 2]\nc: { d: { e: null } }\n',
    // Entries whose own keys are not plain strings are taken whole.
    'services:\n  <<: { web: { image: a } }\n  db: { image: b }\n',
    'services:\n  2: { image: a }\n',
    'services:\n  web:\n    <<: { image: a }\n',
  ];
  for (const text of texts) {
    const [document] = parse(text).documents;
    assert.deepEqual(YamlView.dataOf(document!), { value: document!.parsed.toJS() }, text);
  }
});

test('no data is put together where it could differ from toJS: aliases, top-level keys that are not plain strings', () => {
  const texts = [
    'x: &a { image: a }\nservices:\n  web: *a\n',
    '<<: { services: {} }\n',
    '1: one\n',
    '__proto__: { polluted: true }\n',
    'services: {}\nservices: {}\n',
  ];
  for (const text of texts) {
    const [document] = parse(text).documents;
    assert.equal(YamlView.dataOf(document!), undefined, text);
  }
});

test('an edit leaves the data of the services it did not touch as it was: the same objects', () => {
  const first = parse(COMPOSE);
  const second = parse(COMPOSE.replace('postgres:16', 'postgres:17'), first);
  const [before, after] = [first.documents[0]!, second.documents[0]!];
  assert.equal(service(after, 'web')?.toJS(), service(before, 'web')?.toJS(), 'web is worked out once');
  assert.deepEqual(service(after, 'db')?.toJS(), { image: 'postgres:17' });
  const data = YamlView.dataOf(after)?.value as { services: Record<string, unknown> };
  assert.equal(data.services.web, service(after, 'web')?.toJS(), 'the document’s data shares it');
  assert.deepEqual(data, after.parsed.toJS());
});

test('with aliases the data follows an edit of the anchor', () => {
  const text = 'x-base: &base\n  image: a:1\nservices:\n  web:\n    <<: *base\n    init: true\n';
  const first = parse(text);
  assert.deepEqual(service(first.documents[0]!, 'web')?.toJS(), { image: 'a:1', init: true });
  const second = parse(text.replace('a:1', 'a:2'), first);
  assert.deepEqual(service(second.documents[0]!, 'web')?.toJS(), { image: 'a:2', init: true });
});
