import { test } from 'node:test';
import assert from 'node:assert/strict';
import { InsertTextMode, type CompletionItem, type MarkupContent, type TextEdit } from 'vscode-languageserver-types';
import { completions } from '../../server/src/service/completion';
import { Workspace } from '../../server/src/workspace/workspace';
import { splitCursor } from './cursor';

const PROJECT = 'file:///project';

/** Completes at the `|` of a manifest, within a workspace of other files (paths relative to the project folder). */
function complete(textWithCursor: string, files: Record<string, string> = {}, fileName = 'app.yaml'): CompletionItem[] {
  const { text, position } = splitCursor(textWithCursor);
  const contents = new Map(Object.entries(files).map(([path, content]) => [`${PROJECT}/${path}`, content]));
  const workspace = new Workspace({ readFile: (uri) => contents.get(uri) });
  for (const uri of contents.keys()) workspace.index(uri);
  const uri = `${PROJECT}/${fileName}`;
  workspace.open(uri, text, 'yaml');
  return completions(workspace.get(uri), position, workspace);
}

function labels(items: readonly CompletionItem[]): string[] {
  const key = (item: CompletionItem) => item.sortText ?? item.label;
  return [...items].sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0)).map((item) => item.label);
}

function item(items: readonly CompletionItem[], label: string, detail?: string): CompletionItem | undefined {
  return items.find((candidate) => candidate.label === label && (detail === undefined || candidate.detail === detail));
}

function newText(items: readonly CompletionItem[], label: string): string | undefined {
  return (item(items, label)?.textEdit as TextEdit | undefined)?.newText;
}

const deployment = [
  'apiVersion: apps/v1',
  'kind: Deployment',
  'metadata:',
  '  name: web',
  'spec:',
  '  selector:',
  '    matchLabels:',
  '      app: web',
  '  template:',
  '    metadata:',
  '      labels:',
  '        app: web',
  '        tier: front',
  '    spec:',
  '      containers:',
  '        - name: web',
  '          image: nginx:1.27',
  '          ports:',
  '            - name: http',
  '              containerPort: 8080',
  '            - containerPort: 9090',
];

/** Objects defined in other files of the workspace. */
const definitions = {
  'secrets.yaml': [
    'apiVersion: v1',
    'kind: Secret',
    'metadata:',
    '  name: db-credentials',
    'stringData:',
    '  password: x',
    '  user: y',
    '---',
    'apiVersion: v1',
    'kind: Secret',
    'metadata:',
    '  name: other-namespace',
    '  namespace: elsewhere',
    '---',
    'apiVersion: v1',
    'kind: ConfigMap',
    'metadata:',
    '  name: settings',
    'data:',
    '  mode: production',
    '---',
    'apiVersion: v1',
    'kind: ServiceAccount',
    'metadata:',
    '  name: web-sa',
  ].join('\n'),
  'service.yaml': [
    'apiVersion: v1',
    'kind: Service',
    'metadata:',
    '  name: web',
    'spec:',
    '  selector: {app: web}',
    '  ports:',
    '    - name: http',
    '      port: 80',
  ].join('\n'),
  'templated.yaml': ['apiVersion: v1', 'kind: Secret', 'metadata:', '  name: {{ .Release.Name }}-secret'].join('\n'),
  'notes/README.md': 'kind: Secret\napiVersion: v1\nmetadata:\n  name: not-yaml\n',
};

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
  // Fields of the schema at the cursor
  {
    name: 'container fields on an empty new line, without those written',
    text: [...deployment, '          |'].join('\n'),
    includes: ['imagePullPolicy', 'resources', 'securityContext', 'readinessProbe', 'env'],
    excludes: ['name', 'image', 'ports', 'containers', 'replicas'],
    inserts: {
      imagePullPolicy: 'imagePullPolicy: ',
      resources: 'resources:\n            ',
      env: 'env:\n            - name: ',
      args: 'args:\n            - ',
    },
  },
  {
    name: 'container fields while the key is typed, the document broken below',
    text: [...deployment, '          resou|', '      volumes: [unclosed'].join('\n'),
    includes: ['resources'],
  },
  {
    name: 'the first key of a list item, after its dash',
    text: ['apiVersion: v1', 'kind: Pod', 'spec:', '  containers:', '    - |'].join('\n'),
    includes: ['name', 'image', 'ports'],
    inserts: { ports: 'ports:\n        - containerPort: ' },
  },
  {
    name: 'the next key of a list item',
    text: [...deployment, '              |'].join('\n'),
    includes: ['name', 'protocol', 'hostPort'],
    excludes: ['containerPort'],
  },
  {
    name: 'pod spec fields: required first, deprecated ones left out',
    text: ['apiVersion: v1', 'kind: Pod', 'spec:', '  |'].join('\n'),
    includes: ['containers', 'serviceAccountName', 'securityContext'],
    excludes: ['serviceAccount'],
    inserts: { containers: 'containers:\n    - name: ' },
  },
  {
    name: 'lists written at their key column keep that style',
    text: ['apiVersion: v1', 'kind: Pod', 'spec:', '  containers:', '  - name: a', '    |'].join('\n'),
    inserts: { env: 'env:\n    - name: ', volumeMounts: 'volumeMounts:\n    - ' },
  },
  {
    name: 'a key of a flow mapping',
    text: [...deployment, '          securityContext: {runAsNonRoot: true, |}'].join('\n'),
    includes: ['allowPrivilegeEscalation', 'capabilities', 'readOnlyRootFilesystem'],
    excludes: ['runAsNonRoot'],
    inserts: { capabilities: 'capabilities: ' },
  },
  {
    name: 'top-level fields without status, which the cluster writes',
    text: ['apiVersion: apps/v1', 'kind: Deployment', '|'].join('\n'),
    labels: ['metadata', 'spec'],
  },
  {
    name: 'metadata fields without those the cluster fills in',
    text: ['apiVersion: v1', 'kind: ConfigMap', 'metadata:', '  |'].join('\n'),
    includes: ['name', 'namespace', 'labels', 'annotations'],
    excludes: ['uid', 'resourceVersion', 'creationTimestamp', 'managedFields', 'selfLink', 'generation'],
  },
  {
    name: 'a new line under a key taking a list starts its first item',
    text: ['apiVersion: v1', 'kind: Pod', 'spec:', '  containers:', '    - name: a', '      env:', '        |'].join('\n'),
    includes: ['name', 'value', 'valueFrom'],
    inserts: { name: '- name: ' },
  },
  // Values from the schema
  { name: 'enum values', text: [...deployment, '          imagePullPolicy: |'].join('\n'), labels: ['Always', 'IfNotPresent', 'Never'] },
  {
    name: 'enum values in a second document',
    text: ['apiVersion: v1', 'kind: Namespace', '---', 'apiVersion: v1', 'kind: Service', 'spec:', '  type: |'].join('\n'),
    labels: ['ClusterIP', 'ExternalName', 'LoadBalancer', 'NodePort'],
  },
  {
    name: 'enum values in a flow mapping',
    text: [...deployment.slice(0, -4), '          ports: [{containerPort: 53, protocol: |}]'].join('\n'),
    labels: ['SCTP', 'TCP', 'UDP'],
  },
  { name: 'booleans', text: [...deployment, '          stdin: |'].join('\n'), labels: ['true', 'false'] },
  {
    name: 'capabilities to drop, ALL first',
    text: [...deployment, '          securityContext: {capabilities: {drop: [|]}}'].join('\n'),
    includes: ['ALL', 'NET_RAW'],
  },
  {
    name: 'capabilities to add, without ALL',
    text: [...deployment, '          securityContext:', '            capabilities:', '              add:', '                - |'].join('\n'),
    includes: ['NET_BIND_SERVICE'],
    excludes: ['ALL'],
  },
  { name: 'images', text: [...deployment.slice(0, -5), '          image: ngi|'].join('\n'), includes: ['nginx', 'node'] },
  // apiVersion and kind
  {
    name: 'kinds, most common first, without lists nor retired versions',
    text: ['apiVersion: v1', 'kind: |'].join('\n'),
    includes: ['Deployment', 'Service', 'ConfigMap', 'CronJob', 'NetworkPolicy', 'PriorityClass'],
    excludes: ['DeploymentList', 'PodSecurityPolicy'],
  },
  {
    name: 'apiVersions that define the kind, retired ones last',
    text: ['apiVersion: |', 'kind: HorizontalPodAutoscaler'].join('\n'),
    labels: ['autoscaling/v2', 'autoscaling/v1', 'autoscaling/v2beta2', 'autoscaling/v2beta1'],
  },
  { name: 'every apiVersion for a custom resource', text: ['apiVersion: |', 'kind: Certificate'].join('\n'), includes: ['v1', 'apps/v1', 'batch/v1'] },
  {
    name: 'a document without kind is offered the kinds with their apiVersion',
    text: ['apiVersion: v1', 'kind: ConfigMap', '---', '|'].join('\n'),
    includes: ['apiVersion', 'kind', 'metadata', 'Deployment', 'Ingress'],
    inserts: { Ingress: 'apiVersion: networking.k8s.io/v1\nkind: Ingress', metadata: 'metadata:\n  ' },
  },
  {
    name: 'a YAML file that has begun with apiVersion is offered the kinds with their apiVersion',
    text: ['apiVersion: apps/v1', '|'].join('\n'),
    includes: ['kind', 'metadata', 'Deployment', 'StatefulSet'],
    excludes: ['apiVersion'],
    inserts: { StatefulSet: 'kind: StatefulSet' },
  },
  { name: 'a YAML file that has begun with kind is offered the kinds', text: 'kind: |', includes: ['Deployment', 'StatefulSet'] },
  { name: 'an empty YAML file could become anything: nothing', text: 'kin|', labels: [] },
  { name: 'a YAML file with other keys is no manifest: nothing', text: ['name: CI', 'kind: |'].join('\n'), labels: [] },
  // Labels
  {
    name: "a controller's selector takes its pod template's labels",
    text: [
      'apiVersion: apps/v1',
      'kind: Deployment',
      'spec:',
      '  selector:',
      '    matchLabels:',
      '      |',
      '  template:',
      '    metadata:',
      '      labels: {app: web, tier: front}',
    ].join('\n'),
    labels: ['app: web', 'tier: front'],
    inserts: { 'app: web': 'app: web' },
  },
  {
    name: "a pod template's labels take the selector's, then the recommended keys",
    text: [
      'apiVersion: apps/v1',
      'kind: Deployment',
      'spec:',
      '  selector: {matchLabels: {app: web}}',
      '  template:',
      '    metadata:',
      '      labels:',
      '        |',
    ].join('\n'),
    includes: ['app: web', 'app.kubernetes.io/name'],
    inserts: { 'app.kubernetes.io/name': 'app.kubernetes.io/name: ' },
  },
  {
    name: "a label value from the selector's",
    text: [
      'apiVersion: apps/v1',
      'kind: Deployment',
      'spec:',
      '  selector: {matchLabels: {app: web}}',
      '  template:',
      '    metadata:',
      '      labels:',
      '        app: |',
    ].join('\n'),
    labels: ['web'],
  },
  {
    name: "a Service's selector takes the labels of the workspace's pods, once each",
    text: ['apiVersion: v1', 'kind: Service', 'metadata: {name: web}', 'spec:', '  selector:', '    |', '---', ...deployment].join('\n'),
    files: { 'other.yaml': [...deployment.slice(0, 3), '  name: copy', ...deployment.slice(4)].join('\n') },
    labels: ['app: web', 'tier: front'],
  },
  {
    name: 'label keys already written are not offered',
    text: ['apiVersion: v1', 'kind: Service', 'spec:', '  selector:', '    app: web', '    |', '---', ...deployment].join('\n'),
    labels: ['tier: front'],
  },
  {
    name: 'a NetworkPolicy podSelector takes the pods of the namespace',
    text: [
      'apiVersion: networking.k8s.io/v1',
      'kind: NetworkPolicy',
      'metadata: {namespace: shop}',
      'spec:',
      '  podSelector:',
      '    matchLabels:',
      '      |',
    ].join('\n'),
    files: {
      'a.yaml': ['apiVersion: v1', 'kind: Pod', 'metadata: {name: a, namespace: shop, labels: {app: cart}}', 'spec: {containers: [{name: a}]}'].join('\n'),
      'b.yaml': ['apiVersion: v1', 'kind: Pod', 'metadata: {name: b, namespace: other, labels: {app: billing}}', 'spec: {containers: [{name: b}]}'].join('\n'),
    },
    labels: ['app: cart'],
  },
  // Names defined in the workspace
  {
    name: 'Secrets for a secretKeyRef, of the same namespace, not templated ones',
    text: [
      'apiVersion: v1',
      'kind: Pod',
      'metadata: {name: a, namespace: default}',
      'spec:',
      '  containers:',
      '    - name: a',
      '      env:',
      '        - name: PASSWORD',
      '          valueFrom:',
      '            secretKeyRef:',
      '              name: |',
    ].join('\n'),
    files: definitions,
    labels: ['db-credentials'],
  },
  {
    name: 'the keys of the Secret a secretKeyRef names',
    text: [
      ...deployment,
      '          env:',
      '            - name: PASSWORD',
      '              valueFrom:',
      '                secretKeyRef: {name: db-credentials, key: |}',
    ].join('\n'),
    files: definitions,
    labels: ['password', 'user'],
  },
  {
    name: 'ConfigMaps for envFrom',
    text: [...deployment, '          envFrom:', '            - configMapRef:', '                name: |'].join('\n'),
    files: definitions,
    labels: ['settings'],
  },
  {
    name: 'Secrets for a secret volume: an object without namespace may meet any',
    text: ['apiVersion: v1', 'kind: Pod', 'spec:', '  volumes:', '    - name: creds', '      secret:', '        secretName: |'].join('\n'),
    files: definitions,
    labels: ['db-credentials', 'other-namespace'],
  },
  {
    name: 'ConfigMaps for a projected volume, and their keys',
    text: [
      'apiVersion: v1',
      'kind: Pod',
      'spec:',
      '  volumes:',
      '    - name: c',
      '      configMap:',
      '        name: settings',
      '        items:',
      '          - key: |',
    ].join('\n'),
    files: definitions,
    labels: ['mode'],
  },
  {
    name: 'ServiceAccounts for serviceAccountName',
    text: ['apiVersion: v1', 'kind: Pod', 'spec:', '  serviceAccountName: |'].join('\n'),
    files: definitions,
    labels: ['web-sa'],
  },
  {
    name: 'Services and their ports for an Ingress backend',
    text: [
      'apiVersion: networking.k8s.io/v1',
      'kind: Ingress',
      'spec:',
      '  defaultBackend:',
      '    service:',
      '      name: web',
      '      port:',
      '        name: |',
    ].join('\n'),
    files: definitions,
    labels: ['http'],
  },
  {
    name: 'Services for an Ingress rule backend',
    text: [
      'apiVersion: networking.k8s.io/v1',
      'kind: Ingress',
      'spec:',
      '  rules:',
      '    - http:',
      '        paths:',
      '          - backend:',
      '              service: {name: |}',
    ].join('\n'),
    files: definitions,
    labels: ['web'],
  },
  {
    name: 'objects defined in the same file count',
    text: [
      'apiVersion: v1',
      'kind: ServiceAccount',
      'metadata: {name: builder}',
      '---',
      'apiVersion: v1',
      'kind: Pod',
      'spec:',
      '  serviceAccountName: |',
    ].join('\n'),
    labels: ['builder'],
  },
  {
    name: 'the Role or ClusterRole a binding names, by its kind',
    text: ['apiVersion: rbac.authorization.k8s.io/v1', 'kind: RoleBinding', 'roleRef:', '  kind: ClusterRole', '  name: |'].join('\n'),
    files: {
      'rbac.yaml':
        'apiVersion: rbac.authorization.k8s.io/v1\nkind: ClusterRole\nmetadata: {name: reader}\n---\napiVersion: rbac.authorization.k8s.io/v1\nkind: Role\nmetadata: {name: writer}\n',
    },
    labels: ['reader'],
  },
  // Ports
  {
    name: "a probe's port: the container's port names, then numbers",
    text: [...deployment, '          readinessProbe:', '            httpGet:', '              port: |'].join('\n'),
    labels: ['http', '8080', '9090'],
  },
  {
    name: 'a tcpSocket probe port in a flow mapping',
    text: [...deployment, '          livenessProbe: {tcpSocket: {port: |}}'].join('\n'),
    labels: ['http', '8080', '9090'],
  },
  {
    name: "a Service's targetPort: the ports of the pods it selects",
    text: [
      'apiVersion: v1',
      'kind: Service',
      'spec:',
      '  selector: {app: web}',
      '  ports:',
      '    - port: 80',
      '      targetPort: |',
      '---',
      ...deployment,
    ].join('\n'),
    labels: ['http', '8080', '9090'],
  },
  // Nothing wrong offered
  { name: "nothing in a custom resource's spec", text: ['apiVersion: cert-manager.io/v1', 'kind: Certificate', 'spec:', '  |'].join('\n'), labels: [] },
  {
    name: "a custom resource's metadata has the fields of every object",
    text: ['apiVersion: cert-manager.io/v1', 'kind: Certificate', 'metadata:', '  |'].join('\n'),
    includes: ['name', 'namespace', 'labels'],
  },
  {
    name: 'a custom resource top level: the fields of every object',
    text: ['apiVersion: example.com/v1', 'kind: Widget', '|'].join('\n'),
    labels: ['metadata'],
  },
  {
    name: 'a built-in kind name of another group is a custom resource',
    text: ['apiVersion: example.com/v1', 'kind: Deployment', 'spec:', '  |'].join('\n'),
    labels: [],
  },
  { name: 'nothing under a field the schema does not know', text: [...deployment, '          resorces:', '            |'].join('\n'), labels: [] },
  { name: 'nothing in a comment', text: [...deployment, '          # imagePullPolicy: |'].join('\n'), labels: [] },
  { name: 'no workspace names where none is defined', text: ['apiVersion: v1', 'kind: Pod', 'spec:', '  serviceAccountName: |'].join('\n'), labels: [] },
];

for (const { name, text, files, labels: expected, includes, excludes, inserts } of cases) {
  test(`kubernetes completion: ${name}`, () => {
    const items = complete(text, files);
    const actual = labels(items);
    if (expected) assert.deepEqual(actual, expected);
    for (const label of includes ?? []) assert.ok(actual.includes(label), `${label} missing from ${JSON.stringify(actual)}`);
    for (const label of excludes ?? []) assert.ok(!actual.includes(label), `${label} should not be offered`);
    for (const [label, expectedText] of Object.entries(inserts ?? {})) assert.equal(newText(items, label), expectedText, label);
  });
}

test('kubernetes completion: a field carries its type, required mark and description, replaces the typed prefix and asks for values next', () => {
  const items = complete(['apiVersion: v1', 'kind: Pod', 'spec:', '  containers:', '    - name: a', '      imagePull|'].join('\n'));
  const policy = item(items, 'imagePullPolicy');
  assert.ok(policy);
  assert.equal(policy.detail, 'string');
  assert.match((policy.documentation as MarkupContent).value, /^Image pull policy\./);
  assert.deepEqual((policy.textEdit as TextEdit).range, { start: { line: 5, character: 6 }, end: { line: 5, character: 15 } });
  assert.equal(policy.command?.command, 'editor.action.triggerSuggest');
  assert.equal(policy.insertTextMode, InsertTextMode.asIs);
  assert.equal(item(items, 'name'), undefined);
  const required = complete(['apiVersion: v1', 'kind: Pod', 'spec:', '  containers:', '    - |'].join('\n'));
  assert.equal(item(required, 'name')?.detail, 'string · required');
  assert.ok((item(required, 'name')?.sortText ?? '') < (item(required, 'args')?.sortText ?? ''), 'required fields sort first');
  const quantity = complete(['apiVersion: v1', 'kind: LimitRange', 'spec:', '  limits:', '    - |'].join('\n'));
  assert.equal(item(quantity, 'max')?.detail, 'object');
  const port = complete(
    ['apiVersion: v1', 'kind: Pod', 'spec:', '  containers:', '    - name: a', '      readinessProbe:', '        httpGet:', '          |'].join('\n'),
  );
  assert.equal(item(port, 'port')?.detail, 'int-or-string · required');
  assert.match((item(port, 'port')?.documentation as MarkupContent | undefined)?.value ?? '', /Takes an integer or a string/);
});

test('kubernetes completion: choosing a kind fixes the apiVersion, or fills it in', () => {
  const fixes = complete(['# a comment', 'apiVersion: v1 # core', 'kind: Deplo|'].join('\n'));
  const deploymentItem = item(fixes, 'Deployment');
  assert.equal(deploymentItem?.detail, 'apps/v1');
  assert.deepEqual(deploymentItem?.additionalTextEdits, [
    { range: { start: { line: 1, character: 11 }, end: { line: 1, character: 14 } }, newText: ' apps/v1' },
  ]);
  assert.equal(item(fixes, 'ConfigMap')?.additionalTextEdits, undefined, 'the apiVersion already defines it');
  const knative = item(fixes, 'Service', 'serving.knative.dev/v1');
  assert.equal((knative?.additionalTextEdits?.[0] as TextEdit | undefined)?.newText, ' serving.knative.dev/v1');
  assert.equal(item(fixes, 'Service', 'v1')?.additionalTextEdits, undefined);

  const fills = complete(['apiVersion: v1', 'kind: ConfigMap', '---', 'kind: |', 'metadata: {name: a}'].join('\n'));
  assert.deepEqual(item(fills, 'CronJob')?.additionalTextEdits, [
    { range: { start: { line: 3, character: 0 }, end: { line: 3, character: 0 } }, newText: 'apiVersion: batch/v1\n' },
  ]);

  const keeps = complete(['apiVersion: apps/v1beta2', 'kind: |'].join('\n'));
  assert.equal(item(keeps, 'Deployment')?.detail, 'apps/v1beta2', 'a version the document has is kept even when retired');
  assert.equal(item(keeps, 'Deployment')?.additionalTextEdits, undefined);

  const crlf = complete(['apiVersion: v1', 'kind: ConfigMap', '---', 'kind: |'].join('\r\n'));
  assert.equal((item(crlf, 'Job')?.additionalTextEdits?.[0] as TextEdit | undefined)?.newText, 'apiVersion: batch/v1\r\n');
});

test('kubernetes completion: a retired apiVersion is marked with its replacement', () => {
  const items = complete(['apiVersion: |', 'kind: Ingress'].join('\n'));
  const retired = item(items, 'extensions/v1beta1');
  assert.equal(retired?.detail, 'Ingress: removed in Kubernetes 1.22, use networking.k8s.io/v1');
  assert.deepEqual(retired?.tags, [1]);
  assert.equal(item(items, 'networking.k8s.io/v1')?.tags, undefined);
});

test('kubernetes completion: names show where they are defined; values YAML would misread are quoted', () => {
  const items = complete(['apiVersion: v1', 'kind: Pod', 'spec:', '  serviceAccountName: |'].join('\n'), {
    'sa.yaml': 'apiVersion: v1\nkind: ServiceAccount\nmetadata: {name: "true"}\n',
  });
  assert.equal(item(items, 'true')?.detail, 'ServiceAccount in sa.yaml');
  assert.equal(newText(items, 'true'), '"true"');
  const quoted = complete(['apiVersion: v1', 'kind: Pod', 'spec:', '  serviceAccountName: "|'].join('\n'), {
    'sa.yaml': 'apiVersion: v1\nkind: ServiceAccount\nmetadata: {name: "true"}\n',
  });
  assert.equal(newText(quoted, 'true'), 'true');
  const ports = complete([...deployment, '          livenessProbe: {httpGet: {port: |}}'].join('\n'));
  assert.equal(newText(ports, '8080'), '8080', 'a port number goes in as a number');
});

test('kubernetes completion: without a workspace, the schema and the file still answer', () => {
  const { text, position } = splitCursor(
    ['apiVersion: v1', 'kind: ServiceAccount', 'metadata: {name: builder}', '---', 'apiVersion: v1', 'kind: Pod', 'spec:', '  serviceAccountName: |'].join(
      '\n',
    ),
  );
  const workspace = new Workspace({ readFile: () => undefined });
  workspace.open(`${PROJECT}/pod.yaml`, text, 'yaml');
  assert.deepEqual(labels(completions(workspace.get(`${PROJECT}/pod.yaml`), position)), ['builder']);
});

test('kubernetes completion: never throws, at any position of broken manifests', () => {
  const texts = [
    '',
    'apiVersion: v1\nkind: ',
    'apiVersion: v1\nkind: Pod\nspec:\n  containers:\n    - ',
    'apiVersion: v1\nkind: Pod\nspec: [\n',
    'apiVersion: v1\nkind: Pod\nspec: {containers: [{name: "a, ports: [{containerPort: ',
    'apiVersion: apps/v1\nkind: Deployment\nspec: &s\n  template: *s\n  selector: {matchLabels: {app: ',
    'apiVersion: v1\nkind: Service\nspec:\n  selector: *missing\n  ports:\n    - targetPort: ',
    '---\napiVersion: v1\n---\nkind: Secret\n---\n  - :\n',
    'apiVersion: v1\nkind: Pod\nspec:\n\tcontainers:\n\t\t- name: ',
    'apiVersion: rbac.authorization.k8s.io/v1\nkind: RoleBinding\nroleRef: {kind: [], name: ',
  ];
  const workspace = new Workspace({ readFile: () => undefined });
  const uri = `${PROJECT}/app.yaml`;
  for (const text of texts) {
    workspace.open(uri, text, 'yaml');
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
