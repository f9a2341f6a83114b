import { rule } from '../../../server/src/rules/k8s/ssh-port';
import { ruleTester } from '../../ruleTester';

ruleTester(rule, {
  valid: [
    {
      name: 'other ports, and UDP 22',
      code: 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  containers:\n    - name: a\n      image: example/a:1\n      ports:\n        - containerPort: 2222\n        - {containerPort: 22, protocol: UDP}\n',
    },
  ],
  invalid: [
    {
      name: 'TCP 22 in a Deployment, TCP implied or spelt out',
      code: `apiVersion: apps/v1
kind: Deployment
metadata:
  name: git
spec:
  template:
    spec:
      containers:
        - name: git
          image: example/git:1
          ports:
            - name: ssh
              containerPort: 22
        - name: sidecar
          image: example/sidecar:1
          ports: [{containerPort: 22, protocol: tcp}]
`,
      errors: [
        { messageId: 'ssh', line: 13, column: 30, endColumn: 32, data: { container: 'git' } },
        { messageId: 'ssh', line: 16, column: 35, data: { container: 'sidecar' } },
      ],
    },
  ],
});
