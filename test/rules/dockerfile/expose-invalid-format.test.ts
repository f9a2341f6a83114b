import { rule } from '../../../server/src/rules/dockerfile/expose-invalid-format';
import { ruleTester } from '../../ruleTester';

ruleTester(rule, {
  valid: ['FROM alpine:3.20\nEXPOSE 80 8000-8010/tcp\n', { name: 'a variable', code: 'FROM alpine:3.20\nARG PORTS=80:80\nEXPOSE $PORTS\n' }],
  invalid: [
    {
      code: 'FROM alpine:3.20\nEXPOSE 127.0.0.1:80:80\n',
      errors: [{ messageId: 'mapping', line: 2, column: 8, endLine: 2, endColumn: 23, data: { port: '127.0.0.1:80:80', containerPort: '80' } }],
      output: 'FROM alpine:3.20\nEXPOSE 80\n',
    },
    {
      name: 'a host mapping with a protocol, next to a valid port',
      code: 'FROM alpine:3.20\nEXPOSE 443 8080:80/udp\n',
      errors: [{ messageId: 'mapping', line: 2, column: 12, data: { containerPort: '80/udp' } }],
      output: 'FROM alpine:3.20\nEXPOSE 443 80/udp\n',
    },
  ],
});
