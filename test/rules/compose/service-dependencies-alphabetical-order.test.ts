import { rule } from '../../../server/src/rules/compose/service-dependencies-alphabetical-order';
import { ruleTester } from '../../ruleTester';

ruleTester(rule, {
  valid: [
    'services:\n  web:\n    image: a:1\n    depends_on:\n      - db\n      - redis\n  db:\n    image: b:1\n  redis:\n    image: c:1\n',
    {
      name: 'long form, sorted',
      code: 'services:\n  web:\n    image: a:1\n    depends_on:\n      db:\n        condition: service_healthy\n      redis:\n        condition: service_started\n',
    },
    { name: 'case does not split the alphabet', code: 'services:\n  web:\n    image: a:1\n    depends_on: [api, Backend, cache]\n' },
    { name: 'from an anchor', code: 'x-deps: &deps [redis, db]\nservices:\n  web:\n    image: a:1\n    depends_on: *deps\n' },
  ],
  invalid: [
    {
      code: 'services:\n  web:\n    image: a:1\n    depends_on:\n      # cache first, once\n      - redis\n      - db\n',
      errors: [{ messageId: 'unsorted', line: 4, column: 5, endLine: 4, endColumn: 15, data: { service: 'web', expected: 'db, redis' } }],
      output: 'services:\n  web:\n    image: a:1\n    depends_on:\n      - db\n      # cache first, once\n      - redis\n',
    },
    {
      name: 'long form moves with its conditions',
      code: 'services:\n  web:\n    image: a:1\n    depends_on:\n      redis:\n        condition: service_started\n      db:\n        condition: service_healthy\n        restart: true\n    ports: ["80:80"]\n',
      errors: [{ messageId: 'unsorted', line: 4, column: 5 }],
      output:
        'services:\n  web:\n    image: a:1\n    depends_on:\n      db:\n        condition: service_healthy\n        restart: true\n      redis:\n        condition: service_started\n    ports: ["80:80"]\n',
    },
    {
      name: 'flow list',
      code: 'services:\n  web:\n    image: a:1\n    depends_on: [redis, db, api]\n',
      errors: [{ messageId: 'unsorted', line: 4, column: 5, data: { expected: 'api, db, redis' } }],
      output: 'services:\n  web:\n    image: a:1\n    depends_on: [api, db, redis]\n',
    },
    {
      name: 'a flow list over two lines is reported without a fix',
      code: 'services:\n  web:\n    image: a:1\n    depends_on: [redis,\n      db]\n',
      errors: [{ messageId: 'unsorted', line: 4, column: 5 }],
      output: null,
    },
  ],
});
