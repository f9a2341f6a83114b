import assert from 'node:assert/strict';
import { test } from 'node:test';
import { Workspace } from '../../server/src/workspace/workspace';

function workspaceOf(files: Readonly<Record<string, string>>): Workspace {
  const workspace = new Workspace({ readFile: (uri) => files[uri] });
  for (const uri of Object.keys(files)) if (!uri.endsWith('.env')) workspace.index(uri);
  return workspace;
}

test('the override merges over the base: maps by key, ports appended, short forms canonical', () => {
  const workspace = workspaceOf({
    'file:///p/compose.yaml':
      'services:\n  web:\n    image: nginx:1.27\n    environment: [A=1, B=2]\n    ports: ["80:80"]\n    depends_on: [db]\n  db:\n    image: postgres:16\n',
    'file:///p/compose.override.yaml': 'services:\n  web:\n    environment:\n      B: "3"\n    ports: ["127.0.0.1:8080:80"]\n',
  });
  const project = workspace.composeProject('file:///p/compose.yaml');
  const web = project.services.get('web');
  assert.deepEqual(
    web?.definitions.map((definition) => definition.uri),
    ['file:///p/compose.yaml', 'file:///p/compose.override.yaml'],
  );
  assert.deepEqual(web?.merged.environment, { A: '1', B: '3' });
  assert.deepEqual(web?.merged.ports, ['80:80', '127.0.0.1:8080:80']);
  assert.deepEqual(web?.merged.depends_on, { db: {} });
  assert.equal(workspace.composeProject('file:///p/compose.override.yaml'), project, 'both files share one cached project');
});

test('!reset removes what the base set; !override replaces it whole', () => {
  const workspace = workspaceOf({
    'file:///p/compose.yaml': 'services:\n  web:\n    image: nginx:1.27\n    ports: ["80:80"]\n    environment: { A: "1" }\n',
    'file:///p/compose.override.yaml': 'services:\n  web:\n    ports: !reset []\n    environment: !override { B: "2" }\n',
  });
  const web = workspace.composeProject('file:///p/compose.yaml').services.get('web');
  assert.equal(web?.merged.ports, undefined);
  assert.deepEqual(web?.merged.environment, { B: '2' });
});

test('include: brings services of other files, a cycle is reported once and not followed', () => {
  const workspace = workspaceOf({
    'file:///p/compose.yaml': 'include:\n  - ./db/compose.yaml\nservices:\n  web:\n    image: nginx:1.27\n    depends_on: [db]\n',
    'file:///p/db/compose.yaml': 'include:\n  - path: ../compose.yaml\nservices:\n  db:\n    image: postgres:16\n',
  });
  const project = workspace.composeProject('file:///p/compose.yaml');
  assert.deepEqual([...project.services.keys()].sort(), ['db', 'web']);
  assert.deepEqual(
    project.includeProblems.map((problem) => problem.kind),
    ['cycle'],
  );
  assert.equal(project.services.get('db')?.definitions[0]?.baseUri, 'file:///p/db');
});

test('an included file belongs to the project that includes it', () => {
  const workspace = workspaceOf({
    'file:///p/compose.yaml': 'include: [./infra.yml]\nservices:\n  web: { image: "nginx:1.27", networks: [back] }\n',
    'file:///p/infra.yml': 'networks:\n  back: {}\n',
  });
  workspace.adoptReferencedComposeFiles();
  const project = workspace.composeProject('file:///p/infra.yml');
  assert.deepEqual(project.layerUris, ['file:///p/compose.yaml']);
  assert.ok(project.defines('networks', 'back'));
});

test('extends: a service from the same project or from another file, merged under the own fields', () => {
  const workspace = workspaceOf({
    'file:///p/compose.yaml':
      'services:\n  base:\n    image: app:1\n    healthcheck: { test: ["CMD", "true"] }\n  api:\n    extends: base\n    command: serve\n  worker:\n    extends: { file: common.yml, service: job }\n',
    'file:///p/common.yml': 'services:\n  job:\n    image: job:2\n    deploy: { resources: { limits: { memory: 256M } } }\n',
  });
  const { result: project, reads } = workspace.recordReads(() => workspace.composeProject('file:///p/compose.yaml'));
  assert.deepEqual(project.services.get('api')?.merged, { image: 'app:1', healthcheck: { test: ['CMD', 'true'] }, command: 'serve' });
  assert.deepEqual(project.services.get('worker')?.merged, { image: 'job:2', deploy: { resources: { limits: { memory: '256M' } } } });
  assert.ok(reads.has('file:///p/common.yml'), 'the project depends on the file it extends from');
  assert.ok(reads.has('file:///p/.env') && reads.get('file:///p/.env') === undefined, 'and on the .env it looked for');
});

test('the project asked for again before anything changes is the same, its reads recorded again; an edit rebuilds it', () => {
  const workspace = workspaceOf({
    'file:///p/compose.yaml': 'services:\n  web:\n    extends: { file: common.yml, service: job }\n',
    'file:///p/common.yml': 'services:\n  job:\n    image: job:2\n',
  });
  const first = workspace.composeProject('file:///p/compose.yaml');
  const { result: again, reads } = workspace.recordReads(() => workspace.composeProject('file:///p/compose.yaml'));
  assert.equal(again, first);
  assert.ok(reads.has('file:///p/common.yml') && reads.has('file:///p/.env'), 'a lint that gets the known project still depends on what it read');
  workspace.open('file:///p/common.yml', 'services:\n  job:\n    image: job:3\n', 'dockercompose');
  assert.equal(workspace.composeProject('file:///p/compose.yaml').services.get('web')?.merged.image, 'job:3');
});

test('a project is not taken back from before a parse that moved its nodes, even when the text is back', () => {
  const uri = 'file:///p/compose.yaml';
  const text = 'services:\n  web:\n    image: a:1\n  db:\n    image: b:1\n';
  const workspace = workspaceOf({ [uri]: text });
  workspace.open(uri, text, 'dockercompose');
  const imageOfDb = () => workspace.composeProject(uri).services.get('db')?.definitions[0]?.get('image')?.range;
  const where = imageOfDb();
  // Parsing the longer text re-uses db's piece of the first parse and moves its nodes two lines down.
  workspace.open(uri, text.replace('image: a:1\n', 'image: a:1\n    init: true\n    restart: always\n'), 'dockercompose');
  workspace.get(uri);
  workspace.open(uri, text, 'dockercompose');
  assert.deepEqual(imageOfDb(), where);
});

test('an edit of one service leaves the merged data of the others as it was, and the edited one follows', () => {
  const uri = 'file:///p/compose.yaml';
  const text = 'x-base: &base\n  image: base:1\nservices:\n  web:\n    image: a:1\n  db:\n    image: b:1\n  job:\n    <<: *base\n';
  const workspace = workspaceOf({ [uri]: text });
  workspace.open(uri, text.replace('x-base: &base\n  image: base:1\n', '').replace('  job:\n    <<: *base\n', ''), 'dockercompose');
  const before = workspace.composeProject(uri).services;
  workspace.open(uri, text.replace('x-base: &base\n  image: base:1\n', '').replace('  job:\n    <<: *base\n', '').replace('b:1', 'b:2'), 'dockercompose');
  const after = workspace.composeProject(uri).services;
  assert.equal(after.get('web')?.merged, before.get('web')?.merged);
  assert.deepEqual(after.get('db')?.merged, { image: 'b:2' });
  workspace.open(uri, text, 'dockercompose');
  assert.deepEqual(workspace.composeProject(uri).services.get('job')?.merged, { image: 'base:1' });
  workspace.open(uri, text.replace('base:1', 'base:2'), 'dockercompose');
  assert.deepEqual(workspace.composeProject(uri).services.get('job')?.merged, { image: 'base:2' }, 'an alias brings the anchor’s new data');
});

test('a self-extending service does not loop', () => {
  const workspace = workspaceOf({ 'file:///p/compose.yaml': 'services:\n  a: { extends: b, image: "x:1" }\n  b: { extends: a }\n' });
  const project = workspace.composeProject('file:///p/compose.yaml');
  assert.equal(project.services.get('a')?.merged.image, 'x:1');
});

test('interpolation reads the .env of the project folder', () => {
  const workspace = workspaceOf({
    'file:///p/compose.yaml': 'services:\n  web:\n    image: nginx:${TAG:-1.27}\n',
    'file:///p/.env': '# pinned\nTAG="1.28"\nexport OTHER=x # comment\n',
  });
  const project = workspace.composeProject('file:///p/compose.yaml');
  assert.equal(project.interpolate('nginx:${TAG:-1.27}').value, 'nginx:1.28');
  assert.equal(project.interpolate('$OTHER-$$HOME').value, 'x-$HOME');
  assert.equal(project.interpolate('${MISSING:?set it}').value, undefined);
  assert.equal(project.interpolate('${MISSING:-${OTHER}}').value, 'x');
  assert.deepEqual(
    project.interpolate('${A:?a} ${B-b}').variables.map((variable) => [variable.name, variable.required, variable.hasFallback]),
    [
      ['A', true, false],
      ['B', false, true],
    ],
  );
});

test('a variant file is a layer over the base; a lone file is its own project', () => {
  const workspace = workspaceOf({
    'file:///p/compose.yaml': 'services:\n  web: { image: "nginx:1.27" }\n',
    'file:///p/compose.prod.yaml': 'services:\n  web: { deploy: { replicas: 2 } }\n',
    'file:///q/stack.yaml': 'services:\n  app: { image: "app:1" }\n',
  });
  assert.deepEqual(workspace.composeProject('file:///p/compose.prod.yaml').layerUris, ['file:///p/compose.yaml', 'file:///p/compose.prod.yaml']);
  assert.deepEqual(workspace.composeProject('file:///p/compose.yaml').layerUris, ['file:///p/compose.yaml']);
  assert.deepEqual(workspace.composeProject('file:///q/stack.yaml').layerUris, ['file:///q/stack.yaml']);
});

test('entries merged in with << report at the merge key; aliases at the alias', () => {
  const workspace = workspaceOf({
    'file:///p/compose.yaml': 'x-env: &env\n  A: "1"\nx-svc: &svc\n  restart: always\nservices:\n  web:\n    <<: *svc\n    environment: *env\n',
  });
  const [web] = workspace.composeProject('file:///p/compose.yaml').definitionsIn('file:///p/compose.yaml');
  assert.equal(web?.get('restart')?.range.start.line, 6, 'restart is reported at `<<: *svc`');
  assert.deepEqual(
    web?.environment.map((entry) => [entry.name, entry.value]),
    [['A', '1']],
  );
  assert.equal(web?.get('environment')?.range.start.line, 7, 'environment is reported at `*env`');
});
