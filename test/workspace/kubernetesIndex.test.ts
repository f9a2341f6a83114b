import { test } from 'node:test';
import assert from 'node:assert/strict';
import { kubernetesIndexOf } from '../../server/src/workspace/kubernetesIndex';
import { Workspace } from '../../server/src/workspace/workspace';

const DEPLOYMENT = 'file:///p/deployment.yaml';
const SERVICE = 'file:///p/service.yaml';
const VALUES = 'file:///p/values.yaml';
const DOCKERFILE = 'file:///p/Dockerfile';

const deployment = (app: string, extra = '') => `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
  namespace: shop
spec:
  replicas: 3
  selector:
    matchLabels: {app: ${app}}
  template:
    metadata:
      labels: {app: ${app}, tier: front}
    spec:
      containers: [{name: web, image: web:1}]
${extra}`;

function workspaceOf(files: Record<string, string>) {
  const disk = new Map(Object.entries(files));
  const diskReads: string[] = [];
  const workspace = new Workspace({
    readFile: (uri) => {
      diskReads.push(uri);
      return disk.get(uri);
    },
  });
  for (const uri of disk.keys()) workspace.index(uri);
  return { workspace, disk, index: kubernetesIndexOf(workspace), diskReads };
}

test('finds objects by kind and name, by pod labels and by what scales them, across files', () => {
  const hpa =
    'apiVersion: autoscaling/v2\nkind: HorizontalPodAutoscaler\nmetadata: {name: web}\nspec:\n  scaleTargetRef: {apiVersion: apps/v1, kind: Deployment, name: web}\n  minReplicas: 2\n  maxReplicas: 5\n';
  const { index } = workspaceOf({
    [DEPLOYMENT]: `${deployment('web')}---\n${hpa}`,
    [SERVICE]: 'apiVersion: v1\nkind: Service\nmetadata: {name: web}\nspec:\n  ports: [{name: http, port: 80}]\n',
  });
  const found = index.find('Deployment', 'web', 'shop');
  assert.equal(found?.uri, DEPLOYMENT);
  assert.equal(found?.replicas, 3);
  assert.deepEqual(
    [...(found?.podLabels ?? [])],
    [
      ['app', 'web'],
      ['tier', 'front'],
    ],
  );
  assert.deepEqual(index.find('Service', 'web', undefined)?.servicePorts, [{ name: 'http', port: 80 }]);
  assert.equal(index.findPods('shop', (labels) => labels.get('tier') === 'front', ['app', 'web'])?.name, 'web');
  assert.equal(
    index.findPods('shop', (labels) => labels.get('tier') === 'back'),
    undefined,
  );
  assert.deepEqual(index.autoscalerOf('Deployment', 'web', 'shop')?.scaleTarget, { kind: 'Deployment', name: 'web', minReplicas: 2 });
  assert.equal(index.hasKind('ConfigMap'), false);
});

test('namespaces: written ones must be equal, an unset one meets any', () => {
  const { index } = workspaceOf({ [DEPLOYMENT]: deployment('web') });
  assert.ok(index.find('Deployment', 'web', 'shop'));
  assert.ok(index.find('Deployment', 'web', undefined));
  assert.equal(index.find('Deployment', 'web', 'other'), undefined);
});

test('objects that tools make from others are entries: SealedSecret, ExternalSecret, Certificate, kustomize generators', () => {
  const { index } = workspaceOf({
    'file:///p/secrets.yaml': [
      'apiVersion: bitnami.com/v1alpha1\nkind: SealedSecret\nmetadata: {name: sealed}\nspec: {encryptedData: {a: b}}\n',
      'apiVersion: external-secrets.io/v1beta1\nkind: ExternalSecret\nmetadata: {name: ext}\nspec: {target: {name: from-vault}}\n',
      'apiVersion: cert-manager.io/v1\nkind: Certificate\nmetadata: {name: cert}\nspec: {secretName: tls-cert}\n',
    ].join('---\n'),
    'file:///p/kustomization.yaml': 'namespace: shop\nconfigMapGenerator:\n  - name: settings\n    literals: [A=1]\nsecretGenerator:\n  - name: creds\n',
  });
  for (const name of ['sealed', 'from-vault', 'tls-cert', 'creds']) assert.equal(index.find('Secret', name, 'shop')?.derived, true, name);
  assert.equal(index.find('ConfigMap', 'settings', 'shop')?.namespace, 'shop');
  assert.equal(index.find('Secret', 'ext', undefined), undefined, 'an ExternalSecret makes the Secret its target names');
});

test('documents that do not parse and names with template actions are left out', () => {
  const { index } = workspaceOf({
    'file:///p/a.yaml':
      'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: broken\ndata: {}\n---\napiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: "{{ .Release.Name }}"\n',
  });
  assert.equal(index.hasKind('ConfigMap'), false);
});

test('a lookup records the file it found, or the version of the objects when it found nothing, which a file joining with objects moves', () => {
  const NEW = 'file:///p/new.yaml';
  const { workspace, index, disk } = workspaceOf({
    [DEPLOYMENT]: deployment('web'),
    [SERVICE]: 'apiVersion: v1\nkind: Service\nmetadata: {name: web}\n',
    [VALUES]: 'replicas: 1\n',
    [DOCKERFILE]: 'FROM a:1\n',
  });
  const found = workspace.recordReads(() => index.find('Deployment', 'web', undefined));
  assert.deepEqual([...found.reads.keys()], [DEPLOYMENT]);
  const missing = workspace.recordReads(() => index.find('Deployment', 'api', undefined));
  assert.equal(missing.reads.size, 1, 'one read whatever the number of files');
  assert.ok(workspace.unchangedSince(missing.reads));
  disk.set(NEW, 'replicas: 2\n');
  workspace.index(NEW);
  assert.ok(workspace.unchangedSince(missing.reads), 'a file without objects changes nothing');
  disk.set(NEW, deployment('api').replace('name: web', 'name: api'));
  workspace.changedOnDisk(NEW);
  assert.equal(workspace.unchangedSince(missing.reads), false, 'a file that defines objects may define what was missing');
  assert.ok(workspace.unchangedSince(found.reads));
});

test('an edit of one file is seen at the next lookup, without reading the other files again', () => {
  const { workspace, index, diskReads } = workspaceOf({ [DEPLOYMENT]: deployment('web'), [SERVICE]: 'apiVersion: v1\nkind: Service\nmetadata: {name: web}\n' });
  assert.ok(index.findPods(undefined, (labels) => labels.get('app') === 'web'));
  diskReads.length = 0;
  workspace.open(DEPLOYMENT, deployment('api'), 'yaml');
  assert.equal(
    index.findPods(undefined, (labels) => labels.get('app') === 'web'),
    undefined,
  );
  assert.ok(index.findPods(undefined, (labels) => labels.get('app') === 'api', ['app', 'api']));
  // Opening a file, the workspace looks for what decides whether it is a manifest: kustomizations that may name it a patch.
  const readsOfOthers = diskReads.filter((uri) => !/\/(kustomization\.ya?ml|Kustomization)$/.test(uri));
  assert.deepEqual(readsOfOthers, [], 'the open buffer is read, and nothing from the disk');
  workspace.close(DEPLOYMENT);
  assert.ok(index.findPods(undefined, (labels) => labels.get('app') === 'web', ['app', 'web']));
  workspace.unindex(DEPLOYMENT);
  assert.equal(index.hasPods(), false);
});

test('an open document that is not indexed is part of the index while it is open', () => {
  const { workspace, index } = workspaceOf({});
  workspace.open('untitled:Untitled-1', deployment('web'), 'yaml');
  assert.ok(index.find('Deployment', 'web', undefined));
  workspace.close('untitled:Untitled-1');
  assert.equal(index.find('Deployment', 'web', undefined), undefined);
});
