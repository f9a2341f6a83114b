import { rule } from '../../../server/src/rules/k8s/dangerous-capability';
import { ruleTester } from '../../ruleTester';

const workload = (kind: string, capabilities: string) => `apiVersion: apps/v1
kind: ${kind}
metadata:
  name: vpn
spec:
  selector: {matchLabels: {app: vpn}}
  template:
    metadata: {labels: {app: vpn}}
    spec:
      containers:
        - name: vpn
          image: example/vpn:1.4
          securityContext:
            capabilities:
${capabilities}`;

ruleTester(rule, {
  valid: [
    workload('Deployment', '              add: [NET_BIND_SERVICE, CHOWN]\n              drop: [ALL]\n'),
    workload('Deployment', '              drop: [SYS_ADMIN]\n'),
    { name: 'privileged is reported by k8s/privileged', code: workload('Deployment', '              add: [SYS_ADMIN]\n            privileged: true\n') },
  ],
  invalid: [
    {
      name: 'each dangerous capability, in any spelling',
      code: workload('Deployment', '              add:\n                - cap_sys_admin\n                - NET_ADMIN\n                - CHOWN\n'),
      errors: [
        { messageId: 'dangerous', line: 16, column: 19, data: { capability: 'cap_sys_admin', container: 'container "vpn" of Deployment "vpn"' } },
        { messageId: 'dangerous', line: 17, column: 19, data: { capability: 'NET_ADMIN' } },
      ],
    },
    {
      name: 'a DaemonSet: the message says how to keep it',
      code: workload('DaemonSet', '              add: [BPF, PERFMON]\n'),
      errors: [{ messageId: 'dangerousByAgent', line: 15, column: 21, data: { capability: 'BPF' } }],
    },
  ],
});
