import { rule } from '../../../server/src/rules/k8s/host-namespace';
import { ruleTester } from '../../ruleTester';

const workload = (kind: string, spec: string) => `apiVersion: apps/v1
kind: ${kind}
metadata:
  name: exporter
spec:
  selector:
    matchLabels: {app: exporter}
  template:
    metadata:
      labels: {app: exporter}
    spec:
${spec}      containers:
        - name: exporter
          image: example/exporter:1.8
`;

ruleTester(rule, {
  valid: [
    workload('Deployment', '      hostNetwork: false\n'),
    workload('Deployment', ''),
    {
      name: "suppressed by kube-linter's annotation",
      code: workload('DaemonSet', '      hostNetwork: true\n').replace(
        '  name: exporter\n',
        '  name: exporter\n  annotations:\n    ignore-check.kube-linter.io/host-network: "node exporter serves on the node"\n',
      ),
    },
    {
      name: 'a pod template field outside the pod spec does not count',
      code: 'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: c}\ndata:\n  hostNetwork: "true"\n',
    },
  ],
  invalid: [
    {
      name: 'each shared namespace is a finding, each fix removes its line',
      code: workload('Deployment', '      hostNetwork: true\n      hostPID: true # to read /proc\n      hostIPC: false\n'),
      errors: [
        { messageId: 'shared', line: 12, column: 7, endColumn: 24, data: { workload: 'Deployment "exporter"', field: 'hostNetwork' } },
        { messageId: 'shared', line: 13, column: 7, data: { field: 'hostPID' } },
      ],
      output: workload('Deployment', '      hostIPC: false\n'),
    },
    {
      name: 'a DaemonSet of a node agent: the message says how to keep it',
      code: workload('DaemonSet', '      hostPID: true\n      hostIPC: true\n'),
      errors: [
        { messageId: 'sharedByAgent', line: 12, column: 7, data: { check: 'host-pid' } },
        { messageId: 'sharedByAgent', line: 13, column: 7, data: { check: 'host-ipc' } },
      ],
      output: workload('DaemonSet', ''),
    },
    {
      name: 'polaris exempts one namespace at a time',
      code: workload('DaemonSet', '      hostPID: true\n      hostIPC: true\n').replace(
        '  name: exporter\n',
        '  name: exporter\n  annotations: {polaris.fairwinds.com/hostPIDSet-exempt: "true"}\n',
      ),
      errors: [{ messageId: 'sharedByAgent', line: 14, column: 7, data: { field: 'hostIPC' } }],
      output: workload('DaemonSet', '      hostPID: true\n').replace(
        '  name: exporter\n',
        '  name: exporter\n  annotations: {polaris.fairwinds.com/hostPIDSet-exempt: "true"}\n',
      ),
    },
    {
      name: 'kube-linter exempts one namespace at a time too',
      code: workload('DaemonSet', '      hostPID: true\n      hostIPC: true\n').replace(
        '  name: exporter\n',
        '  name: exporter\n  annotations: {ignore-check.kube-linter.io/host-pid: "reads /proc"}\n',
      ),
      errors: [{ messageId: 'sharedByAgent', line: 14, column: 7, data: { field: 'hostIPC' } }],
      output: workload('DaemonSet', '      hostPID: true\n').replace(
        '  name: exporter\n',
        '  name: exporter\n  annotations: {ignore-check.kube-linter.io/host-pid: "reads /proc"}\n',
      ),
    },
    {
      name: 'a bare Pod in flow style',
      code: 'apiVersion: v1\nkind: Pod\nmetadata: {name: debug}\nspec: {hostNetwork: true, containers: [{name: sh, image: "busybox:1.36"}]}\n',
      errors: [{ messageId: 'shared', line: 4, column: 8, data: { workload: 'Pod "debug"' } }],
      output: 'apiVersion: v1\nkind: Pod\nmetadata: {name: debug}\nspec: {containers: [{name: sh, image: "busybox:1.36"}]}\n',
    },
    {
      name: 'a Job',
      code: 'apiVersion: batch/v1\nkind: Job\nmetadata: {name: probe}\nspec:\n  template:\n    spec:\n      hostNetwork: true\n      restartPolicy: Never\n      containers:\n        - name: probe\n          image: x:1\n',
      errors: [{ messageId: 'shared', line: 7, column: 7, data: { workload: 'Job "probe"' } }],
      output:
        'apiVersion: batch/v1\nkind: Job\nmetadata: {name: probe}\nspec:\n  template:\n    spec:\n      restartPolicy: Never\n      containers:\n        - name: probe\n          image: x:1\n',
    },
  ],
});
