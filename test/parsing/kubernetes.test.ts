import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseContainerFile } from '../../server/src/parsing/containerFile';
import { containersOf, isServingContainer, workloadOf, type KubernetesObject } from '../../server/src/parsing/kubernetes';

function objectsOf(text: string): KubernetesObject[] {
  const file = parseContainerFile('file:///p/k8s.yaml', text);
  assert.equal(file.kind, 'kubernetes');
  return file.kind === 'kubernetes' ? file.objects : [];
}

const CONTAINERS = 'containers:\n  - name: web\n    image: nginx:1.27\n';

function indent(text: string, depth: number): string {
  return text.replace(/^(?=.)/gm, ' '.repeat(depth));
}

test('every workload kind gives its pod spec, pod labels and whether it keeps running', () => {
  const template = (depth: number) => indent(`metadata:\n  labels:\n    app: web\nspec:\n${indent(CONTAINERS, 2)}`, depth);
  const cases: [string, string, boolean][] = [
    ['apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\n  labels:\n    app: web\nspec:\n' + indent(CONTAINERS, 2), 'Pod', true],
    ['apiVersion: v1\nkind: Pod\nmetadata:\n  labels: { app: web }\nspec:\n  restartPolicy: Never\n' + indent(CONTAINERS, 2), 'Pod', false],
    [`apiVersion: apps/v1\nkind: Deployment\nspec:\n  template:\n${template(4)}`, 'Deployment', true],
    [`apiVersion: apps/v1\nkind: StatefulSet\nspec:\n  template:\n${template(4)}`, 'StatefulSet', true],
    [`apiVersion: apps/v1\nkind: DaemonSet\nspec:\n  template:\n${template(4)}`, 'DaemonSet', true],
    [`apiVersion: apps/v1\nkind: ReplicaSet\nspec:\n  template:\n${template(4)}`, 'ReplicaSet', true],
    [`apiVersion: batch/v1\nkind: Job\nspec:\n  template:\n${template(4)}`, 'Job', false],
    [`apiVersion: batch/v1\nkind: CronJob\nspec:\n  jobTemplate:\n    spec:\n      template:\n${template(8)}`, 'CronJob', false],
    [`apiVersion: serving.knative.dev/v1\nkind: Service\nspec:\n  template:\n${template(4)}`, 'Service', true],
  ];
  for (const [text, kind, longRunning] of cases) {
    const [object] = objectsOf(text);
    const workload = object && workloadOf(object);
    assert.ok(workload, kind);
    assert.equal(workload.object.kind, kind);
    assert.equal(workload.longRunning, longRunning, text);
    assert.deepEqual([...workload.podLabels], [['app', 'web']], text);
    assert.deepEqual(
      containersOf(workload).map((container) => [container.name, container.image?.string]),
      [['web', 'nginx:1.27']],
    );
  }
});

test('objects that run no pods are not workloads: a core Service, a ConfigMap, a controller without a pod spec', () => {
  const texts = [
    'apiVersion: v1\nkind: Service\nspec:\n  template:\n    spec:\n      containers: []\n',
    'apiVersion: v1\nkind: ConfigMap\ndata: {}\n',
    'apiVersion: apps/v1\nkind: Deployment\nspec:\n  replicas: 2\n',
    'apiVersion: example.com/v1\nkind: Deployment\nspec:\n  template:\n    spec: {}\n',
  ];
  for (const text of texts) {
    const [object] = objectsOf(text);
    assert.ok(object);
    assert.equal(workloadOf(object), undefined, text);
  }
});

test('an object reads its name, namespace, group, labels and annotations, and anchors at its name', () => {
  const [object] = objectsOf(
    'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: api\n  namespace: shop\n  labels: { app: api, tier: 2 }\n  annotations:\n    note: "x"\n',
  );
  assert.ok(object);
  assert.equal(object.group, 'apps');
  assert.equal(object.name, 'api');
  assert.equal(object.namespace, 'shop');
  assert.deepEqual(
    [...object.labels],
    [
      ['app', 'api'],
      ['tier', '2'],
    ],
  );
  assert.deepEqual([...object.annotations], [['note', 'x']]);
  assert.deepEqual(object.anchorRange, { start: { line: 3, character: 8 }, end: { line: 3, character: 11 } });
  const [core] = objectsOf('apiVersion: v1\nkind: Pod\n');
  assert.equal(core?.group, '');
  assert.deepEqual(core?.anchorRange, { start: { line: 1, character: 6 }, end: { line: 1, character: 9 } });
});

test('containers: init, regular and ephemeral in order, with ports, env and the security context the kubelet applies', () => {
  const [object] = objectsOf(`apiVersion: v1
kind: Pod
spec:
  securityContext:
    runAsNonRoot: true
    runAsUser: 1000
    fsGroup: 2000
  initContainers:
    - name: migrate
      image: app:1
  containers:
    - name: web
      image: app:1
      ports:
        - { name: http, containerPort: 8080 }
        - containerPort: 9090
          protocol: UDP
      env:
        - name: MODE
          value: prod
        - name: TOKEN
          valueFrom: { secretKeyRef: { name: s, key: k } }
        - value: nameless
      securityContext:
        runAsUser: 0
        allowPrivilegeEscalation: false
  ephemeralContainers:
    - name: debug
      image: busybox:1.36
`);
  assert.ok(object);
  const workload = workloadOf(object);
  assert.ok(workload);
  const containers = containersOf(workload);
  assert.deepEqual(
    containers.map((container) => [container.name, container.field, container.isInit, isServingContainer(container)]),
    [
      ['migrate', 'initContainers', true, false],
      ['web', 'containers', false, true],
      ['debug', 'ephemeralContainers', true, false],
    ],
  );
  const web = containers[1]!;
  assert.deepEqual(
    web.ports.map(({ name, number, protocol }) => [name, number, protocol]),
    [
      ['http', 8080, 'TCP'],
      [undefined, 9090, 'UDP'],
    ],
  );
  assert.deepEqual(
    web.env.map((variable) => [variable.name, variable.value?.text, variable.valueFrom !== undefined]),
    [
      ['MODE', 'prod', false],
      ['TOKEN', undefined, true],
    ],
  );
  assert.deepEqual([web.security('runAsUser')?.value.scalar, web.security('runAsUser')?.level], [0, 'container']);
  assert.deepEqual([web.security('runAsNonRoot')?.value.scalar, web.security('runAsNonRoot')?.level], [true, 'pod']);
  assert.equal(web.security('allowPrivilegeEscalation')?.value.scalar, false);
  // fsGroup is a pod setting only: a container cannot inherit what it cannot set.
  assert.equal(web.security('fsGroup'), undefined);
  assert.equal(containers[0]!.security('allowPrivilegeEscalation'), undefined);
});

test('a container without a name anchors at the start of its entry', () => {
  const [object] = objectsOf('apiVersion: v1\nkind: Pod\nspec:\n  containers:\n    - image: app:1\n');
  const [container] = containersOf(workloadOf(object!)!);
  assert.equal(container?.name, '');
  assert.deepEqual(container?.anchorRange, { start: { line: 4, character: 6 }, end: { line: 4, character: 6 } });
});
