import { rule } from '../../../server/src/rules/dockerfile/expose-port-out-of-range';
import { ruleTester } from '../../ruleTester';

ruleTester(rule, {
  valid: [
    'FROM nginx:1.29\nEXPOSE 80 443/tcp 65535\n',
    { name: 'a range inside the limits', code: 'FROM nginx:1.29\nEXPOSE 8000-8010/udp\n' },
    { name: 'a variable', code: 'FROM nginx:1.29\nARG PORT=80\nEXPOSE ${PORT}\n' },
    { name: 'port 0', code: 'FROM nginx:1.29\nEXPOSE 0\n' },
  ],
  invalid: [
    {
      code: 'FROM nginx:1.29\nEXPOSE 80 65536\n',
      errors: [{ messageId: 'outOfRange', line: 2, column: 11, endLine: 2, endColumn: 16, data: { port: '65536' } }],
    },
    {
      name: 'the end of a range',
      code: 'FROM nginx:1.29\nEXPOSE 60000-70000/tcp\n',
      errors: [{ messageId: 'outOfRange', line: 2, column: 8, data: { port: '60000-70000/tcp' } }],
    },
    {
      name: 'each bad port',
      code: 'FROM nginx:1.29\nEXPOSE 99999/udp \\\n  123456\n',
      errors: [
        { messageId: 'outOfRange', line: 2, column: 8 },
        { messageId: 'outOfRange', line: 3, column: 3 },
      ],
    },
  ],
});
