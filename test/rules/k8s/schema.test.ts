import { rule } from '../../../server/src/rules/k8s/schema';
import { ruleTester } from '../../ruleTester';

const deployment = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
  labels: { app: web }
spec:
  replicas: 2
  selector:
    matchLabels: { app: web }
  template:
    metadata:
      labels: { app: web }
    spec:
      containers:
        - name: web
          image: nginx:1.27
          ports:
            - containerPort: 80
              name: http
          resources:
            requests: { cpu: 100m, memory: 128Mi }
            limits: { cpu: 1, memory: 256Mi }
          livenessProbe:
            httpGet: { path: /healthz, port: http }
`;

/** A Deployment whose container has `line` added after its image. */
const withContainerLine = (line: string) => deployment.replace('          image: nginx:1.27\n', `          image: nginx:1.27\n          ${line}\n`);

ruleTester(rule, {
  valid: [
    { name: 'a complete Deployment', code: deployment },
    {
      name: 'kubectl --dry-run output: null timestamps, empty resources and status',
      code: 'apiVersion: v1\nkind: Pod\nmetadata:\n  creationTimestamp: null\n  name: p\nspec:\n  containers:\n  - image: nginx:1.27\n    name: p\n    resources: {}\n  dnsPolicy: ClusterFirst\nstatus: {}\n',
    },
    {
      name: 'a custom resource: no schema, not checked',
      code: 'apiVersion: monitoring.coreos.com/v1\nkind: ServiceMonitor\nmetadata: { name: m }\nspec:\n  anything: [1, 2]\n',
    },
    { name: 'broken YAML is left to k8s/syntax', code: 'apiVersion: v1\nkind: ConfigMap\nmetadata: { name: c }\ndata:\n  a: "unclosed\n' },
    {
      // A template action in a key or value makes the file a template, never checked (parsing/kubernetesFiles.ts);
      // one in a block scalar leaves a manifest, whose data may still be rendered partly.
      name: 'a Helm-style template action in a block scalar: only YAML once rendered',
      code: 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\n  annotations:\n    checksum/config: |\n      {{ include "config" . | sha256sum }}\nspec:\n  replicas: 3\n',
    },
    {
      name: 'envsubst variables stand for values of any type',
      code: 'apiVersion: v1\nkind: Service\nmetadata: { name: s }\nspec:\n  ports:\n    - port: ${PORT}\n      nodePort: ${NODE_PORT:-30080}\n',
    },
    {
      name: 'a Knative Service names no container',
      code: 'apiVersion: serving.knative.dev/v1\nkind: Service\nmetadata:\n  name: hello\nspec:\n  template:\n    spec:\n      containers:\n        - image: gcr.io/project/hello:1.0\n          ports:\n            - containerPort: 8080\n',
    },
    {
      // A patch the kustomization names is not a manifest at all (parsing/kustomization.ts).
      name: 'beside a kustomization, a resource may leave its selector to commonLabels',
      code: 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\nspec:\n  replicas: 3\n  template:\n    spec:\n      volumes:\n        - name: data\n          emptyDir: {}\n',
      filename: 'base/deployment.yaml',
      files: { 'base/kustomization.yaml': 'resources:\n  - deployment.yaml\ncommonLabels:\n  app: web\n' },
    },
    {
      name: 'quantities as numbers and strings with units',
      code: withContainerLine('resources: { limits: { cpu: 0.5, memory: 1Gi, ephemeral-storage: 2G } }').replace(/ {10}resources:\n.*\n.*\n/, ''),
    },
    {
      name: 'several documents, one of them a custom resource, one a List',
      code: `${deployment}---\napiVersion: v1\nkind: List\nitems: []\n---\napiVersion: example.com/v1\nkind: Widget\nspec: {}\n`,
    },
  ],
  invalid: [
    {
      name: 'a misspelt field: did you mean, renamed in place',
      code: deployment.replace('  replicas: 2', '  replica: 2 # two'),
      errors: [
        {
          messageId: 'unknownKeySuggestion',
          line: 7,
          column: 3,
          endLine: 7,
          endColumn: 10,
          data: { key: 'replica', suggestion: 'replicas', where: 'in spec' },
        },
      ],
      output: deployment.replace('  replicas: 2', '  replicas: 2 # two'),
    },
    {
      name: 'a quoted misspelt field keeps its quotes',
      code: withContainerLine('"imagePullPolicey": IfNotPresent'),
      errors: [{ messageId: 'unknownKeySuggestion', line: 17, column: 11, endColumn: 29, data: { suggestion: 'imagePullPolicy' } }],
      output: withContainerLine('"imagePullPolicy": IfNotPresent'),
    },
    {
      name: 'no rename when the value does not suit the field it would become',
      code: deployment.replace('  replicas: 2', '  replica: two'),
      errors: [{ messageId: 'unknownKeySuggestion', line: 7, column: 3, data: { suggestion: 'replicas' } }],
      output: null,
    },
    {
      name: 'no rename when the field is already there',
      code: deployment.replace('  replicas: 2', '  replicas: 2\n  replica: 3'),
      errors: [{ messageId: 'unknownKeySuggestion', line: 8, column: 3 }],
      output: null,
    },
    {
      name: 'a field in the wrong place: its allowed neighbours named',
      code: withContainerLine('runAsUser: 1000'),
      errors: [{ messageId: 'unknownKey', line: 17, column: 11, endColumn: 20, data: { key: 'runAsUser', where: 'in spec.template.spec.containers[0]' } }],
      output: null,
    },
    {
      name: 'a number written as a string, at the value',
      code: deployment.replace('containerPort: 80', 'containerPort: "80"'),
      errors: [
        {
          messageId: 'wrongType',
          line: 18,
          column: 30,
          endColumn: 34,
          data: { where: 'spec.template.spec.containers[0].ports[0].containerPort', expected: 'an integer', actual: 'the string "80"' },
        },
      ],
      output: null,
    },
    {
      name: 'a value that is not allowed, with the allowed ones',
      code: withContainerLine('imagePullPolicy: always'),
      errors: [
        { messageId: 'notAllowed', line: 17, column: 28, endColumn: 34, data: { expected: 'one of "Always", "IfNotPresent" or "Never"', actual: '"always"' } },
      ],
      output: null,
    },
    {
      name: 'a quantity with a unit Kubernetes does not know',
      code: deployment.replace('memory: 256Mi', 'memory: 256MB'),
      errors: [{ messageId: 'wrongType', line: 22, column: 39, endColumn: 44, data: { expected: 'a quantity', actual: '"256MB"' } }],
      output: null,
    },
    {
      name: 'a probe port that is neither a number nor a name',
      code: deployment.replace('port: http', 'port: [8080]'),
      errors: [{ messageId: 'wrongType', line: 24, column: 46, data: { expected: 'an integer or a string' } }],
      output: null,
    },
    {
      name: 'a missing required field, at the key of its mapping',
      code: deployment.replace('  selector:\n    matchLabels: { app: web }\n', ''),
      errors: [{ messageId: 'missingKeys', line: 6, column: 1, endColumn: 5, data: { where: 'spec', keys: 'key "selector"' } }],
      output: null,
    },
    {
      name: 'a list where a mapping belongs, on its first line',
      code: 'apiVersion: v1\nkind: ConfigMap\nmetadata: { name: c }\ndata:\n  - a\n  - b\n',
      errors: [{ messageId: 'wrongType', line: 4, column: 1, endColumn: 5, data: { expected: 'a mapping', actual: 'a list' } }],
      output: null,
    },
    {
      name: 'flow style: the misspelt key inside braces is renamed',
      code: 'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: c, lables: {app: c}}\ndata: {}\n',
      errors: [{ messageId: 'unknownKeySuggestion', line: 3, column: 21, endColumn: 27, data: { suggestion: 'labels' } }],
      output: 'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: c, labels: {app: c}}\ndata: {}\n',
    },
    {
      name: 'the second document of a file, at its own lines',
      code: `apiVersion: v1\nkind: Service\nmetadata: { name: web }\nspec:\n  selector: { app: web }\n  ports: [{ port: 80 }]\n---\n${deployment.replace('  replicas: 2', '  replicas: "2"')}`,
      errors: [{ messageId: 'wrongType', line: 14, column: 13, endColumn: 16 }],
      output: null,
    },
    {
      name: 'a problem inside an anchor is reported once, where the alias is used',
      code: `apiVersion: v1
kind: Pod
metadata: { name: p }
spec:
  containers:
    - &app
      name: app
      image: app:1.0
      imagePullPolicy: Sometimes
    - *app
`,
      errors: [
        { messageId: 'notAllowed', line: 9, column: 24 },
        { messageId: 'notAllowed', line: 10, column: 7, endColumn: 11 },
      ],
      output: null,
    },
    {
      name: 'beside a kustomization, unknown fields are still reported',
      code: 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\nspec:\n  replicas: 3\n  hostNetwork: true\n',
      filename: 'base/deployment.yaml',
      files: { 'base/kustomization.yaml': 'resources:\n  - deployment.yaml\n' },
      errors: [{ messageId: 'unknownKey', line: 7, column: 3, endColumn: 14 }],
      output: null,
    },
    {
      name: 'Secret data that is not base64',
      code: 'apiVersion: v1\nkind: Secret\nmetadata: { name: s }\ndata:\n  password: hunter2\n',
      errors: [{ messageId: 'wrongType', line: 5, column: 13, data: { expected: 'base64-encoded data' } }],
      output: null,
    },
  ],
});
