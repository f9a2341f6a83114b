import { rule } from '../../../server/src/rules/compose/services-alphabetical-order';
import { ruleTester } from '../../ruleTester';

ruleTester(rule, {
  valid: [
    'services:\n  api:\n    image: a:1\n  db:\n    image: b:1\n  web:\n    image: c:1\n',
    { name: 'case and punctuation as dclint compares them', code: 'services:\n  Api:\n    image: a:1\n  db:\n    image: b:1\n  db-replica:\n    image: b:1\n' },
    { name: 'no services', code: 'name: demo\nservices: {}\n' },
  ],
  invalid: [
    {
      code: '# the stack\nservices:\n  # front door\n  web:\n    image: nginx:1.27\n\n  db:\n    image: postgres:16\n    volumes:\n      - db:/var/lib/postgresql/data\n\n  api:\n    image: api:1\nvolumes:\n  db: {}\n',
      errors: [
        { messageId: 'misplaced', line: 7, column: 3, endLine: 7, endColumn: 5, data: { service: 'db', before: 'web' } },
        { messageId: 'misplaced', line: 12, column: 3, data: { service: 'api', before: 'db' } },
      ],
      output:
        '# the stack\nservices:\n  api:\n    image: api:1\n\n  db:\n    image: postgres:16\n    volumes:\n      - db:/var/lib/postgresql/data\n\n  # front door\n  web:\n    image: nginx:1.27\nvolumes:\n  db: {}\n',
    },
    {
      name: 'an alias before its anchor would break the file: no fix',
      code: 'services:\n  web: &svc\n    image: a:1\n  api: *svc\n',
      errors: [{ messageId: 'misplaced', line: 4, column: 3 }],
      output: null,
    },
    {
      name: 'CRLF',
      code: 'services:\r\n  b:\r\n    image: b:1\r\n  a:\r\n    image: a:1\r\n',
      errors: [{ messageId: 'misplaced', line: 4, column: 3 }],
      output: 'services:\r\n  a:\r\n    image: a:1\r\n  b:\r\n    image: b:1\r\n',
    },
  ],
});
