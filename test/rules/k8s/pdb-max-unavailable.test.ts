import { rule } from '../../../server/src/rules/k8s/pdb-max-unavailable';
import { ruleTester } from '../../ruleTester';

const budget = (field: string) => `apiVersion: policy/v1
kind: PodDisruptionBudget
metadata:
  name: web
spec:
  ${field}
  selector:
    matchLabels: {app: web}
`;

ruleTester(rule, {
  valid: [
    budget('maxUnavailable: 1'),
    budget('maxUnavailable: 25%'),
    budget('minAvailable: 1'),
    { name: 'not a budget', code: 'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: x}\ndata: {maxUnavailable: "0"}\n' },
  ],
  invalid: [
    { code: budget('maxUnavailable: 0'), errors: [{ messageId: 'zero', line: 6, column: 3, endColumn: 20, data: { value: '0' } }] },
    { name: 'zero percent', code: budget('maxUnavailable: "0%"'), errors: [{ messageId: 'zero', line: 6, column: 3, data: { value: '0%' } }] },
  ],
});
