import { rule } from '../../../server/src/rules/railway/syntax';
import { ruleTester } from '../../ruleTester';

ruleTester(rule, {
  valid: ['{\n  "build": { "builder": "DOCKERFILE" }\n}\n', { name: 'an empty file is left to Railway', code: '' }],
  invalid: [
    {
      name: 'an unclosed object',
      code: '{\n  "build": { "builder": "DOCKERFILE"\n}\n',
      errors: [{ messageId: 'json', line: 4, column: 1 }],
    },
    {
      name: 'a trailing comma, which YAML would accept',
      code: '{\n  "build": { "builder": "DOCKERFILE", }\n}\n',
      errors: [{ messageId: 'notJson', line: 2, column: 39, endColumn: 40 }],
    },
    {
      name: 'a comment',
      code: '{\n  # the Dockerfile build\n  "build": {}\n}\n',
      errors: [{ messageId: 'notJson', line: 2, column: 3 }],
    },
  ],
});
