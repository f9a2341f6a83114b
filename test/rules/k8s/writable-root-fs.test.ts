import { rule } from '../../../server/src/rules/k8s/writable-root-fs';
import { ruleTester } from '../../ruleTester';

const pod = (container: string, spec = '') => `apiVersion: v1
kind: Pod
metadata:
  name: web
spec:
${spec}  containers:
    - name: web
      image: example/web:1.4
${container}`;

ruleTester(rule, {
  valid: [
    pod('      securityContext:\n        readOnlyRootFilesystem: true\n'),
    { name: 'a Windows pod cannot set it', code: pod('', '  os: {name: windows}\n') },
    { name: 'not a workload', code: 'apiVersion: v1\nkind: Service\nmetadata: {name: web}\nspec:\n  ports: [{port: 80}]\n' },
  ],
  invalid: [
    {
      name: 'unset: a new securityContext',
      code: pod(''),
      errors: [{ messageId: 'writable', line: 7, column: 13, data: { container: 'container "web" of Pod "web"' } }],
      output: pod('      securityContext:\n        readOnlyRootFilesystem: true\n'),
    },
    {
      name: 'explicitly false is set to true',
      code: pod('      securityContext:\n        readOnlyRootFilesystem: false  # writes its cache\n        runAsNonRoot: true\n'),
      errors: [{ messageId: 'writable', line: 10, column: 9 }],
      output: pod('      securityContext:\n        readOnlyRootFilesystem: true  # writes its cache\n        runAsNonRoot: true\n'),
    },
    {
      name: 'merged into an existing block securityContext after a nested list',
      code: pod('      securityContext:\n        capabilities:\n          drop:\n            - ALL\n'),
      errors: [{ messageId: 'writable', line: 9, column: 7 }],
      output: pod('      securityContext:\n        capabilities:\n          drop:\n            - ALL\n        readOnlyRootFilesystem: true\n'),
    },
    {
      name: 'every container of a StatefulSet, init containers included',
      code: 'apiVersion: apps/v1\nkind: StatefulSet\nmetadata: {name: db}\nspec:\n  serviceName: db\n  selector: {matchLabels: {app: db}}\n  template:\n    metadata: {labels: {app: db}}\n    spec:\n      initContainers: [{name: chown, image: "busybox:1.36"}]\n      containers: [{name: db, image: "postgres:16", securityContext: {readOnlyRootFilesystem: true}}]\n',
      errors: [{ messageId: 'writable', line: 10, column: 31, data: { container: 'init container "chown" of StatefulSet "db"' } }],
      output:
        'apiVersion: apps/v1\nkind: StatefulSet\nmetadata: {name: db}\nspec:\n  serviceName: db\n  selector: {matchLabels: {app: db}}\n  template:\n    metadata: {labels: {app: db}}\n    spec:\n      initContainers: [{name: chown, image: "busybox:1.36", securityContext: { readOnlyRootFilesystem: true }}]\n      containers: [{name: db, image: "postgres:16", securityContext: {readOnlyRootFilesystem: true}}]\n',
    },
  ],
});
