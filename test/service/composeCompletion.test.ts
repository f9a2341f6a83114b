import { test } from 'node:test';
import assert from 'node:assert/strict';
import { InsertTextMode, type CompletionItem, type MarkupContent, type TextEdit } from 'vscode-languageserver-types';
import { imageEntry, smallerVariants } from '../../server/src/knowledge/images';
import { completions } from '../../server/src/service/completion';
import { Workspace } from '../../server/src/workspace/workspace';
import { splitCursor } from './cursor';

const PROJECT = 'file:///project';

/** Completes at the `|` of a compose file, within a project of other files (paths relative to the project folder). */
function complete(textWithCursor: string, files: Record<string, string> = {}, fileName = 'compose.yaml'): { items: CompletionItem[] } {
  const { text, position } = splitCursor(textWithCursor);
  const contents = new Map(Object.entries(files).map(([path, content]) => [`${PROJECT}/${path}`, content]));
  const workspace = new Workspace({ readFile: (uri) => contents.get(uri) });
  for (const uri of contents.keys()) workspace.index(uri);
  const uri = `${PROJECT}/${fileName}`;
  workspace.open(uri, text, 'dockercompose');
  return { items: completions(workspace.get(uri), position, workspace) };
}

function labels(items: readonly CompletionItem[]): string[] {
  const key = (item: CompletionItem) => item.sortText ?? item.label;
  return [...items].sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0)).map((item) => item.label);
}

function newText(items: readonly CompletionItem[], label: string): string | undefined {
  return (items.find((item) => item.label === label)?.textEdit as TextEdit | undefined)?.newText;
}

const services = ['services:', '  web:', '    image: nginx:1.27', '  db:', '    image: postgres:17'];
const resources = [
  'networks:',
  '  front:',
  '  back:',
  'volumes:',
  '  data:',
  'secrets:',
  '  token:',
  '    file: ./token.txt',
  'configs:',
  '  settings:',
  '    external: true',
];

interface Case {
  name: string;
  text: string;
  files?: Record<string, string>;
  labels?: readonly string[];
  includes?: readonly string[];
  excludes?: readonly string[];
  /** label → the text it inserts */
  inserts?: Record<string, string>;
}

const cases: Case[] = [
  // Keys from the schema
  {
    name: 'top-level keys in an empty file, without the obsolete version',
    text: '|',
    labels: ['configs', 'include', 'models', 'name', 'networks', 'secrets', 'services', 'volumes'],
    inserts: { services: 'services:\n  ', include: 'include:\n  - ', name: 'name: ' },
  },
  {
    name: 'service keys on an empty line, without those already there',
    text: [...services, '    |', '    restart: always'].join('\n'),
    includes: ['build', 'depends_on', 'healthcheck', 'user', 'read_only'],
    excludes: ['image', 'restart', 'services'],
    inserts: { healthcheck: 'healthcheck:\n      ', cap_drop: 'cap_drop:\n      - ', user: 'user: ', build: 'build: ' },
  },
  {
    name: 'keys of a service being typed, the document broken below',
    text: ['services:', '  web:', '    ima|', '  db:', '    image: [unclosed'].join('\n'),
    includes: ['image'],
  },
  {
    name: 'build keys',
    text: ['services:', '  web:', '    build:', '      context: .', '      |'].join('\n'),
    includes: ['dockerfile', 'target', 'args'],
    excludes: ['context'],
  },
  {
    name: 'a mapping with one required key inserts it',
    text: ['services:', '  web:', '    deploy:', '      |'].join('\n'),
    includes: ['resources', 'replicas'],
    inserts: { resources: 'resources:\n        ', replicas: 'replicas: ' },
  },
  {
    name: 'keys of a long-syntax list item, after its dash',
    text: [...services, '    ports:', '      - |'].join('\n'),
    includes: ['target', 'published', 'protocol', 'host_ip'],
    inserts: { target: 'target: ' },
  },
  {
    name: 'the next key of a long-syntax list item',
    text: [...services, '    volumes:', '      - type: volume', '        |'].join('\n'),
    includes: ['source', 'target', 'read_only'],
    excludes: ['type', 'data'],
  },
  {
    name: 'a key of a flow mapping',
    text: [...services, '    build: {context: ., |'].join('\n'),
    includes: ['target'],
    excludes: ['context'],
    inserts: { target: 'target: ' },
  },
  { name: 'nothing under x- extensions', text: ['x-defaults:', '  |'].join('\n'), labels: [] },
  // Values from the schema
  {
    name: 'enum values',
    text: [...services, '    depends_on:', '      db:', '        condition: |'].join('\n'),
    labels: ['service_started', 'service_healthy', 'service_completed_successfully'],
  },
  { name: 'enum values of a long-syntax item', text: [...services, '    volumes:', '      - type: |'].join('\n'), includes: ['bind', 'volume', 'tmpfs'] },
  { name: 'booleans', text: [...services, '    read_only: |'].join('\n'), labels: ['true', 'false'] },
  {
    name: 'well-known values, no quoted where YAML would read a boolean',
    text: [...services, '    restart: |'].join('\n'),
    labels: ['no', 'always', 'on-failure', 'unless-stopped'],
    inserts: { no: '"no"', always: 'always' },
  },
  { name: 'inside quotes, values go in as they are', text: [...services, '    restart: "|'].join('\n'), inserts: { no: 'no' } },
  // References to the project
  {
    name: 'services in depends_on, without the service itself or those listed',
    text: [...services, '  cache:', '    image: redis:7', '    depends_on:', '      - db', '      - |'].join('\n'),
    labels: ['web'],
  },
  {
    name: 'depends_on on its first line starts the list',
    text: [...services, '    depends_on:', '      |'].join('\n'),
    labels: ['web'],
    inserts: { web: '- web' },
  },
  {
    name: 'depends_on in the long form names services as keys, with their condition',
    text: [...services, '    depends_on:', '      web:', '        condition: service_healthy', '      |'].join('\n'),
    excludes: ['web', 'db'],
  },
  {
    name: 'depends_on long form offers the other services',
    text: [...services, '  cache:', '    depends_on:', '      db:', '        condition: service_healthy', '      |'].join('\n'),
    labels: ['web'],
    inserts: { web: 'web:\n        condition: ' },
  },
  { name: 'services in a flow depends_on', text: [...services, '  cache:', '    depends_on: [db, |'].join('\n'), labels: ['web'] },
  { name: 'services in links', text: [...services, '    links:', '      - |'].join('\n'), labels: ['web'] },
  { name: 'services in extends', text: [...services, '    extends: |'].join('\n'), labels: ['web'] },
  { name: 'services in extends.service', text: [...services, '    extends:', '      service: |'].join('\n'), labels: ['web'] },
  { name: 'network_mode: services and modes', text: [...services, '    network_mode: |'].join('\n'), labels: ['service:web', 'bridge', 'host', 'none'] },
  {
    name: 'services from the override file too',
    text: [...services, '    depends_on: [|'].join('\n'),
    files: { 'compose.override.yaml': 'services:\n  proxy:\n    image: traefik:3\n' },
    labels: ['web', 'proxy'],
  },
  {
    name: 'declared networks in a list',
    text: [...resources, ...services, '    networks:', '      - front', '      - |'].join('\n'),
    labels: ['back', 'default'],
  },
  {
    name: 'declared networks as keys',
    text: [...resources, ...services, '    networks:', '      front:', '        aliases: [db]', '      |'].join('\n'),
    includes: ['back', 'default'],
    excludes: ['front'],
    inserts: { back: 'back:' },
  },
  {
    name: 'named volumes in the short syntax go on with the container path',
    text: [...resources, ...services, '    volumes:', '      - |'].join('\n'),
    includes: ['data', 'type', 'source'],
    inserts: { data: 'data:' },
  },
  { name: 'no volume names for a bind mount path', text: [...resources, ...services, '    volumes:', '      - ./|'].join('\n'), excludes: ['data'] },
  {
    name: 'named volumes as a long-syntax source',
    text: [...resources, ...services, '    volumes:', '      - type: volume', '        source: |'].join('\n'),
    labels: ['data'],
  },
  { name: 'declared secrets', text: [...resources, ...services, '    secrets:', '      - |'].join('\n'), includes: ['token', 'source'] },
  { name: 'declared configs as a long-syntax source', text: [...resources, ...services, '    configs:', '      - source: |'].join('\n'), labels: ['settings'] },
  // Build stages
  {
    name: 'stages of the Dockerfile the service builds',
    text: ['services:', '  web:', '    build:', '      context: ./app', '      target: |'].join('\n'),
    files: { 'app/Dockerfile': 'FROM node:22 AS deps\nFROM node:22 AS Build\nFROM nginx:1.27\n' },
    labels: ['deps', 'Build'],
  },
  {
    name: 'stages of a Dockerfile named in build.dockerfile',
    text: ['services:', '  web:', '    build:', '      target: |', '      dockerfile: docker/Dockerfile.prod'].join('\n'),
    files: { 'docker/Dockerfile.prod': 'FROM node:22 AS release\n' },
    labels: ['release'],
  },
  {
    name: 'stages when the override sets the target',
    text: ['services:', '  web:', '    build:', '      target: |'].join('\n'),
    files: { 'compose.yaml': 'services:\n  web:\n    build: ./app\n', 'app/Dockerfile': 'FROM node:22 AS dev\n' },
    labels: ['dev'],
  },
  { name: 'no stages without a Dockerfile', text: ['services:', '  web:', '    build: {target: |'].join('\n'), labels: [] },
  // Images
  { name: 'images', text: ['services:', '  web:', '    image: |'].join('\n'), includes: ['node', 'postgres', 'nginx'] },
];

for (const { name, text, files, labels: expected, includes, excludes, inserts } of cases) {
  test(`compose completion: ${name}`, () => {
    const fileName = files?.['compose.yaml'] ? 'compose.override.yaml' : 'compose.yaml';
    const { items } = complete(text, files, fileName);
    const actual = labels(items);
    if (expected) assert.deepEqual(actual, expected);
    for (const label of includes ?? []) assert.ok(actual.includes(label), `${label} missing from ${JSON.stringify(actual)}`);
    for (const label of excludes ?? []) assert.ok(!actual.includes(label), `${label} should not be offered`);
    for (const [label, expectedText] of Object.entries(inserts ?? {})) assert.equal(newText(items, label), expectedText, label);
  });
}

test('compose completion: image tags replace the tag being typed', () => {
  const node = imageEntry({ repository: 'node' });
  assert.ok(node);
  const { items } = complete(['services:', '  web:', '    image: node:2|'].join('\n'));
  assert.deepEqual(
    labels(items),
    node.tags.flatMap((tag) => [tag, ...smallerVariants(node, tag)]),
  );
  const edit = items[0]?.textEdit as TextEdit;
  assert.deepEqual(edit.range, { start: { line: 2, character: 16 }, end: { line: 2, character: 17 } });
});

test('compose completion: keys carry the schema description, replace the typed prefix and ask for values next', () => {
  const { items } = complete(['services:', '  web:', '    res|'].join('\n'));
  const restart = items.find((item) => item.label === 'restart');
  assert.ok(restart);
  assert.equal(restart.detail, 'string');
  assert.match((restart.documentation as MarkupContent).value, /^Restart policy for the service container/);
  assert.deepEqual((restart.textEdit as TextEdit).range, { start: { line: 2, character: 4 }, end: { line: 2, character: 7 } });
  assert.equal(restart.command?.command, 'editor.action.triggerSuggest');
  assert.equal(restart.insertTextMode, InsertTextMode.asIs);
  assert.equal(items.find((item) => item.label === 'healthcheck')?.command, undefined);
});

test('compose completion: enum values show in the key documentation', () => {
  const { items } = complete(['services:', '  web:', '    |'].join('\n'));
  const cgroup = items.find((item) => item.label === 'cgroup');
  assert.match((cgroup?.documentation as MarkupContent | undefined)?.value ?? '', /Allowed values: `host`, `private`/);
});

test('compose completion: a key edited in place keeps its colon and value', () => {
  const { items } = complete(['services:', '  web:', '    ima|ge: nginx:1.27'].join('\n'));
  const image = items.find((item) => item.label === 'image');
  assert.deepEqual(image?.textEdit, { range: { start: { line: 2, character: 4 }, end: { line: 2, character: 9 } }, newText: 'image' });
});

test('compose completion: keys of a list item indent from the item', () => {
  const { items } = complete(['services:', '  web:', '    volumes:', '      - |'].join('\n'));
  assert.equal(newText(items, 'volume'), 'volume:\n          ');
});

test('compose completion: without a workspace, the schema still answers but names nothing', () => {
  const { text, position } = splitCursor(['services:', '  web:', '    depends_on:', '      - |'].join('\n'));
  const workspace = new Workspace({ readFile: () => undefined });
  workspace.open(`${PROJECT}/compose.yaml`, text, 'dockercompose');
  assert.deepEqual(completions(workspace.get(`${PROJECT}/compose.yaml`), position), []);
  const restart = splitCursor(['services:', '  web:', '    restart: |'].join('\n'));
  workspace.open(`${PROJECT}/compose.yaml`, restart.text, 'dockercompose');
  assert.ok(completions(workspace.get(`${PROJECT}/compose.yaml`), restart.position).some((item) => item.label === 'always'));
});

test('compose completion: never throws, at any position of broken compose files', () => {
  const texts = [
    '',
    'services:',
    'services:\n  web:\n    depends_on:\n      - ',
    'services: [\n',
    'services:\n  web:\n    build: {context: "., target: ',
    'services:\n  web: &w\n    image: a\n  db:\n    <<: *w\n    depends_on: {web: {condition: ',
    'include:\n  - other.yaml\nservices:\n  web:\n    extends:\n      file: missing.yaml\n      service: ',
    'services:\n  web:\n    build: ${CONTEXT}\n    target: \n    build:\n      target: ',
    'x-a: &a\n  - b\nservices:\n  web:\n    networks: *a\n    network_mode: service:',
    '---\nservices:\n---\n  web:\n   - :\n',
    'services:\n\tweb:\n\t\timage: ',
  ];
  const workspace = new Workspace({ readFile: () => undefined });
  const uri = `${PROJECT}/compose.yaml`;
  for (const text of texts) {
    workspace.open(uri, text, 'dockercompose');
    const file = workspace.get(uri);
    for (let offset = 0; offset <= text.length; offset++) {
      const position = file?.document.positionAt(offset) ?? { line: 0, character: 0 };
      assert.doesNotThrow(() => completions(file, position, workspace), `${JSON.stringify(text)} at ${offset}`);
      assert.doesNotThrow(
        () => completions(file, { line: position.line, character: position.character + 3 }, workspace),
        `${JSON.stringify(text)} past ${offset}`,
      );
    }
  }
});
