import { rule } from '../../../server/src/rules/render/syntax';
import { ruleTester } from '../../ruleTester';

ruleTester(rule, {
  valid: ['services:\n  - type: web\n    name: web\n    runtime: docker\n', { name: 'render.yml', filename: 'render.yml', code: 'databases:\n  - name: db\n' }],
  invalid: [
    {
      name: 'an unclosed quote',
      code: 'services:\n  - type: web\n    name: "web\n',
      errors: [{ messageId: 'yaml', line: 3, column: 11 }],
    },
  ],
});
