import { rule } from '../../../server/src/rules/k8s/net-raw-capability';
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
    pod('      securityContext:\n        capabilities:\n          drop: [ALL]\n'),
    pod('      securityContext:\n        capabilities:\n          drop:\n            - net_raw\n'),
    { name: 'the CAP_ prefix is optional', code: pod('      securityContext: {capabilities: {drop: [CAP_NET_RAW]}}\n') },
    { name: 'a privileged container is left to k8s/privileged', code: pod('      securityContext: {privileged: true}\n') },
    { name: 'adding ALL is left to k8s/dangerous-capability', code: pod('      securityContext: {capabilities: {add: [ALL]}}\n') },
    { name: 'a Windows pod has no Linux capabilities', code: pod('', '  os: {name: windows}\n') },
  ],
  invalid: [
    {
      name: 'nothing dropped: a new securityContext',
      code: pod(''),
      errors: [{ messageId: 'kept', line: 7, column: 13, data: { container: 'container "web" of Pod "web"' } }],
      output: pod('      securityContext:\n        capabilities:\n          drop:\n            - NET_RAW\n'),
    },
    {
      name: 'a drop list without it is extended, and the finding is at its key',
      code: pod('      securityContext:\n        capabilities:\n          drop:\n            - MKNOD # not needed\n'),
      errors: [{ messageId: 'kept', line: 11, column: 11 }],
      output: pod('      securityContext:\n        capabilities:\n          drop:\n            - MKNOD # not needed\n            - NET_RAW\n'),
    },
    {
      name: 'flow capabilities without drop',
      code: pod('      securityContext: {capabilities: {add: [NET_BIND_SERVICE]}}\n'),
      errors: [{ messageId: 'kept', line: 7, column: 13 }],
      output: pod('      securityContext: {capabilities: {add: [NET_BIND_SERVICE], drop: [NET_RAW]}}\n'),
    },
    {
      name: 'added explicitly: reported at the capability, no fix',
      code: pod('      securityContext:\n        capabilities:\n          add: ["NET_ADMIN", "NET_RAW"]\n          drop: [ALL]\n'),
      errors: [{ messageId: 'added', line: 11, column: 30, data: { capability: 'NET_RAW' } }],
      output: null,
    },
    {
      name: 'an init container of a DaemonSet',
      code: 'apiVersion: apps/v1\nkind: DaemonSet\nmetadata: {name: agent}\nspec:\n  selector: {matchLabels: {app: a}}\n  template:\n    metadata: {labels: {app: a}}\n    spec:\n      initContainers:\n        - name: init\n          image: x:1\n      containers:\n        - {name: agent, image: "x:1", securityContext: {capabilities: {drop: [ALL]}}}\n',
      errors: [{ messageId: 'kept', line: 10, column: 17, data: { container: 'init container "init" of DaemonSet "agent"' } }],
      output:
        'apiVersion: apps/v1\nkind: DaemonSet\nmetadata: {name: agent}\nspec:\n  selector: {matchLabels: {app: a}}\n  template:\n    metadata: {labels: {app: a}}\n    spec:\n      initContainers:\n        - name: init\n          image: x:1\n          securityContext:\n            capabilities:\n              drop:\n                - NET_RAW\n      containers:\n        - {name: agent, image: "x:1", securityContext: {capabilities: {drop: [ALL]}}}\n',
    },
  ],
});
