import { rule } from '../../../server/src/rules/compose/service-ports-alphabetical-order';
import { ruleTester } from '../../ruleTester';

ruleTester(rule, {
  valid: [
    'services:\n  web:\n    image: a:1\n    ports:\n      - "127.0.0.1:443:443"\n      - "127.0.0.1:8080:80"\n      - "9000"\n',
    { name: 'numeric, not text order', code: 'services:\n  web:\n    image: a:1\n    ports: ["80:80", "443:443", "8080:8080"]\n' },
    {
      name: 'long syntax by published port',
      code: 'services:\n  web:\n    image: a:1\n    ports:\n      - target: 80\n        published: 80\n      - "127.0.0.1:81:81"\n',
    },
    { name: 'expose is not ports', code: 'services:\n  web:\n    image: a:1\n    expose: ["9000", "80"]\n' },
  ],
  invalid: [
    {
      code: 'services:\n  web:\n    image: a:1\n    ports:\n      # TLS\n      - "127.0.0.1:8443:443"\n      - target: 80\n        published: "8080"\n        host_ip: 127.0.0.1\n    restart: always\n',
      errors: [{ messageId: 'unsorted', line: 4, column: 5, endLine: 4, endColumn: 10, data: { service: 'web', expected: '8080, 8443' } }],
      output:
        'services:\n  web:\n    image: a:1\n    ports:\n      - target: 80\n        published: "8080"\n        host_ip: 127.0.0.1\n      # TLS\n      - "127.0.0.1:8443:443"\n    restart: always\n',
    },
    {
      name: 'flow list',
      code: 'services:\n  web:\n    image: a:1\n    ports: ["8080:80", "443:443", 22]\n',
      errors: [{ messageId: 'unsorted', line: 4, column: 5, data: { expected: '22, 443, 8080' } }],
      output: 'services:\n  web:\n    image: a:1\n    ports: [22, "443:443", "8080:80"]\n',
    },
    {
      name: 'a flow list over two lines is reported without a fix',
      code: 'services:\n  web:\n    image: a:1\n    ports: ["8080:80",\n      "443:443"]\n',
      errors: [{ messageId: 'unsorted', line: 4, column: 5 }],
      output: null,
    },
  ],
});
