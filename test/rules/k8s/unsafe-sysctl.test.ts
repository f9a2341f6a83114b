import { rule } from '../../../server/src/rules/k8s/unsafe-sysctl';
import { ruleTester } from '../../ruleTester';

const pod = (sysctls: string) => `apiVersion: v1
kind: Pod
metadata:
  name: db
spec:
  securityContext:
    sysctls:
${sysctls}  containers:
    - name: db
      image: example/db:16
`;

ruleTester(rule, {
  valid: [
    pod('      - {name: net.ipv4.ip_local_port_range, value: "1024 65000"}\n      - {name: kernel.shm_rmid_forced, value: "1"}\n'),
    { name: 'slash separators', code: pod('      - name: net/ipv4/tcp_syncookies\n        value: "1"\n') },
  ],
  invalid: [
    {
      code: pod(
        '      - name: kernel.msgmax\n        value: "65536"\n      - {name: net.ipv4.tcp_keepalive_time, value: "600"}\n      - {name: net.core.somaxconn, value: "1024"}\n',
      ),
      errors: [
        { messageId: 'unsafe', line: 8, column: 15, data: { workload: 'Pod "db"', name: 'kernel.msgmax' } },
        { messageId: 'unsafe', line: 11, column: 16, data: { name: 'net.core.somaxconn' } },
      ],
    },
    {
      name: 'a node-wide sysctl in a Deployment, with slashes',
      code: 'apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: search}\nspec:\n  selector: {matchLabels: {app: s}}\n  template:\n    metadata: {labels: {app: s}}\n    spec:\n      securityContext: {sysctls: [{name: vm/max_map_count, value: "262144"}]}\n      containers: [{name: s, image: "x:1"}]\n',
      errors: [{ messageId: 'unsafe', line: 9, column: 42, data: { workload: 'Deployment "search"', name: 'vm/max_map_count' } }],
    },
  ],
});
