import { rule } from '../../../server/src/rules/k8s/docker-socket-mount';
import { ruleTester } from '../../ruleTester';

const workload = (kind: string, volumes: string) => `apiVersion: apps/v1
kind: ${kind}
metadata:
  name: runner
spec:
  selector: {matchLabels: {app: runner}}
  template:
    metadata: {labels: {app: runner}}
    spec:
      containers:
        - name: runner
          image: example/runner:3.1
          volumeMounts:
            - {name: sock, mountPath: /var/run/docker.sock}
      volumes:
${volumes}`;

ruleTester(rule, {
  valid: [
    workload('Deployment', '        - name: sock\n          emptyDir: {}\n'),
    workload('Deployment', '        - name: sock\n          hostPath: {path: /var/run/docker.socket-backup}\n'),
  ],
  invalid: [
    {
      code: workload('Deployment', '        - name: sock\n          hostPath:\n            path: /var/run/docker.sock\n            type: Socket\n'),
      errors: [{ messageId: 'socket', line: 18, column: 19, data: { workload: 'Deployment "runner"', path: '/var/run/docker.sock', volume: 'sock' } }],
    },
    {
      name: "containerd's socket, a trailing slash and a doubled one",
      code: workload('Deployment', '        - {name: sock, hostPath: {path: "//run/containerd/containerd.sock/"}}\n'),
      errors: [{ messageId: 'socket', line: 16, column: 41, data: { path: '/run/containerd/containerd.sock' } }],
    },
    {
      name: 'a DaemonSet agent: the message says how to keep it',
      code: workload('DaemonSet', '        - name: sock\n          hostPath: {path: /var/run/crio/crio.sock}\n'),
      errors: [{ messageId: 'socketByAgent', line: 17, column: 28 }],
    },
  ],
});
