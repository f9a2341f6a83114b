import { rule } from '../../../server/src/rules/k8s/no-anti-affinity';
import { ruleTester } from '../../ruleTester';

const deployment = (replicas: string, podSpec = '', kind = 'Deployment') => `apiVersion: apps/v1
kind: ${kind}
metadata:
  name: web
spec:
${replicas}  selector:
    matchLabels: {app: web}
  template:
    metadata:
      labels: {app: web}
    spec:
${podSpec}      containers: [{name: web, image: web:1.0}]
`;

ruleTester(rule, {
  valid: [
    deployment('  replicas: 1\n'),
    { name: 'replicas unset', code: `# one replica\n${deployment('')}` },
    {
      name: 'topology spread constraints',
      code: deployment(
        '  replicas: 3\n',
        '      topologySpreadConstraints:\n        - {maxSkew: 1, topologyKey: kubernetes.io/hostname, whenUnsatisfiable: ScheduleAnyway, labelSelector: {matchLabels: {app: web}}}\n',
      ),
    },
    {
      name: 'preferred pod anti-affinity',
      code: deployment(
        '  replicas: 3\n',
        '      affinity:\n        podAntiAffinity:\n          preferredDuringSchedulingIgnoredDuringExecution:\n            - weight: 100\n              podAffinityTerm: {topologyKey: kubernetes.io/hostname, labelSelector: {matchLabels: {app: web}}}\n',
      ),
    },
    { name: 'a DaemonSet runs one pod per node anyway', code: deployment('', '', 'DaemonSet') },
    {
      name: 'an autoscaler that may go down to one',
      code: `# scaled from one\n${deployment('')}`,
      files: {
        'hpa.yaml':
          'apiVersion: autoscaling/v2\nkind: HorizontalPodAutoscaler\nmetadata: {name: web}\nspec:\n  scaleTargetRef: {apiVersion: apps/v1, kind: Deployment, name: web}\n  maxReplicas: 5\n',
      },
    },
  ],
  invalid: [
    {
      code: deployment('  replicas: 3\n'),
      errors: [{ messageId: 'together', line: 6, column: 3, endColumn: 14, data: { replicas: '3' } }],
    },
    {
      name: 'a StatefulSet with an empty podAntiAffinity',
      code: deployment('  replicas: 2\n', '      affinity:\n        podAntiAffinity: {}\n', 'StatefulSet'),
      errors: [{ messageId: 'together', line: 6, column: 3, data: { kind: 'StatefulSet' } }],
    },
    {
      name: "an autoscaler's minimum of two",
      code: deployment(''),
      files: {
        'hpa.yaml':
          'apiVersion: autoscaling/v2\nkind: HorizontalPodAutoscaler\nmetadata: {name: web}\nspec:\n  scaleTargetRef: {apiVersion: apps/v1, kind: Deployment, name: web}\n  minReplicas: 2\n  maxReplicas: 5\n',
      },
      errors: [{ messageId: 'together', line: 4, column: 9, data: { replicas: 'at least 2' } }],
    },
  ],
});
