import { rule } from '../../../server/src/rules/k8s/privilege-escalation';
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

const daemonSet = `apiVersion: apps/v1
kind: DaemonSet
metadata: {name: agent}
spec:
  selector: {matchLabels: {app: agent}}
  template:
    metadata: {labels: {app: agent}}
    spec:
      initContainers:
        - {name: init, image: "busybox:1.36", securityContext: {allowPrivilegeEscalation: false}}
      containers:
        - name: agent
          image: example/agent:3
          securityContext:
            capabilities:
              add: ["CAP_SYS_ADMIN"]
`;

ruleTester(rule, {
  valid: [
    pod('      securityContext:\n        allowPrivilegeEscalation: false\n'),
    { name: 'a Windows pod cannot set it', code: pod('', '  os:\n    name: windows\n') },
    { name: 'a Windows node selector', code: pod('', '  nodeSelector: {kubernetes.io/os: windows}\n') },
  ],
  invalid: [
    {
      name: 'unset: a new securityContext',
      code: pod(''),
      errors: [{ messageId: 'unset', line: 7, column: 13, data: { container: 'container "web" of Pod "web"' } }],
      output: pod('      securityContext:\n        allowPrivilegeEscalation: false\n'),
    },
    {
      name: 'unset: merged into a flow securityContext',
      code: pod('      securityContext: {runAsNonRoot: true}  # hardened\n'),
      errors: [{ messageId: 'unset', line: 9, column: 7 }],
      output: pod('      securityContext: {runAsNonRoot: true, allowPrivilegeEscalation: false}  # hardened\n'),
    },
    {
      name: 'explicitly true',
      code: pod('      securityContext:\n        allowPrivilegeEscalation: true # needs sudo?\n'),
      errors: [{ messageId: 'allowed', line: 10, column: 9 }],
      output: pod('      securityContext:\n        allowPrivilegeEscalation: false # needs sudo?\n'),
    },
    {
      name: 'a quoted "true" (a schema error too) is replaced by a boolean',
      code: pod('      securityContext:\n        allowPrivilegeEscalation: "true"\n'),
      errors: [{ messageId: 'allowed', line: 10, column: 9 }],
      output: pod('      securityContext:\n        allowPrivilegeEscalation: false\n'),
    },
    {
      name: 'privileged implies it: no fix, since the API server rejects false beside it',
      code: pod('      securityContext:\n        privileged: true\n'),
      errors: [{ messageId: 'implied', line: 9, column: 7, data: { reason: 'privileged: true' } }],
      output: null,
    },
    {
      name: 'CAP_SYS_ADMIN implies it, in a DaemonSet; its init container is fine',
      code: daemonSet,
      errors: [
        {
          messageId: 'implied',
          line: 14,
          column: 11,
          data: { reason: 'the added capability CAP_SYS_ADMIN', container: 'container "agent" of DaemonSet "agent"' },
        },
      ],
      output: null,
    },
    {
      name: 'init and ephemeral containers of a CronJob',
      code: 'apiVersion: batch/v1\nkind: CronJob\nmetadata: {name: nightly}\nspec:\n  schedule: "@daily"\n  jobTemplate:\n    spec:\n      template:\n        spec:\n          initContainers:\n          - name: fetch\n            image: x:1\n          containers:\n          - name: run\n            image: x:1\n            securityContext: {allowPrivilegeEscalation: false}\n',
      errors: [{ messageId: 'unset', line: 11, column: 19, data: { container: 'init container "fetch" of CronJob "nightly"' } }],
      output:
        'apiVersion: batch/v1\nkind: CronJob\nmetadata: {name: nightly}\nspec:\n  schedule: "@daily"\n  jobTemplate:\n    spec:\n      template:\n        spec:\n          initContainers:\n          - name: fetch\n            image: x:1\n            securityContext:\n              allowPrivilegeEscalation: false\n          containers:\n          - name: run\n            image: x:1\n            securityContext: {allowPrivilegeEscalation: false}\n',
    },
  ],
});
