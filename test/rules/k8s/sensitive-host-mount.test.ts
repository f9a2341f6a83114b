import { rule } from '../../../server/src/rules/k8s/sensitive-host-mount';
import { ruleTester } from '../../ruleTester';

const workload = (kind: string, volumes: string) => `apiVersion: apps/v1
kind: ${kind}
metadata:
  name: exporter
spec:
  selector: {matchLabels: {app: exporter}}
  template:
    metadata: {labels: {app: exporter}}
    spec:
      containers:
        - name: exporter
          image: example/exporter:1.8
      volumes:
${volumes}`;

ruleTester(rule, {
  valid: [
    workload('Deployment', '        - {name: certs, hostPath: {path: /etc/ssl/certs}}\n        - {name: logs, hostPath: {path: /var/log}}\n'),
    workload('DaemonSet', '        - {name: cgroup, hostPath: {path: /sys/fs/cgroup}}\n        - {name: modules, hostPath: {path: /lib/modules}}\n'),
    {
      name: "the Docker socket is k8s/docker-socket-mount's",
      code: workload('Deployment', '        - {name: sock, hostPath: {path: /var/run/docker.sock}}\n'),
    },
  ],
  invalid: [
    {
      name: 'system directories, trailing slash ignored',
      code: workload('Deployment', '        - name: root\n          hostPath:\n            path: /\n        - {name: etc, hostPath: {path: /etc/}}\n'),
      errors: [
        { messageId: 'sensitive', line: 16, column: 19, data: { workload: 'Deployment "exporter"', path: '/', volume: 'root' } },
        { messageId: 'sensitive', line: 17, column: 40, data: { path: '/etc', volume: 'etc' } },
      ],
    },
    {
      name: "the kubelet's and the control plane's credentials, at any depth",
      code: workload(
        'Deployment',
        '        - {name: pki, hostPath: {path: /etc/kubernetes/pki}}\n        - {name: kubelet, hostPath: {path: /var/lib/kubelet}}\n',
      ),
      errors: [
        { messageId: 'sensitive', line: 14, column: 40, data: { path: '/etc/kubernetes/pki' } },
        { messageId: 'sensitive', line: 15, column: 44, data: { path: '/var/lib/kubelet' } },
      ],
    },
    {
      name: 'a DaemonSet of a node agent: the message says how to keep it',
      code: workload('DaemonSet', '        - {name: proc, hostPath: {path: /proc}}\n        - {name: run, hostPath: {path: /var/run}}\n'),
      errors: [
        { messageId: 'sensitiveByAgent', line: 14, column: 41, data: { path: '/proc' } },
        { messageId: 'sensitiveByAgent', line: 15, column: 40, data: { path: '/var/run' } },
      ],
    },
  ],
});
