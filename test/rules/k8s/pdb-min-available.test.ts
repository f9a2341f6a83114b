import { rule } from '../../../server/src/rules/k8s/pdb-min-available';
import { ruleTester } from '../../ruleTester';

const budget = (minAvailable: string, name = 'web') => `apiVersion: policy/v1
kind: PodDisruptionBudget
metadata:
  name: ${name}
spec:
  minAvailable: ${minAvailable}
  selector:
    matchLabels: {app: web}
`;

const workload = (replicas: string, kind = 'Deployment', labels = '{app: web}') => `apiVersion: apps/v1
kind: ${kind}
metadata:
  name: web
spec:
${replicas}  selector:
    matchLabels: ${labels}
  template:
    metadata:
      labels: ${labels}
    spec:
      containers: [{name: web, image: web:1.0}]
`;

const hpa = (minReplicas: number) =>
  `apiVersion: autoscaling/v2\nkind: HorizontalPodAutoscaler\nmetadata: {name: web}\nspec:\n  scaleTargetRef: {apiVersion: apps/v1, kind: Deployment, name: web}\n  minReplicas: ${minReplicas}\n  maxReplicas: 9\n`;

ruleTester(rule, {
  valid: [
    { name: 'fewer than the replicas', code: budget('2', 'roomy'), files: { 'deployment.yaml': workload('  replicas: 3\n') } },
    { name: 'a percentage that leaves one', code: budget('50%'), files: { 'deployment.yaml': workload('  replicas: 3\n') } },
    {
      name: 'no workload it covers in the workspace',
      code: budget('3', 'elsewhere'),
      files: { 'deployment.yaml': workload('  replicas: 3\n', 'Deployment', '{app: api}') },
    },
    { name: 'a DaemonSet: its count is the nodes', code: budget('1', 'daemons'), files: { 'daemonset.yaml': workload('', 'DaemonSet') } },
    { name: "the autoscaler's minimum leaves room", code: budget('3', 'scaled'), files: { 'deployment.yaml': workload(''), 'hpa.yaml': hpa(4) } },
    { name: 'zero blocks nothing', code: budget('0'), files: { 'deployment.yaml': workload('') } },
  ],
  invalid: [
    {
      name: '100% whatever the replicas',
      code: budget('"100%"'),
      errors: [{ messageId: 'all', line: 6, column: 3, endColumn: 23, data: { value: '100%' } }],
    },
    {
      name: 'as many as the replicas of a Deployment in another file',
      code: budget('3'),
      files: { 'deployment.yaml': workload('  replicas: 3\n') },
      errors: [{ messageId: 'replicas', line: 6, column: 3, data: { needed: '3', workload: 'web', replicas: '3' } }],
    },
    {
      name: 'a percentage that rounds up to every replica, in the same file',
      code: `${budget('67%')}---\n${workload('  replicas: 3\n', 'StatefulSet')}`,
      errors: [{ messageId: 'replicas', line: 6, column: 3, data: { needed: '67% (3)', kind: 'StatefulSet' } }],
    },
    {
      name: 'unset replicas mean one',
      code: budget('1'),
      files: { 'deployment.yaml': workload('') },
      errors: [{ messageId: 'replicas', line: 6, column: 3, data: { replicas: '1' } }],
    },
    {
      name: "above the autoscaler's minimum",
      code: budget('2'),
      files: { 'deployment.yaml': workload('  replicas: 5\n'), 'hpa.yaml': hpa(2) },
      errors: [{ messageId: 'replicas', line: 6, column: 3, data: { replicas: 'as few as 2' } }],
    },
  ],
});
