import { rule } from '../../../server/src/rules/k8s/privileged';
import { ruleTester } from '../../ruleTester';

const deployment = (kind: string, container: string) => `apiVersion: apps/v1
kind: ${kind}
metadata:
  name: net
spec:
  selector:
    matchLabels: {app: net}
  template:
    metadata:
      labels: {app: net}
    spec:
      containers:
        - name: net
          image: example/net:2.0
${container}`;

ruleTester(rule, {
  valid: [
    deployment('Deployment', '          securityContext:\n            privileged: false\n'),
    deployment('Deployment', '          securityContext:\n            capabilities: {add: [NET_ADMIN]}\n'),
  ],
  invalid: [
    {
      name: 'the setting is removed, the rest of the securityContext stays',
      code: deployment('Deployment', '          securityContext:\n            privileged: true # for iptables\n            runAsUser: 1000\n'),
      errors: [{ messageId: 'privileged', line: 16, column: 13, endColumn: 29, data: { container: 'container "net" of Deployment "net"' } }],
      output: deployment('Deployment', '          securityContext:\n            runAsUser: 1000\n'),
    },
    {
      name: 'a securityContext that holds only privileged goes whole',
      code: deployment('Deployment', '          securityContext:\n            privileged: true\n          ports:\n            - containerPort: 53\n'),
      errors: [{ messageId: 'privileged', line: 16, column: 13 }],
      output: deployment('Deployment', '          ports:\n            - containerPort: 53\n'),
    },
    {
      name: 'flow style',
      code: deployment('Deployment', '          securityContext: {runAsUser: 1000, privileged: true}\n'),
      errors: [{ messageId: 'privileged', line: 15, column: 46 }],
      output: deployment('Deployment', '          securityContext: {runAsUser: 1000}\n'),
    },
    {
      name: 'a DaemonSet may be a node agent that needs it: the message says how to keep it',
      code: deployment('DaemonSet', '          securityContext: {privileged: true}\n'),
      errors: [{ messageId: 'privilegedAgent', line: 15, column: 29, data: { container: 'container "net" of DaemonSet "net"' } }],
      output: deployment('DaemonSet', ''),
    },
    {
      name: 'an init container of a Job',
      code: 'apiVersion: batch/v1\nkind: Job\nmetadata: {name: setup}\nspec:\n  template:\n    spec:\n      restartPolicy: OnFailure\n      initContainers:\n        - name: sysctl\n          image: busybox:1.36\n          securityContext:\n            privileged: true\n      containers:\n        - name: main\n          image: x:1\n',
      errors: [{ messageId: 'privileged', line: 12, column: 13, data: { container: 'init container "sysctl" of Job "setup"' } }],
      output:
        'apiVersion: batch/v1\nkind: Job\nmetadata: {name: setup}\nspec:\n  template:\n    spec:\n      restartPolicy: OnFailure\n      initContainers:\n        - name: sysctl\n          image: busybox:1.36\n      containers:\n        - name: main\n          image: x:1\n',
    },
  ],
});
