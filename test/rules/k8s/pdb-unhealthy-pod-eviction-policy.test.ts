import { rule } from '../../../server/src/rules/k8s/pdb-unhealthy-pod-eviction-policy';
import { ruleTester } from '../../ruleTester';

const block = (extra: string) => `apiVersion: policy/v1
kind: PodDisruptionBudget
metadata:
  name: web
spec:
  maxUnavailable: 1 # one at a time
  selector:
    matchLabels: {app: web}
${extra}`;

ruleTester(rule, {
  valid: [
    block('  unhealthyPodEvictionPolicy: AlwaysAllow\n'),
    { name: 'chosen on purpose', code: block('  unhealthyPodEvictionPolicy: IfHealthyBudget\n') },
    {
      name: 'policy/v1beta1 has no such field',
      code: 'apiVersion: policy/v1beta1\nkind: PodDisruptionBudget\nmetadata: {name: web}\nspec: {maxUnavailable: 1}\n',
    },
  ],
  invalid: [
    {
      name: 'block style: the field goes at the end of spec, comments kept',
      code: block(''),
      errors: [{ messageId: 'unset', line: 4, column: 9, endColumn: 12, data: { name: 'web' } }],
      output: block('  unhealthyPodEvictionPolicy: AlwaysAllow\n'),
    },
    {
      name: 'flow style',
      code: 'apiVersion: policy/v1\nkind: PodDisruptionBudget\nmetadata: {name: web}\nspec: {minAvailable: 1, selector: {matchLabels: {app: web}}}\n',
      errors: [{ messageId: 'unset', line: 3, column: 18 }],
      output:
        'apiVersion: policy/v1\nkind: PodDisruptionBudget\nmetadata: {name: web}\nspec: {minAvailable: 1, selector: {matchLabels: {app: web}}, unhealthyPodEvictionPolicy: AlwaysAllow}\n',
    },
    {
      name: 'a spec reached through an alias is not edited',
      code: 'apiVersion: policy/v1\nkind: PodDisruptionBudget\nmetadata: {name: web, labels: &spec {maxUnavailable: 1}}\nspec: *spec\n',
      errors: [{ messageId: 'unset', line: 3, column: 18 }],
      output: null,
    },
  ],
});
