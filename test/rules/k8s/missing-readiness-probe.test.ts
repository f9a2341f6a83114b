import { rule } from '../../../server/src/rules/k8s/missing-readiness-probe';
import { ruleTester } from '../../ruleTester';

/** A Deployment whose single container ends with `container` (lines indented for the container's keys). */
const deployment = (container: string) => `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  selector:
    matchLabels: {app: web}
  template:
    metadata:
      labels: {app: web}
    spec:
      containers:
        - name: web
          image: example/web:1.4
${container}`;

const job = `apiVersion: batch/v1
kind: Job
metadata:
  name: migrate
spec:
  template:
    spec:
      restartPolicy: Never
      containers:
        - name: migrate
          image: example/migrate:1.0
`;

ruleTester(rule, {
  valid: [
    { name: 'a readiness probe', code: deployment('          readinessProbe:\n            tcpSocket: {port: 8080}\n') },
    { name: 'a Job runs to completion', code: job },
    {
      name: 'init containers and a Pod that never restarts',
      code: `apiVersion: v1
kind: Pod
metadata:
  name: once
spec:
  restartPolicy: Never
  containers:
    - name: task
      image: example/task:1
---
apiVersion: apps/v1
kind: StatefulSet
metadata:
  name: db
spec:
  template:
    spec:
      initContainers:
        - name: init
          image: busybox:1.36
      containers:
        - name: db
          image: postgres:16
          readinessProbe:
            exec: {command: [pg_isready]}
`,
    },
    {
      name: 'Knative probes the container port itself',
      code: `apiVersion: serving.knative.dev/v1
kind: Service
metadata:
  name: hello
spec:
  template:
    spec:
      containers:
        - image: example/hello:1
          ports:
            - containerPort: 8080
`,
    },
  ],
  invalid: [
    {
      name: 'an http port: HTTP GET / on it, by name',
      code: deployment('          ports:\n            - name: http\n              containerPort: 8080\n'),
      errors: [{ messageId: 'missing', line: 13, column: 17, endColumn: 20, data: { container: 'web' } }],
      output: deployment(
        '          ports:\n            - name: http\n              containerPort: 8080\n          readinessProbe:\n            httpGet:\n              path: /\n              port: http\n',
      ),
    },
    {
      name: 'an https port gets the HTTPS scheme, a metrics port the /metrics path; http-like names win over the first port',
      code: deployment('          ports:\n            - {name: grpc, containerPort: 9090}\n            - {name: https-web, containerPort: 8443}\n'),
      errors: [{ messageId: 'missing', line: 13, column: 17 }],
      output: deployment(
        '          ports:\n            - {name: grpc, containerPort: 9090}\n            - {name: https-web, containerPort: 8443}\n          readinessProbe:\n            httpGet:\n              path: /\n              port: https-web\n              scheme: HTTPS\n',
      ),
    },
    {
      name: 'a port without name: a TCP connection to its number',
      code: deployment('          ports:\n            - containerPort: 5432\n'),
      errors: [{ messageId: 'missing', line: 13, column: 17 }],
      output: deployment('          ports:\n            - containerPort: 5432\n          readinessProbe:\n            tcpSocket:\n              port: 5432\n'),
    },
    {
      name: 'the liveness probe handler is copied, not its timings',
      code: deployment('          livenessProbe: # cheap\n            httpGet: {path: /healthz, port: 8081}\n            periodSeconds: 30\n'),
      errors: [{ messageId: 'missing', line: 13, column: 17 }],
      output: deployment(
        '          livenessProbe: # cheap\n            httpGet: {path: /healthz, port: 8081}\n            periodSeconds: 30\n          readinessProbe:\n            httpGet:\n              path: /healthz\n              port: 8081\n',
      ),
    },
    {
      name: 'no port and no other probe: reported without a fix',
      code: deployment('          args: [--queue, default]\n'),
      errors: [{ messageId: 'missing', line: 13, column: 17 }],
      output: null,
    },
    {
      name: 'only a UDP port: no fix',
      code: deployment('          ports:\n            - {containerPort: 53, protocol: UDP}\n'),
      errors: [{ messageId: 'missing', line: 13, column: 17 }],
      output: null,
    },
    {
      name: 'a flow container in a DaemonSet gets a flow probe; a bare Pod restarts, so it is checked',
      code: `apiVersion: apps/v1
kind: DaemonSet
metadata:
  name: agent
spec:
  template:
    spec:
      containers:
        - {name: agent, image: "example/agent:3", ports: [{name: metrics, containerPort: 9100}]}
---
apiVersion: v1
kind: Pod
metadata:
  name: p
spec:
  containers:
    - name: app
      image: example/app:1
      startupProbe:
        exec:
          command: ["cat", "/tmp/started"]
`,
      errors: [
        { messageId: 'missing', line: 9, column: 18, data: { container: 'agent' } },
        { messageId: 'missing', line: 17, column: 13, data: { container: 'app' } },
      ],
      output: `apiVersion: apps/v1
kind: DaemonSet
metadata:
  name: agent
spec:
  template:
    spec:
      containers:
        - {name: agent, image: "example/agent:3", ports: [{name: metrics, containerPort: 9100}], readinessProbe: { httpGet: { path: /metrics, port: metrics } }}
---
apiVersion: v1
kind: Pod
metadata:
  name: p
spec:
  containers:
    - name: app
      image: example/app:1
      startupProbe:
        exec:
          command: ["cat", "/tmp/started"]
      readinessProbe:
        exec:
          command: [cat, /tmp/started]
`,
    },
  ],
});
