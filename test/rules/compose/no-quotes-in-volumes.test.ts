import { rule } from '../../../server/src/rules/compose/no-quotes-in-volumes';
import { ruleTester } from '../../ruleTester';

ruleTester(rule, {
  valid: [
    'services:\n  db:\n    image: postgres:16\n    volumes:\n      - db-data:/var/lib/postgresql/data\n      - ./init:/docker-entrypoint-initdb.d:ro\n',
    { name: 'quotes YAML needs stay', code: 'services:\n  app:\n    image: a:1\n    volumes:\n      - "*.sock:/s"\n      - "./a #b:/c"\n      - "/data:"\n' },
    { name: 'long syntax', code: 'services:\n  app:\n    image: a:1\n    volumes:\n      - type: bind\n        source: "./data"\n        target: /data\n' },
    { name: 'top-level volumes are not service volumes', code: 'services:\n  app:\n    image: a:1\nvolumes:\n  "data": {}\n' },
    { name: 'from an anchor', code: 'x-vol: &vol "./data:/data"\nservices:\n  app:\n    image: a:1\n    volumes:\n      - *vol\n' },
  ],
  invalid: [
    {
      code: 'services:\n  db:\n    image: postgres:16\n    volumes:\n      - "db-data:/var/lib/postgresql/data"\n      - \'./init:/docker-entrypoint-initdb.d:ro\'\n',
      errors: [
        { messageId: 'quoted', line: 5, column: 9, endLine: 5, endColumn: 43, data: { volume: 'db-data:/var/lib/postgresql/data' } },
        { messageId: 'quoted', line: 6, column: 9 },
      ],
      output:
        'services:\n  db:\n    image: postgres:16\n    volumes:\n      - db-data:/var/lib/postgresql/data\n      - ./init:/docker-entrypoint-initdb.d:ro\n',
    },
    {
      name: 'escaped Windows path, flow list',
      code: 'services:\n  app:\n    image: a:1\n    volumes: ["C:\\\\data:/data"]\n',
      errors: [{ messageId: 'quoted', line: 4, column: 15 }],
      output: 'services:\n  app:\n    image: a:1\n    volumes: [C:\\data:/data]\n',
    },
  ],
});
