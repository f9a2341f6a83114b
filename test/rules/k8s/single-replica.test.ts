import { rule } from '../../../server/src/rules/k8s/single-replica';
import { ruleTester } from '../../ruleTester';

const deployment = (spec: string, kind = 'Deployment') => `apiVersion: apps/v1
kind: ${kind}
metadata:
  name: web
spec:
${spec}  selector:
    matchLabels: {app: web}
  template:
    metadata:
      labels: {app: web}
    spec:
      containers: [{name: web, image: web:1.0}]
`;

const hpa = (target: string) =>
  `apiVersion: autoscaling/v2\nkind: HorizontalPodAutoscaler\nmetadata: {name: web}\nspec:\n  scaleTargetRef: {apiVersion: apps/v1, kind: Deployment, name: ${target}}\n  minReplicas: 2\n  maxReplicas: 6\n`;

ruleTester(rule, {
  valid: [
    deployment('  replicas: 3\n'),
    { name: 'scaled to zero on purpose', code: deployment('  replicas: 0\n') },
    { name: 'an HPA in another file scales it', code: `# scaled by an HPA\n${deployment('')}`, files: { 'hpa.yaml': hpa('web') } },
    {
      name: 'a KEDA ScaledObject scales it',
      code: `# scaled by KEDA\n${deployment('  replicas: 1\n')}`,
      files: { 'keda.yaml': 'apiVersion: keda.sh/v1alpha1\nkind: ScaledObject\nmetadata: {name: web}\nspec:\n  scaleTargetRef: {name: web}\n' },
    },
    { name: 'the Recreate strategy says it runs alone', code: deployment('  replicas: 1\n  strategy: {type: Recreate}\n') },
    { name: 'a StatefulSet is not a Deployment', code: deployment('', 'StatefulSet') },
    {
      name: 'a kustomize patch (no selector) leaves replicas to its base',
      code: 'apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: web}\nspec:\n  template:\n    spec:\n      containers: [{name: web, env: [{name: A, value: b}]}]\n',
    },
  ],
  invalid: [
    {
      code: deployment('  replicas: 1\n'),
      errors: [{ messageId: 'one', line: 6, column: 3, endColumn: 14, data: { name: 'web' } }],
    },
    {
      name: 'unset replicas, and an HPA for another Deployment',
      code: deployment(''),
      files: { 'hpa.yaml': hpa('api') },
      errors: [{ messageId: 'one', line: 4, column: 9, data: { how: 'unset' } }],
    },
  ],
});
