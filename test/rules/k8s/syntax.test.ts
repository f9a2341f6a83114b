import { rule } from '../../../server/src/rules/k8s/syntax';
import { ruleTester } from '../../ruleTester';

ruleTester(rule, {
  valid: ['apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: x\n'],
  invalid: [
    {
      name: 'bad indentation in the second document',
      code: 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: x\n---\napiVersion: v1\nkind: Secret\nmetadata:\n  name: y\n   namespace: z\n',
      errors: [
        { messageId: 'yaml', line: 9, column: 9, data: { message: 'Nested mappings are not allowed in compact mappings' } },
        { messageId: 'yaml', line: 9, column: 9, data: { message: 'Implicit keys need to be on a single line' } },
      ],
    },
  ],
});
