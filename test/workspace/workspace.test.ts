import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToUri } from '../../server/src/workspace/uri';
import { Workspace } from '../../server/src/workspace/workspace';

const DOCKERFILE = 'file:///p/Dockerfile';

function diskWorkspace() {
  const disk = new Map([[DOCKERFILE, 'FROM a:1\n']]);
  const reads: string[] = [];
  const workspace = new Workspace({
    readFile: (uri) => {
      reads.push(uri);
      return disk.get(uri);
    },
  });
  workspace.index(DOCKERFILE);
  return { workspace, disk, reads };
}

test('open buffers win over the disk; closing goes back to the disk', () => {
  const { workspace } = diskWorkspace();
  workspace.open(DOCKERFILE, 'FROM b:2\n', 'dockerfile');
  assert.equal(workspace.readText(DOCKERFILE), 'FROM b:2\n');
  workspace.close(DOCKERFILE);
  assert.equal(workspace.readText(DOCKERFILE), 'FROM a:1\n');
  assert.deepEqual(workspace.uris(), [DOCKERFILE], 'an indexed file stays after closing');
});

test('disk reads are cached until the file changes', () => {
  const { workspace, disk, reads } = diskWorkspace();
  workspace.readText(DOCKERFILE);
  workspace.readText(DOCKERFILE);
  assert.equal(reads.length, 1);
  disk.set(DOCKERFILE, 'FROM c:3\n');
  workspace.changedOnDisk(DOCKERFILE);
  assert.equal(workspace.readText(DOCKERFILE), 'FROM c:3\n');
});

test('a file is parsed once per text', () => {
  const { workspace } = diskWorkspace();
  const first = workspace.get(DOCKERFILE);
  assert.equal(workspace.get(DOCKERFILE), first);
  workspace.open(DOCKERFILE, 'FROM d:4\n');
  assert.notEqual(workspace.get(DOCKERFILE), first);
});

test('unindexing forgets a closed file but keeps an open one', () => {
  const { workspace } = diskWorkspace();
  workspace.unindex(DOCKERFILE);
  assert.deepEqual(workspace.uris(), []);
  workspace.open('untitled:1', 'FROM a:1\n', 'dockerfile');
  workspace.index('untitled:1');
  workspace.unindex('untitled:1');
  assert.deepEqual(workspace.uris(), ['untitled:1']);
  assert.equal(workspace.get('untitled:1')?.kind, 'dockerfile');
});

test('files that a compose file includes or extends are compose files whatever their name', () => {
  const disk = new Map([
    ['file:///p/compose.yaml', 'include:\n  - infra/db.yml\nservices:\n  web:\n    extends:\n      file: common.yml\n      service: base\n'],
    ['file:///p/infra/db.yml', 'include:\n  - path: [../more.yml]\nservices:\n  db:\n    image: postgres:16\n'],
    ['file:///p/common.yml', 'services:\n  base:\n    image: nginx:1.27\n'],
    ['file:///p/more.yml', 'services:\n  cache:\n    image: redis:7\n'],
    ['file:///p/unrelated.yml', 'services:\n  x:\n    image: y:1\n'],
  ]);
  const workspace = new Workspace({ readFile: (uri) => disk.get(uri) });
  for (const uri of disk.keys()) workspace.index(uri);
  workspace.adoptReferencedComposeFiles();
  assert.deepEqual(
    [...disk.keys()].map((uri) => [uri.slice('file:///p/'.length), workspace.get(uri)?.kind]),
    [
      ['compose.yaml', 'compose'],
      ['infra/db.yml', 'compose'],
      ['common.yml', 'compose'],
      ['more.yml', 'compose'],
      ['unrelated.yml', 'unknown'],
    ],
  );
});

test('a Dockerfile that a compose build names is read as one whatever its name, and re-parsed only when it changes', () => {
  const disk = new Map([['file:///p/build/app.txt', 'FROM node:22 AS dev\n']]);
  const workspace = new Workspace({ readFile: (uri) => disk.get(uri) });
  const file = workspace.getAs('file:///p/build/app.txt', 'dockerfile');
  assert.deepEqual(
    file?.dockerfile.stages.map((stage) => stage.name),
    ['dev'],
  );
  assert.equal(workspace.getAs('file:///p/build/app.txt', 'dockerfile'), file);
  assert.equal(workspace.getAs('file:///p/missing', 'dockerfile'), undefined);
});

test('folders exist on disk through the reader, in memory through the files under them', () => {
  const root = mkdtempSync(join(tmpdir(), 'cs-folders-'));
  mkdirSync(join(root, 'empty'));
  writeFileSync(join(root, 'file.txt'), 'x');
  const onDisk = new Workspace();
  assert.equal(onDisk.existsFolder(pathToUri(join(root, 'empty'))), true);
  assert.equal(onDisk.existsFolder(pathToUri(join(root, 'file.txt'))), false, 'a file is not a folder');
  assert.equal(onDisk.exists(pathToUri(join(root, 'empty'))), false, 'a folder is not a file');
  assert.equal(onDisk.existsFolder(pathToUri(join(root, 'missing'))), false);
  onDisk.open(pathToUri(join(root, 'new', 'Dockerfile')), 'FROM alpine:3.22\n', 'dockerfile');
  assert.equal(onDisk.existsFolder(pathToUri(join(root, 'new'))), true, 'the folder of an unsaved new file');

  const inMemory = new Workspace({ readFile: () => undefined });
  inMemory.index('file:///p/api/src/main.ts');
  assert.equal(inMemory.existsFolder('file:///p/api'), true);
  assert.equal(inMemory.existsFolder('file:///p/ap'), false, 'a prefix of a name is not a folder');
});

test('a file under templates/ is a Helm template while a Chart.yaml is above that folder; looking for it is a recorded read', () => {
  const template = 'file:///repo/chart/templates/sub/deployment.yaml';
  const chart = 'file:///repo/chart/Chart.yaml';
  const disk = new Map([[template, 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\n']]);
  const workspace = new Workspace({ readFile: (uri) => disk.get(uri) });
  workspace.index(template);
  const first = workspace.recordReads(() => workspace.get(template));
  assert.equal(first.result?.kind, 'kubernetes');
  assert.ok(first.reads.has(chart), 'the Chart.yaml looked for is recorded');
  assert.ok(workspace.unchangedSince(first.reads));

  disk.set(chart, 'apiVersion: v2\nname: web\nversion: 1.0.0\n');
  workspace.changedOnDisk(chart);
  assert.equal(workspace.unchangedSince(first.reads), false, 'adding the Chart.yaml changes what the lint read');
  const parsed = workspace.get(template);
  assert.ok(parsed?.kind === 'unknown' && parsed.notManifest === 'template');

  disk.delete(chart);
  workspace.changedOnDisk(chart);
  assert.equal(workspace.get(template)?.kind, 'kubernetes');
  assert.equal(workspace.get('file:///repo/chart/Chart.yaml'), undefined, 'Chart.yaml itself is not tracked');
});

test('the kubernetes setting the linter passes decides files without objects, and is kept for later reads', () => {
  const uri = 'file:///repo/deploy/patch.yaml';
  const workspace = new Workspace({ readFile: (candidate) => (candidate === uri ? 'metadata:\n  name: web\n' : undefined) });
  workspace.index(uri);
  assert.equal(workspace.get(uri)?.kind, 'unknown');
  workspace.setKubernetesSetting(uri, 'included');
  const included = workspace.get(uri);
  assert.equal(included?.kind, 'kubernetes');
  assert.equal(workspace.get(uri), included, 'parsed once per text and setting');
  workspace.setKubernetesSetting(uri, undefined);
  assert.equal(workspace.get(uri)?.kind, 'unknown');
});

test('files a kustomization names as patches, replacements or plugin configs are not manifests; resources are', () => {
  const kustomization = 'file:///repo/overlays/prod/kustomization.yaml';
  const partialDeployment = 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\nspec:\n  replicas: 3\n';
  const disk = new Map([
    [
      kustomization,
      'resources: [../../base, namespace.yaml]\npatches:\n  - path: replicas.yaml\n  - path: ../../patches/probes.yaml\n    target: { kind: Deployment }\n  - patch: |-\n      - op: add\n  - path: https://example.com/patch.yaml\npatchesStrategicMerge: [memory.yaml]\nreplacements:\n  - path: replacements/image.yaml\n',
    ],
    ['file:///repo/overlays/prod/namespace.yaml', 'apiVersion: v1\nkind: Namespace\nmetadata:\n  name: prod\n'],
    ['file:///repo/overlays/prod/replicas.yaml', partialDeployment],
    ['file:///repo/overlays/prod/memory.yaml', partialDeployment],
    ['file:///repo/overlays/prod/replacements/image.yaml', 'source: { kind: ConfigMap, name: versions, fieldPath: data.web }\ntargets: []\n'],
    ['file:///repo/patches/probes.yaml', partialDeployment],
    ['file:///repo/patches/unused.yaml', partialDeployment],
  ]);
  const workspace = new Workspace({ readFile: (uri) => disk.get(uri) });
  for (const uri of disk.keys()) workspace.index(uri);
  const classOf = (uri: string) => {
    const file = workspace.get(uri);
    return file?.kind === 'unknown' ? `unknown/${file.notManifest}` : file?.kind;
  };
  assert.deepEqual(
    [...disk.keys()].map((uri) => [uri.slice('file:///repo/'.length), classOf(uri)]),
    [
      ['overlays/prod/kustomization.yaml', 'unknown/tool-config'],
      ['overlays/prod/namespace.yaml', 'kubernetes'],
      ['overlays/prod/replicas.yaml', 'unknown/tool-config'],
      ['overlays/prod/memory.yaml', 'unknown/tool-config'],
      ['overlays/prod/replacements/image.yaml', 'unknown/tool-config'],
      ['patches/probes.yaml', 'unknown/tool-config'],
      ['patches/unused.yaml', 'kubernetes'],
    ],
  );
  // The kustomization is a recorded read: changing it changes what the patch is.
  const { reads } = workspace.recordReads(() => workspace.get('file:///repo/overlays/prod/replicas.yaml'));
  assert.ok(reads.has(kustomization));
  disk.set(kustomization, 'resources: [replicas.yaml]\n');
  workspace.changedOnDisk(kustomization);
  assert.equal(workspace.unchangedSince(reads), false);
  assert.equal(classOf('file:///repo/overlays/prod/replicas.yaml'), 'kubernetes');
});
