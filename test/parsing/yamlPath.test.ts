import { test } from 'node:test';
import assert from 'node:assert/strict';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { Range } from 'vscode-languageserver-types';
import { parseYamlFile } from '../../server/src/parsing/yaml';
import { nodeAtPath, pathOfInstancePath, type DataPath } from '../../server/src/parsing/yamlPath';

const compose = `x-env: &env
  A: "1"
services:
  web:
    image: nginx:1.27
    ports:
      - "80:80"
      - target: 443
    build:
    "quoted key": 1
    environment: *env
  db: {image: postgres}
`;

/** The text a range covers, or `line:column` for an empty range. */
function textAt(text: string, range: Range | undefined): string | undefined {
  if (!range) return undefined;
  const lines = TextDocument.create('file:///t.yaml', 'yaml', 1, text);
  const covered = text.slice(lines.offsetAt(range.start), lines.offsetAt(range.end));
  return covered || `${range.start.line + 1}:${range.start.character + 1}`;
}

function locate(text: string, path: DataPath, documentIndex = 0) {
  const document = parseYamlFile(TextDocument.create('file:///t.yaml', 'yaml', 1, text)).documents[documentIndex]!;
  const location = nodeAtPath(document, path);
  return { exact: location.exact, key: textAt(text, location.keyRange), value: textAt(text, location.valueRange), viaAlias: location.viaAlias };
}

test('nodeAtPath finds keys and values, sequence items and flow maps', () => {
  const cases: [DataPath, ReturnType<typeof locate>][] = [
    [['services', 'web', 'image'], { exact: true, key: 'image', value: 'nginx:1.27', viaAlias: false }],
    [['services', 'web', 'ports', 0], { exact: true, key: undefined, value: '"80:80"', viaAlias: false }],
    [['services', 'web', 'ports', '1', 'target'], { exact: true, key: 'target', value: '443', viaAlias: false }],
    [['services', 'db', 'image'], { exact: true, key: 'image', value: 'postgres', viaAlias: false }],
    [['services', 'web', 'quoted key'], { exact: true, key: '"quoted key"', value: '1', viaAlias: false }],
    [['services', 'web', 'build'], { exact: true, key: 'build', value: 'build', viaAlias: false }],
  ];
  for (const [path, expected] of cases) assert.deepEqual(locate(compose, path), expected, path.join('/'));
});

test('nodeAtPath falls back to the deepest ancestor found', () => {
  assert.deepEqual(locate(compose, ['services', 'web', 'command']), {
    exact: false,
    key: 'web',
    value: locate(compose, ['services', 'web']).value,
    viaAlias: false,
  });
  assert.deepEqual(locate(compose, ['services', 'web', 'ports', 5]).key, 'ports');
  assert.equal(locate(compose, ['services', 'web', 'image', 'x']).exact, false, 'a scalar has no children');
  assert.deepEqual(locate(compose, []), { exact: true, key: undefined, value: compose, viaAlias: false });
});

test('nodeAtPath reports inside an alias at the alias the user wrote', () => {
  assert.deepEqual(locate(compose, ['services', 'web', 'environment']), { exact: true, key: 'environment', value: '*env', viaAlias: false });
  assert.deepEqual(locate(compose, ['services', 'web', 'environment', 'A']), { exact: true, key: '*env', value: '*env', viaAlias: true });
});

test('nodeAtPath follows << merge keys: own keys win, then the sources in order', () => {
  const text = `x-base: &base
  image: nginx
  restart: always
x-more: &more
  restart: "no"
  user: app
services:
  web:
    <<: [*base, *more]
    restart: unless-stopped
  api:
    <<: {cpus: 2}
`;
  assert.deepEqual(locate(text, ['services', 'web', 'image']), { exact: true, key: '*base', value: '*base', viaAlias: true });
  assert.deepEqual(locate(text, ['services', 'web', 'restart']), { exact: true, key: 'restart', value: 'unless-stopped', viaAlias: false });
  assert.deepEqual(locate(text, ['services', 'web', 'user']), { exact: true, key: '*more', value: '*more', viaAlias: true });
  assert.deepEqual(locate(text, ['services', 'api', 'cpus']), { exact: true, key: 'cpus', value: '2', viaAlias: false });
  assert.equal(locate(text, ['services', 'web', '<<']).exact, false, 'the merge key itself is not data');
});

test('nodeAtPath shows an empty key by its colon', () => {
  assert.deepEqual(locate('a: 1\n: orphan\n', ['']), { exact: true, key: ':', value: 'orphan', viaAlias: false });
});

test('nodeAtPath survives an anchor merged into itself', () => {
  const text = 'a: &a\n  <<: *a\n  b: 1\n';
  assert.deepEqual(locate(text, ['a', 'c']).exact, false);
});

test('nodeAtPath uses the ranges of the document it is given, in a multi-document file', () => {
  const text = 'a: 1\n---\nkind: Pod\nspec:\n  containers:\n    - name: app\n';
  assert.deepEqual(locate(text, ['spec', 'containers', 0, 'name'], 1), { exact: true, key: 'name', value: 'app', viaAlias: false });
});

test('pathOfInstancePath splits a JSON Pointer and unescapes ~1 and ~0', () => {
  assert.deepEqual(pathOfInstancePath(''), []);
  assert.deepEqual(pathOfInstancePath('/services/web/ports/0'), ['services', 'web', 'ports', '0']);
  assert.deepEqual(pathOfInstancePath('/labels/a~1b~0c'), ['labels', 'a/b~c']);
  assert.deepEqual(pathOfInstancePath('/x/'), ['x', '']);
});
