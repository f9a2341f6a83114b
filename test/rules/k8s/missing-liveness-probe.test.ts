import { rule } from '../../../server/src/rules/k8s/missing-liveness-probe';
import { ruleTester } from '../../ruleTester';

const statefulSet = (container: string) => `apiVersion: apps/v1
kind: StatefulSet
metadata:
  name: db
spec:
  serviceName: db
  template:
    spec:
      containers:
        - name: db
          image: postgres:16
${container}`;

ruleTester(rule, {
  valid: [
    { name: 'a liveness probe', code: statefulSet('          livenessProbe:\n            exec: {command: [pg_isready]}\n') },
    {
      name: 'a CronJob and its init container',
      code: `apiVersion: batch/v1
kind: CronJob
metadata:
  name: nightly
spec:
  schedule: "@daily"
  jobTemplate:
    spec:
      template:
        spec:
          restartPolicy: OnFailure
          initContainers:
            - name: wait
              image: busybox:1.36
          containers:
            - name: job
              image: example/job:1
`,
    },
    {
      name: 'an ephemeral container',
      code: 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  containers:\n    - name: a\n      image: example/a:1\n      livenessProbe: {tcpSocket: {port: 80}}\n  ephemeralContainers:\n    - name: debug\n      image: busybox:1.36\n',
    },
  ],
  invalid: [
    {
      name: 'a TCP port: a TCP liveness probe that waits before it restarts',
      code: statefulSet('          ports:\n            - containerPort: 5432\n'),
      errors: [{ messageId: 'missing', line: 10, column: 17, endColumn: 19, data: { container: 'db' } }],
      output: statefulSet(
        '          ports:\n            - containerPort: 5432\n          livenessProbe:\n            tcpSocket:\n              port: 5432\n            initialDelaySeconds: 15\n            periodSeconds: 20\n',
      ),
    },
    {
      name: 'the readiness handler is copied, with headers',
      code: statefulSet(
        '          readinessProbe:\n            httpGet:\n              path: /ready\n              port: admin\n              httpHeaders:\n                - {name: Host, value: db.local}\n',
      ),
      errors: [{ messageId: 'missing', line: 10, column: 17 }],
      output: statefulSet(
        '          readinessProbe:\n            httpGet:\n              path: /ready\n              port: admin\n              httpHeaders:\n                - {name: Host, value: db.local}\n          livenessProbe:\n            httpGet:\n              path: /ready\n              port: admin\n              httpHeaders: [{name: Host, value: db.local}]\n            initialDelaySeconds: 15\n            periodSeconds: 20\n',
      ),
    },
    {
      name: 'a Knative Service container on an http port; CRLF kept',
      code: 'apiVersion: serving.knative.dev/v1\r\nkind: Service\r\nmetadata:\r\n  name: hello\r\nspec:\r\n  template:\r\n    spec:\r\n      containers:\r\n        - image: example/hello:1\r\n          ports:\r\n            - name: http1\r\n              containerPort: 8080\r\n',
      errors: [{ messageId: 'missing', line: 9, column: 11, data: { container: '?' } }],
      output:
        'apiVersion: serving.knative.dev/v1\r\nkind: Service\r\nmetadata:\r\n  name: hello\r\nspec:\r\n  template:\r\n    spec:\r\n      containers:\r\n        - image: example/hello:1\r\n          ports:\r\n            - name: http1\r\n              containerPort: 8080\r\n          livenessProbe:\r\n            httpGet:\r\n              path: /\r\n              port: http1\r\n            initialDelaySeconds: 15\r\n            periodSeconds: 20\r\n',
    },
    {
      name: 'no TCP port and no other probe to copy: reported without a fix',
      code: statefulSet('          ports:\n            - {containerPort: 5432, protocol: UDP}\n'),
      errors: [{ messageId: 'missing', line: 10, column: 17 }],
      output: null,
    },
  ],
});
