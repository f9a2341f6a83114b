import { rule } from '../../../server/src/rules/compose/require-quotes-in-ports';
import { ruleTester } from '../../ruleTester';

ruleTester(rule, {
  valid: [
    'services:\n  web:\n    image: a:1\n    ports:\n      - "127.0.0.1:8080:80"\n      - \'127.0.0.1:8443:443\'\n    expose: ["9000"]\n',
    { name: 'long syntax', code: 'services:\n  web:\n    image: a:1\n    ports:\n      - target: 80\n        published: 8080\n        host_ip: 127.0.0.1\n' },
    { name: 'from an anchor', code: 'x-port: &port 127.0.0.1:80:80\nservices:\n  web:\n    image: a:1\n    ports:\n      - *port\n' },
  ],
  invalid: [
    {
      code: 'services:\n  ssh:\n    image: a:1\n    ports:\n      - 127.0.0.1:22:22\n      - "127.0.0.1:80:80"\n    expose:\n      - 09000\n',
      errors: [
        { messageId: 'unquoted', line: 5, column: 9, endLine: 5, endColumn: 24, data: { port: '127.0.0.1:22:22', section: 'ports' } },
        { messageId: 'unquoted', line: 8, column: 9, data: { port: '09000', section: 'expose' } },
      ],
      output: 'services:\n  ssh:\n    image: a:1\n    ports:\n      - "127.0.0.1:22:22"\n      - "127.0.0.1:80:80"\n    expose:\n      - "09000"\n',
    },
    {
      name: "the file's prevailing single quotes",
      code: "services:\n  web:\n    image: 'a:1'\n    command: ['nginx', \"-g\", 'daemon off;']\n    ports: [127.0.0.1:8080:80/tcp]\n",
      errors: [{ messageId: 'unquoted', line: 5, column: 13 }],
      output: "services:\n  web:\n    image: 'a:1'\n    command: ['nginx', \"-g\", 'daemon off;']\n    ports: ['127.0.0.1:8080:80/tcp']\n",
    },
    {
      name: 'interpolation',
      code: 'services:\n  web:\n    image: a:1\n    ports:\n      - ${HOST_IP:-127.0.0.1}:${PORT}:80\n',
      errors: [{ messageId: 'unquoted', line: 5, column: 9 }],
      output: 'services:\n  web:\n    image: a:1\n    ports:\n      - "${HOST_IP:-127.0.0.1}:${PORT}:80"\n',
    },
  ],
});
