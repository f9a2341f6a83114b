// render.yaml and railway.json are known by name; a render.yaml is a Blueprint only when it has a Blueprint key, so
// that another file of that name is read as what it is rather than flooded with Blueprint findings.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { Linter } from '../../server/src/engine/linter';
import { parseContainerFile } from '../../server/src/parsing/containerFile';
import { rules } from '../../server/src/rules';
import { isCandidateFile } from '../../server/src/workspace/walk';
import { Workspace } from '../../server/src/workspace/workspace';

test('render.yaml is a Blueprint by a Blueprint key, railway.json a Railway config by name', () => {
  const cases: [uri: string, text: string, languageId: string | undefined, kind: string][] = [
    ['file:///p/render.yaml', 'services:\n  - type: web\n    name: web\n', undefined, 'render'],
    ['file:///p/infra/RENDER.yml', 'databases:\n  - name: db\n', undefined, 'render'],
    ['file:///p/render.yaml', 'envVarGroups: []\n', 'yaml', 'render'],
    ['file:///p/render.yaml', 'services:\n  - type: web\n    name: "web\n', undefined, 'render'],
    ['file:///p/render.yaml', 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: render\ndata: {}\n', undefined, 'kubernetes'],
    ['file:///p/render.yaml', 'width: 800\nheight: 600\nservicesEnabled: true\n', undefined, 'unknown'],
    ['file:///p/render.yaml', '', undefined, 'unknown'],
    ['file:///p/render.yaml', 'services: []\n---\nservices: []\n', undefined, 'unknown'],
    ['file:///p/prerender.yaml', 'services: []\n', undefined, 'unknown'],
    ['file:///p/railway.json', '{ "build": {} }', undefined, 'railway'],
    ['file:///p/railway.json', '{ "build": ', 'json', 'railway'],
    ['file:///p/railway.toml', '[build]\nbuilder = "DOCKERFILE"\n', undefined, 'unknown'],
  ];
  for (const [uri, text, languageId, kind] of cases) assert.equal(parseContainerFile(uri, text, { languageId }).kind, kind, `${uri}: ${text}`);
  assert.ok(isCandidateFile('/p/render.yaml') && isCandidateFile('/p/railway.json'));
});

test('a render.yaml that is no Blueprint gets no Blueprint finding', () => {
  const uri = 'file:///p/render.yaml';
  const text = 'width: 800\nheight: 600\nformat: png\n';
  const workspace = new Workspace({ readFile: (read) => (read === uri ? text : undefined) });
  workspace.index(uri);
  const result = new Linter(workspace, rules).lint(uri);
  assert.equal(result?.file.kind, 'unknown');
  assert.deepEqual(result?.findings, []);
});
