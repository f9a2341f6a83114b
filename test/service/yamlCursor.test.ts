import { test } from 'node:test';
import assert from 'node:assert/strict';
import { yamlCursor, yamlKeyAt, type YamlPath } from '../../server/src/service/yamlCursor';
import { splitCursor } from './cursor';

interface Case {
  name: string;
  /** YAML with `|` at the cursor. */
  text: string;
  /** Undefined when nothing may be completed there. */
  expected?: { role: 'key' | 'value' | 'item'; path: YamlPath; typed: string; presentKeys?: string[]; presentItems?: string[]; flow?: boolean };
}

const service = ['services:', '  web:', '    image: nginx:1.27'];

const cases: Case[] = [
  { name: 'a top-level key in an empty document', text: '|', expected: { role: 'key', path: [], typed: '' } },
  { name: 'a top-level key being typed', text: 'services: {}\nvol|', expected: { role: 'key', path: [], typed: 'vol', presentKeys: ['services'] } },
  {
    name: 'an empty line inside a service',
    text: [...service, '    |', '    ports: []'].join('\n'),
    expected: { role: 'key', path: ['services', 'web'], typed: '', presentKeys: ['image', 'ports'] },
  },
  {
    name: 'a key below a block scalar',
    text: ['services:', '  web:', '    command: >', '      echo hi', '      image: not a key', '    bu|'].join('\n'),
    expected: { role: 'key', path: ['services', 'web'], typed: 'bu', presentKeys: ['command'] },
  },
  { name: 'nothing inside a block scalar', text: ['services:', '  web:', '    command: >-', '      echo |'].join('\n') },
  { name: 'nothing under a key that holds a scalar', text: ['services:', '  web:', '    build: .', '      tar|'].join('\n') },
  {
    name: 'a value after the key',
    text: [...service.slice(0, 2), '    image: ngi|'].join('\n'),
    expected: { role: 'value', path: ['services', 'web', 'image'], typed: 'ngi' },
  },
  {
    name: 'a quoted value',
    text: [...service.slice(0, 2), '    restart: "un|'].join('\n'),
    expected: { role: 'value', path: ['services', 'web', 'restart'], typed: 'un' },
  },
  { name: 'nothing after a closed quote', text: [...service.slice(0, 2), '    restart: "no" |'].join('\n') },
  { name: 'nothing in a comment', text: [...service, '    # ima|'].join('\n') },
  { name: 'nothing right after a colon', text: [...service.slice(0, 2), '    image:|'].join('\n') },
  { name: 'nothing right after a dash', text: [...service, '    links:', '      -|'].join('\n') },
  {
    name: 'a list item',
    text: [...service, '    depends_on:', '      - db', '      - |'].join('\n'),
    expected: { role: 'item', path: ['services', 'web', 'depends_on', 1], typed: '', presentItems: ['db'] },
  },
  {
    name: 'a list item written at its key’s column',
    text: [...service, '    depends_on:', '    - db', '    - ca|'].join('\n'),
    expected: { role: 'item', path: ['services', 'web', 'depends_on', 1], typed: 'ca', presentItems: ['db'] },
  },
  {
    name: 'an empty line in a list',
    text: [...service, '    links:', '      - db', '      |'].join('\n'),
    expected: { role: 'key', path: ['services', 'web', 'links'], typed: '', presentItems: ['db'] },
  },
  {
    name: 'a second key of a mapping item',
    text: [...service, '    volumes:', '      - type: volume', '        so|'].join('\n'),
    expected: { role: 'key', path: ['services', 'web', 'volumes', 0], typed: 'so', presentKeys: ['type'] },
  },
  {
    name: 'a value in a mapping item',
    text: [...service, '    volumes:', '      - ./a:/a', '      - type: volume', '        source: |'].join('\n'),
    expected: { role: 'value', path: ['services', 'web', 'volumes', 1, 'source'], typed: '' },
  },
  {
    name: 'a value on the item line',
    text: [...service, '    ports:', '      - protocol: u|'].join('\n'),
    expected: { role: 'value', path: ['services', 'web', 'ports', 0, 'protocol'], typed: 'u' },
  },
  {
    name: 'a nested key under a list item key',
    text: ['services:', '  web:', '    volumes:', '      - type: volume', '        volume:', '          no|'].join('\n'),
    expected: { role: 'key', path: ['services', 'web', 'volumes', 0, 'volume'], typed: 'no' },
  },
  {
    name: 'an anchor and a tag open a block',
    text: ['x-base: &base', '  restart: always', 'services:', '  web: !override', '    |'].join('\n'),
    expected: { role: 'key', path: ['services', 'web'], typed: '' },
  },
  {
    name: 'quoted keys and comments on the way up',
    text: ['"services": # all of them', '  # a comment', "  'web':", '', '    imag|'].join('\n'),
    expected: { role: 'key', path: ['services', 'web'], typed: 'imag' },
  },
  {
    name: 'a document marker ends the walk',
    text: ['services:', '  web:', '---', 'serv|'].join('\n'),
    expected: { role: 'key', path: [], typed: 'serv' },
  },
  {
    name: 'CRLF lines',
    text: ['services:', '  web:', '    build:', '      tar|'].join('\r\n'),
    expected: { role: 'key', path: ['services', 'web', 'build'], typed: 'tar' },
  },
  {
    name: 'a flow sequence',
    text: [...service, '    depends_on: [db, "cache", we|'].join('\n'),
    expected: { role: 'value', path: ['services', 'web', 'depends_on', 2], typed: 'we', presentItems: ['db', 'cache'], flow: true },
  },
  {
    name: 'a key in a flow mapping',
    text: [...service, '    build: {context: ., ta|'].join('\n'),
    expected: { role: 'key', path: ['services', 'web', 'build'], typed: 'ta', presentKeys: ['context'], flow: true },
  },
  {
    name: 'a value in a flow mapping',
    text: [...service, '    depends_on: {db: {condition: serv|'].join('\n'),
    expected: { role: 'value', path: ['services', 'web', 'depends_on', 'db', 'condition'], typed: 'serv', flow: true },
  },
  { name: 'nothing after a closed flow collection', text: [...service, '    depends_on: [db] |'].join('\n') },
  { name: 'nothing in a multi-line flow collection', text: [...service, '    build: {', '      con|'].join('\n') },
];

for (const { name, text, expected } of cases) {
  test(`yaml cursor: ${name}`, () => {
    const { text: yaml, position } = splitCursor(text);
    const cursor = yamlCursor(yaml, position);
    if (!expected) {
      assert.equal(cursor, undefined);
      return;
    }
    assert.ok(cursor, 'a cursor');
    assert.equal(cursor.role, expected.role);
    assert.deepEqual(cursor.path, expected.path);
    assert.equal(cursor.typed, expected.typed);
    assert.deepEqual(cursor.range.end, position);
    assert.equal(cursor.range.end.character - cursor.range.start.character, expected.typed.length);
    assert.equal(cursor.flow, expected.flow ?? false);
    assert.deepEqual([...cursor.presentKeys], expected.presentKeys ?? []);
    assert.deepEqual(cursor.presentItems, expected.presentItems ?? []);
  });
}

test('yaml cursor: a key edited in place is replaced up to its colon', () => {
  const { text, position } = splitCursor([...service.slice(0, 2), '    ima|ge: nginx'].join('\n'));
  const cursor = yamlCursor(text, position);
  assert.deepEqual(cursor?.wordEnd, { line: 2, character: 9 });
  assert.equal(cursor?.hasColon, true);
});

test('yaml cursor: never throws, at any position of odd input', () => {
  const texts = ['', ':', '- - -', '- : -', '"', "'a", '{[}]', 'a: [b, {c: "', '  - \n-\n', 'a:\n\t- b\n\t|', '---\n...\n', 'a: &x\n  <<: *x\n  b:'];
  for (const text of texts) {
    for (let offset = 0; offset <= text.length; offset++) {
      const before = text.slice(0, offset).split('\n');
      const position = { line: before.length - 1, character: before.at(-1)?.length ?? 0 };
      assert.doesNotThrow(() => yamlCursor(text, position), `${JSON.stringify(text)} at ${offset}`);
      assert.doesNotThrow(() => yamlKeyAt(text, position), `${JSON.stringify(text)} at ${offset}`);
    }
    assert.equal(yamlCursor(text, { line: 99, character: 0 }), undefined);
  }
});

const keyCases: { name: string; text: string; path?: YamlPath; range?: [number, number, number] }[] = [
  { name: 'a service key', text: [...service.slice(0, 2), '    ima|ge: nginx:1.27'].join('\n'), path: ['services', 'web', 'image'], range: [2, 4, 9] },
  { name: 'at the end of the key', text: 'services|:\n', path: ['services'], range: [0, 0, 8] },
  {
    name: 'a key of a list item',
    text: ['services:', '  web:', '    ports:', '      - targ|et: 80'].join('\n'),
    path: ['services', 'web', 'ports', 0, 'target'],
  },
  { name: 'a quoted key', text: '"servi|ces":', path: ['services'], range: [0, 0, 10] },
  { name: 'nothing on a value', text: [...service.slice(0, 2), '    image: ngi|nx'].join('\n') },
  { name: 'nothing on a list item', text: ['services:', '  web:', '    links:', '      - d|b'].join('\n') },
];

for (const { name, text, path, range } of keyCases) {
  test(`yaml key at: ${name}`, () => {
    const { text: yaml, position } = splitCursor(text);
    const key = yamlKeyAt(yaml, position);
    if (!path) {
      assert.equal(key, undefined);
      return;
    }
    assert.deepEqual(key?.path, path);
    if (range) assert.deepEqual(key?.range, { start: { line: range[0], character: range[1] }, end: { line: range[0], character: range[2] } });
  });
}
