import { rule } from '../../../server/src/rules/dockerfile/expose-proto-casing';
import { ruleTester } from '../../ruleTester';

ruleTester(rule, {
  valid: ['FROM nginx:1.27\nEXPOSE 80 443/tcp 53/udp\n', { name: 'a variable port', code: 'FROM nginx:1.27\nARG PORT=80\nEXPOSE $PORT/tcp\n' }],
  invalid: [
    {
      code: 'FROM nginx:1.27\nEXPOSE 80/TCP\n',
      errors: [{ messageId: 'casing', line: 2, column: 11, endLine: 2, endColumn: 14, data: { protocol: 'TCP', lower: 'tcp' } }],
      output: 'FROM nginx:1.27\nEXPOSE 80/tcp\n',
    },
    {
      name: 'several ports and mixed case',
      code: 'FROM coredns/coredns:1.11\nEXPOSE 53/Udp 53/tcp 9153/TCP\n',
      errors: [
        { messageId: 'casing', line: 2, column: 11, data: { protocol: 'Udp' } },
        { messageId: 'casing', line: 2, column: 27 },
      ],
      output: 'FROM coredns/coredns:1.11\nEXPOSE 53/udp 53/tcp 9153/tcp\n',
    },
  ],
});
