import assert from 'node:assert/strict';
import { test } from 'node:test';
import { rule } from '../../../server/src/rules/k8s/missing-prestop';
import { lintCase, ruleTester } from '../../ruleTester';

/** A Deployment whose pod spec starts with `pod` and whose single container ends with `container`. */
const deployment = (container: string, pod = '') => `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  template:
    spec:
${pod}      containers:
        - name: web
          image: example/web:1.4
          ports:
            - containerPort: 8080
${container}`;

const longHook = deployment('          lifecycle:\n            preStop:\n              exec:\n                command: ["/bin/sh", "-c", "sleep 45"]\n');

ruleTester(rule, {
  valid: [
    { name: 'a preStop sleep within the grace period', code: deployment('          lifecycle:\n            preStop:\n              sleep: {seconds: 5}\n') },
    {
      name: 'a long hook with a longer grace period',
      code: longHook.replace('      containers:', '      terminationGracePeriodSeconds: 60\n      containers:'),
    },
    { name: 'a worker without ports', code: deployment('').replace('          ports:\n            - containerPort: 8080\n', '') },
    {
      name: 'Jobs, UDP-only containers and Knative Services',
      code: `apiVersion: batch/v1
kind: Job
metadata:
  name: once
spec:
  template:
    spec:
      restartPolicy: Never
      containers:
        - {name: a, image: "example/a:1", ports: [{containerPort: 80}]}
---
apiVersion: v1
kind: Pod
metadata:
  name: dns
spec:
  containers:
    - {name: dns, image: "example/dns:1", ports: [{containerPort: 53, protocol: UDP}]}
---
apiVersion: serving.knative.dev/v1
kind: Service
metadata:
  name: hello
spec:
  template:
    spec:
      containers:
        - {image: "example/hello:1", ports: [{containerPort: 8080}]}
`,
    },
  ],
  invalid: [
    {
      name: 'a serving container: a kubelet sleep of 5 s',
      code: deployment(''),
      errors: [{ messageId: 'missing', line: 9, column: 17, endColumn: 20, data: { container: 'web' } }],
      output: deployment('          lifecycle:\n            preStop:\n              sleep:\n                seconds: 5\n'),
    },
    {
      name: 'a lifecycle with only postStart is completed; flow style',
      code: deployment('          lifecycle: {postStart: {exec: {command: [/init]}}}\n'),
      errors: [{ messageId: 'missing', line: 13, column: 11 }],
      output: deployment('          lifecycle: {postStart: {exec: {command: [/init]}}, preStop: { sleep: { seconds: 5 } }}\n'),
    },
    {
      name: 'a hook that outlasts the default grace period of 30 s',
      code: longHook,
      errors: [{ messageId: 'outlastsGrace', line: 16, column: 26, data: { sleep: 45, grace: 30 } }],
      output: null,
    },
    {
      name: 'a kubelet sleep that outlasts a short grace period',
      code: deployment('          lifecycle:\n            preStop:\n              sleep: {seconds: 10}\n', '      terminationGracePeriodSeconds: 10\n'),
      errors: [{ messageId: 'outlastsGrace', line: 16, column: 32, data: { sleep: 10, grace: 10 } }],
      output: null,
    },
  ],
});

test('k8s/missing-prestop: a missing hook is information, a hook that outlasts the grace period a warning', () => {
  assert.deepEqual(
    [...lintCase(rule, { code: deployment('') }), ...lintCase(rule, { code: longHook })].map((finding) => finding.severity),
    ['info', 'warning'],
  );
});
