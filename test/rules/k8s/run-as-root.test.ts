import { rule } from '../../../server/src/rules/k8s/run-as-root';
import { ruleTester } from '../../ruleTester';

const deployment = (podSecurity: string, container: string) => `apiVersion: apps/v1
kind: Deployment
metadata:
  name: shop
spec:
  selector:
    matchLabels: {app: shop}
  template:
    metadata:
      labels: {app: shop}
    spec:
${podSecurity}      containers:
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
      initContainers:
      - name: wait
        image: busybox:1.36
        securityContext: {runAsUser: 1000}
      containers:
      - {name: migrate, image: "example/migrate:2"}
`;

ruleTester(rule, {
  valid: [
    deployment('      securityContext:\n        runAsNonRoot: true\n', ''),
    deployment('', '          securityContext:\n            runAsNonRoot: true\n'),
    { name: 'a non-zero runAsUser of the pod', code: deployment('      securityContext:\n        runAsUser: 10001\n', '') },
    {
      name: 'the container overrides the pod',
      code: deployment('      securityContext:\n        runAsNonRoot: false\n', '          securityContext: {runAsNonRoot: true}\n'),
    },
    { name: 'a ConfigMap is no workload', code: 'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: c}\ndata: {a: b}\n' },
    {
      name: 'a custom resource that reuses a kind',
      code: 'apiVersion: example.com/v1\nkind: Deployment\nspec:\n  template:\n    spec:\n      containers:\n        - name: x\n          image: x:1\n',
    },
  ],
  invalid: [
    {
      name: 'nothing set: runAsNonRoot added to a new securityContext',
      code: deployment('', ''),
      errors: [{ messageId: 'notEnforced', line: 13, column: 17, data: { container: 'container "web" of Deployment "shop"' } }],
      output: deployment('', '          securityContext:\n            runAsNonRoot: true\n'),
    },
    {
      name: "merged into the container's securityContext, comments kept",
      code: deployment('', '          securityContext: # tuned\n            readOnlyRootFilesystem: true # app writes to /tmp only\n'),
      errors: [{ messageId: 'notEnforced', line: 15, column: 11 }],
      output: deployment(
        '',
        '          securityContext: # tuned\n            readOnlyRootFilesystem: true # app writes to /tmp only\n            runAsNonRoot: true\n',
      ),
    },
    {
      name: 'runAsNonRoot: false in the container is set to true',
      code: deployment('', '          securityContext: {runAsNonRoot: false, readOnlyRootFilesystem: true}\n'),
      errors: [{ messageId: 'disabled', line: 15, column: 29 }],
      output: deployment('', '          securityContext: {runAsNonRoot: true, readOnlyRootFilesystem: true}\n'),
    },
    {
      name: 'runAsNonRoot: false of the pod is overridden in the container',
      code: deployment('      securityContext:\n        runAsNonRoot: false\n', ''),
      errors: [{ messageId: 'disabled', line: 13, column: 9 }],
      output: deployment('      securityContext:\n        runAsNonRoot: false\n', '          securityContext:\n            runAsNonRoot: true\n'),
    },
    {
      name: "a container runAsUser 0 overrides the pod's non-zero user",
      code: deployment('      securityContext:\n        runAsUser: 1000\n', '          securityContext:\n            runAsUser: 0\n'),
      errors: [{ messageId: 'rootUser', line: 18, column: 13, data: { level: 'container' } }],
      output: null,
    },
    {
      name: 'runAsUser 0 beside runAsNonRoot: true never starts',
      code: deployment('      securityContext:\n        runAsNonRoot: true\n        runAsUser: 0\n', ''),
      errors: [{ messageId: 'rootUserRefused', line: 14, column: 9, data: { level: 'pod' } }],
      output: null,
    },
    {
      name: 'init containers and Jobs are checked too; flow containers get a flow securityContext',
      code: job,
      errors: [{ messageId: 'notEnforced', line: 14, column: 16, data: { container: 'container "migrate" of Job "migrate"' } }],
      output: job.replace(
        '{name: migrate, image: "example/migrate:2"}',
        '{name: migrate, image: "example/migrate:2", securityContext: { runAsNonRoot: true }}',
      ),
    },
    {
      name: 'an init container without a user',
      code: job
        .replace('        securityContext: {runAsUser: 1000}\n', '')
        .replace('{name: migrate,', '{securityContext: {runAsNonRoot: true}, name: migrate,'),
      errors: [{ messageId: 'notEnforced', line: 10, column: 15, data: { container: 'init container "wait" of Job "migrate"' } }],
      output: job
        .replace('        securityContext: {runAsUser: 1000}\n', '        securityContext:\n          runAsNonRoot: true\n')
        .replace('{name: migrate,', '{securityContext: {runAsNonRoot: true}, name: migrate,'),
    },
    {
      name: 'a securityContext from an alias is not edited',
      code: 'apiVersion: v1\nkind: Pod\nspec:\n  securityContext: &ctx\n    fsGroup: 2000\n  containers:\n    - name: b\n      image: x:1\n      securityContext: *ctx\n',
      errors: [{ messageId: 'notEnforced', line: 9, column: 7 }],
      output: null,
    },
  ],
});
