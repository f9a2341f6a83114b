import { rule } from '../../../server/src/rules/k8s/missing-resources';
import { ruleTester } from '../../ruleTester';

/** A Deployment whose single container ends with `container` (lines indented for the container's keys). */
const deployment = (container: string) => `apiVersion: apps/v1
kind: Deployment
metadata:
  name: api
spec:
  selector:
    matchLabels: {app: api}
  template:
    metadata:
      labels: {app: api}
    spec:
      containers:
        - name: api
          image: example/api:2.3
${container}`;

const FULL = `          resources:
            requests: {cpu: 250m, memory: 512Mi}
            limits: {memory: 512Mi}
`;

const cronJob = `apiVersion: batch/v1
kind: CronJob
metadata:
  name: nightly
spec:
  schedule: "0 1 * * *"
  jobTemplate:
    spec:
      template:
        spec:
          restartPolicy: OnFailure
          initContainers:
            - name: migrate # runs first
              image: example/migrate:1.0
          containers:
            - name: job
              image: example/job:1.0
              resources:
                limits:
                  cpu: "1"
                  memory: 1Gi
`;

ruleTester(rule, {
  valid: [
    { name: 'requests and memory limit in flow style', code: deployment(FULL) },
    {
      name: 'requests default to the limits: a limit alone is enough',
      code: deployment('          resources:\n            limits:\n              cpu: 500m\n              memory: 512Mi\n'),
    },
    {
      name: 'pod-level resources cover every container',
      code: `apiVersion: v1
kind: Pod
metadata:
  name: p
spec:
  resources:
    requests: {cpu: "1", memory: 1Gi}
    limits: {memory: 1Gi}
  containers:
    - name: a
      image: example/a:1
    - name: b
      image: example/b:1
`,
    },
    {
      name: 'an ephemeral container cannot have resources',
      code: `apiVersion: v1
kind: Pod
metadata:
  name: p
spec:
  containers:
    - name: a
      image: example/a:1
${FULL.replace(/^ {4}/gm, '')}  ephemeralContainers:
    - name: debug
      image: busybox:1.36
`,
    },
    {
      name: 'a kube-linter annotation on the object suppresses the finding it names',
      code: deployment('          resources: {requests: {cpu: 1, memory: 1Gi}}\n').replace(
        '  name: api\n',
        '  name: api\n  annotations:\n    ignore-check.kube-linter.io/unset-memory-requirements: "sized by the VPA"\n',
      ),
    },
    { name: 'not a workload', code: 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c\ndata:\n  resources: none\n' },
  ],
  invalid: [
    {
      name: 'a kube-linter annotation for the memory check leaves a missing CPU request reported',
      code: deployment('          resources: {requests: {memory: 1Gi}, limits: {memory: 1Gi}}\n').replace(
        '  name: api\n',
        '  name: api\n  annotations:\n    ignore-check.kube-linter.io/unset-memory-requirements: "sized by the VPA"\n',
      ),
      errors: [{ messageId: 'missing', line: 17, column: 11, data: { container: 'api', missing: 'CPU request' } }],
      output: deployment('          resources: {requests: {memory: 1Gi, cpu: 100m}, limits: {memory: 1Gi}}\n').replace(
        '  name: api\n',
        '  name: api\n  annotations:\n    ignore-check.kube-linter.io/unset-memory-requirements: "sized by the VPA"\n',
      ),
    },
    {
      name: 'no resources: a block is added',
      code: deployment(''),
      errors: [
        { messageId: 'missing', line: 13, column: 17, endColumn: 20, data: { container: 'api', missing: 'CPU request, memory request or memory limit' } },
      ],
      output: deployment(`          resources:
            requests:
              cpu: 100m
              memory: 256Mi
            limits:
              memory: 256Mi
`),
    },
    {
      name: 'a memory request without limit: the limit takes the request',
      code: deployment('          resources:\n            requests:\n              cpu: 200m\n              memory: "1Gi" # measured\n'),
      errors: [{ messageId: 'noMemoryLimit', line: 15, column: 11 }],
      output: deployment(
        '          resources:\n            requests:\n              cpu: 200m\n              memory: "1Gi" # measured\n            limits:\n              memory: 1Gi\n',
      ),
    },
    {
      name: 'completes requests and limits already written in flow style',
      code: deployment('          resources: {requests: {memory: 128Mi}, limits: {}}\n'),
      errors: [{ messageId: 'missing', line: 15, column: 11, data: { missing: 'CPU request or memory limit' } }],
      output: deployment('          resources: {requests: {memory: 128Mi, cpu: 100m}, limits: { memory: 128Mi }}\n'),
    },
    {
      name: 'a flow container gets a flow resources mapping',
      code: deployment('        - {name: sidecar, image: "example/proxy:1"}\n'),
      errors: [
        { messageId: 'missing', line: 13, column: 17 },
        { messageId: 'missing', line: 15, column: 18, data: { container: 'sidecar' } },
      ],
      output: deployment(`          resources:
            requests:
              cpu: 100m
              memory: 256Mi
            limits:
              memory: 256Mi
        - {name: sidecar, image: "example/proxy:1", resources: { requests: { cpu: 100m, memory: 256Mi }, limits: { memory: 256Mi } }}
`),
    },
    {
      name: 'CronJob: the init container too; a CPU limit without request is a request',
      code: cronJob,
      errors: [{ messageId: 'missing', line: 13, column: 21, data: { container: 'migrate' } }],
      output: cronJob.replace(
        '              image: example/migrate:1.0\n',
        '              image: example/migrate:1.0\n              resources:\n                requests:\n                  cpu: 100m\n                  memory: 256Mi\n                limits:\n                  memory: 256Mi\n',
      ),
    },
    {
      name: 'a single missing key goes on its own line under a new mapping; CRLF kept',
      code: deployment('          resources:\n            requests: {cpu: 1, memory: 2Gi}\n').replace(/\n/g, '\r\n'),
      errors: [{ messageId: 'noMemoryLimit', line: 15, column: 11 }],
      output: deployment('          resources:\n            requests: {cpu: 1, memory: 2Gi}\n            limits:\n              memory: 2Gi\n').replace(
        /\n/g,
        '\r\n',
      ),
    },
    {
      name: 'a limits mapping that ends the resources gets its key before the new requests',
      code: deployment('          resources:\n            limits:\n              nvidia.com/gpu: 1'),
      errors: [{ messageId: 'missing', line: 15, column: 11, data: { missing: 'CPU request, memory request or memory limit' } }],
      output: deployment(
        '          resources:\n            limits:\n              nvidia.com/gpu: 1\n              memory: 256Mi\n            requests:\n              cpu: 100m\n              memory: 256Mi',
      ),
    },
    {
      name: 'resources from an alias: reported, not edited',
      code: `apiVersion: v1
kind: Pod
metadata:
  name: p
  annotations:
    sizes: &sizes {requests: {cpu: 100m}}
spec:
  containers:
    - name: a
      image: example/a:1
      resources: *sizes
`,
      errors: [{ messageId: 'missing', line: 11, column: 7, data: { missing: 'memory request or memory limit' } }],
      output: null,
    },
  ],
});
