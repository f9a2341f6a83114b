import { rule } from '../../../server/src/rules/compose/obsolete-version';
import { ruleTester } from '../../ruleTester';

ruleTester(rule, {
  valid: [
    'services:\n  app:\n    image: nginx:1.27\n',
    { name: 'version inside a service is not the top-level key', code: 'services:\n  app:\n    image: nginx:1.27\n    labels:\n      version: "1"\n' },
  ],
  invalid: [
    {
      code: "version: '3.8'\nservices:\n  app:\n    image: nginx:1.27\n",
      errors: [{ messageId: 'obsolete', line: 1, column: 1, endLine: 1, endColumn: 15 }],
      output: 'services:\n  app:\n    image: nginx:1.27\n',
    },
    {
      name: 'after services, with a comment above',
      code: 'services:\n  app:\n    image: nginx:1.27\n# legacy\nversion: "2"\n',
      errors: [{ messageId: 'obsolete', line: 5, column: 1 }],
      output: 'services:\n  app:\n    image: nginx:1.27\n# legacy\n',
    },
    {
      name: 'last line without newline',
      code: 'services:\n  app:\n    image: nginx:1.27\nversion: "3"',
      errors: [{ messageId: 'obsolete', line: 4, column: 1 }],
      output: 'services:\n  app:\n    image: nginx:1.27\n',
    },
    {
      name: 'any compose file name',
      filename: 'docker-compose.prod.yml',
      code: 'version: "3.9"\nservices: {}\n',
      errors: [{ messageId: 'obsolete', line: 1, column: 1 }],
      output: 'services: {}\n',
    },
  ],
});
