import { rule } from '../../../server/src/rules/k8s/invalid-port-name';
import { ruleTester } from '../../ruleTester';

ruleTester(rule, {
  valid: [
    {
      name: 'valid names and numbers, a template placeholder, a Knative Service',
      code: `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  template:
    spec:
      containers:
        - name: web
          image: example/web:1
          ports:
            - {name: http, containerPort: 8080}
            - {name: http-metrics-v2, containerPort: 9090}
            - {name: 9p, containerPort: 564}
            - containerPort: 8443
---
apiVersion: v1
kind: Service
metadata:
  name: web
spec:
  ports:
    - {port: 80, targetPort: http}
    - {port: 443, targetPort: 8443}
    - {port: 9090, targetPort: \${METRICS_PORT}}
    - port: 81
---
apiVersion: serving.knative.dev/v1
kind: Service
metadata:
  name: hello
spec:
  template:
    spec:
      containers:
        - image: example/hello:1
          ports: [{name: h2c, containerPort: 8080}]
`,
    },
  ],
  invalid: [
    {
      name: 'every way a name breaks the rules, in containers of every field',
      code: `apiVersion: v1
kind: Pod
metadata:
  name: p
spec:
  initContainers:
    - name: init
      image: example/init:1
      ports: [{name: http_metrics, containerPort: 9090}]
  containers:
    - name: app
      image: example/app:1
      ports:
        - name: HTTP
          containerPort: 80
        - name: "8080"
          containerPort: 8080
        - name: my-very-long-port-name
          containerPort: 81
        - name: -admin
          containerPort: 82
        - name: grpc--web
          containerPort: 83
`,
      errors: [
        { messageId: 'containerPort', line: 9, column: 22, endColumn: 34, data: { container: 'init', problem: 'has characters other than' } },
        { messageId: 'containerPort', line: 14, column: 17, data: { name: 'HTTP', problem: 'has uppercase letters' } },
        { messageId: 'containerPort', line: 16, column: 17, data: { problem: 'has no letter' } },
        { messageId: 'containerPort', line: 18, column: 17, data: { problem: 'is 22 characters long, more than 15' } },
        { messageId: 'containerPort', line: 20, column: 17, data: { problem: 'starts or ends with "-"' } },
        { messageId: 'containerPort', line: 22, column: 17, data: { problem: 'has "--"' } },
      ],
    },
    {
      name: 'Service targetPort names and numbers',
      code: `apiVersion: v1
kind: Service
metadata:
  name: api
spec:
  ports:
    - port: 80
      targetPort: Http
    - port: 81
      targetPort: 123456
    - {port: 82, targetPort: "metrics_port"}
`,
      errors: [
        { messageId: 'targetPort', line: 8, column: 19, data: { service: 'api', problem: 'has uppercase letters' } },
        { messageId: 'targetPortNumber', line: 10, column: 19, data: { name: '123456' } },
        { messageId: 'targetPort', line: 11, column: 30 },
      ],
    },
  ],
});
