import assert from 'node:assert/strict';
import { test } from 'node:test';
import { rule } from '../../../server/src/rules/k8s/probe-port-mismatch';
import { lintCase, ruleTester } from '../../ruleTester';

/** A Deployment whose single container ends with `container` (lines indented for the container's keys). */
const deployment = (container: string) => `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  template:
    spec:
      containers:
        - name: web
          image: example/web:1.4
${container}`;

const HTTP_PORTS =
  '          ports:\n            - name: http\n              containerPort: 8080\n            - name: metrics\n              containerPort: 9090\n';

const undeclaredNumbers = deployment(
  '          ports:\n            - containerPort: 8080\n          readinessProbe:\n            httpGet: {path: /, port: 10254}\n          livenessProbe:\n            tcpSocket: {port: 8081}\n',
);

ruleTester(rule, {
  valid: [
    {
      name: 'probes on declared names and numbers, TCP and gRPC',
      code: deployment(
        `${HTTP_PORTS}          readinessProbe:\n            httpGet: {path: /ready, port: http}\n          livenessProbe:\n            tcpSocket:\n              port: 9090\n          startupProbe:\n            grpc: {port: 8080}\n`,
      ),
    },
    {
      name: 'a probe of another host, an exec probe, an ephemeral container',
      code: `apiVersion: v1
kind: Pod
metadata:
  name: p
spec:
  containers:
    - name: a
      image: example/a:1
      readinessProbe:
        httpGet: {host: 10.0.0.1, port: admin}
      livenessProbe:
        exec: {command: [true]}
  ephemeralContainers:
    - name: debug
      image: busybox:1.36
      readinessProbe: {tcpSocket: {port: nothing}}
`,
    },
  ],
  invalid: [
    {
      name: 'a misspelt name: the declared name it is closest to',
      code: deployment(`${HTTP_PORTS}          readinessProbe:\n            httpGet:\n              path: /ready\n              port: htpp # typo\n`),
      errors: [{ messageId: 'unknownName', line: 19, column: 21, endColumn: 25, data: { port: 'htpp', declared: '"http", "metrics"' } }],
      output: deployment(`${HTTP_PORTS}          readinessProbe:\n            httpGet:\n              path: /ready\n              port: http # typo\n`),
    },
    {
      name: 'an unknown name: every declared name is offered, in quotes kept; init sidecars are checked',
      code: `apiVersion: v1
kind: Pod
metadata:
  name: p
spec:
  initContainers:
    - name: proxy
      image: example/proxy:2
      restartPolicy: Always
      ports: [{name: admin, containerPort: 9901}, {name: proxy, containerPort: 15001}]
      startupProbe: {tcpSocket: {port: "health"}}
  containers:
    - name: app
      image: example/app:1
      livenessProbe:
        httpGet: {path: /, port: http}
`,
      errors: [
        { messageId: 'unknownName', line: 11, column: 40, data: { container: 'proxy', probe: 'startupProbe' } },
        { messageId: 'unknownName', line: 16, column: 34, data: { container: 'app', declared: 'it declares none' } },
      ],
      output: `apiVersion: v1
kind: Pod
metadata:
  name: p
spec:
  initContainers:
    - name: proxy
      image: example/proxy:2
      restartPolicy: Always
      ports: [{name: admin, containerPort: 9901}, {name: proxy, containerPort: 15001}]
      startupProbe: {tcpSocket: {port: "admin"}}
  containers:
    - name: app
      image: example/app:1
      livenessProbe:
        httpGet: {path: /, port: http}
`,
    },
    {
      name: 'a quoted number is a name: the quotes come off',
      code: deployment(`${HTTP_PORTS}          livenessProbe:\n            tcpSocket:\n              port: "8080"\n`),
      errors: [{ messageId: 'quotedNumber', line: 18, column: 21, endColumn: 27 }],
      output: deployment(`${HTTP_PORTS}          livenessProbe:\n            tcpSocket:\n              port: 8080\n`),
    },
    {
      name: 'a gRPC probe takes the number of the port it names',
      code: deployment(`${HTTP_PORTS}          readinessProbe:\n            grpc: {port: metrics}\n`),
      errors: [{ messageId: 'grpcNeedsNumber', line: 17, column: 26, data: { number: '9090' } }],
      output: deployment(`${HTTP_PORTS}          readinessProbe:\n            grpc: {port: 9090}\n`),
    },
    {
      name: 'undeclared numbers: one typo away from a declared one, or not',
      code: undeclaredNumbers,
      errors: [
        { messageId: 'undeclaredNumber', line: 14, column: 38, data: { port: 10254, declared: '8080' } },
        { messageId: 'nearDeclaredNumber', line: 16, column: 31, data: { port: 8081, closest: '8080' } },
      ],
      output: undeclaredNumbers.replace('{port: 8081}', '{port: 8080}'),
    },
    {
      name: 'a probe shared through an anchor: reported once, not edited',
      code: `apiVersion: v1
kind: Pod
metadata:
  name: p
spec:
  containers:
    - name: a
      image: example/a:1
      ports: [{name: http, containerPort: 80}]
      readinessProbe: &probe
        httpGet: {path: /, port: htp}
    - name: b
      image: example/b:1
      ports: [{name: http, containerPort: 80}]
      readinessProbe: *probe
`,
      errors: [{ messageId: 'unknownName', line: 11, column: 34 }],
      output: null,
    },
  ],
});

test('k8s/probe-port-mismatch: a missing name is an error, a near number a warning, other undeclared numbers information', () => {
  const named = lintCase(rule, { code: deployment(`${HTTP_PORTS}          readinessProbe:\n            httpGet: {path: /, port: web}\n`) });
  const noPorts = lintCase(rule, { code: deployment('          livenessProbe:\n            tcpSocket: {port: 8080}\n') });
  const numbers = lintCase(rule, { code: undeclaredNumbers });
  assert.deepEqual(
    [...named, ...noPorts, ...numbers].map((finding) => [finding.messageId, finding.severity, finding.aliases.at(-1)]),
    [
      ['unknownName', 'error', 'kube-linter:readiness-port'],
      ['noPortsDeclared', 'info', 'kube-linter:liveness-port'],
      ['undeclaredNumber', 'info', 'kube-linter:readiness-port'],
      ['nearDeclaredNumber', 'warning', 'kube-linter:liveness-port'],
    ],
  );
});
