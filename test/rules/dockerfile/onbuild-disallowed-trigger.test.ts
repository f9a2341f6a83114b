import { rule } from '../../../server/src/rules/dockerfile/onbuild-disallowed-trigger';
import { ruleTester } from '../../ruleTester';

ruleTester(rule, {
  valid: [
    'FROM node:22\nONBUILD COPY . /app\nONBUILD RUN npm ci\n',
    { name: 'a trigger that only mentions FROM', code: 'FROM alpine:3.22\nONBUILD RUN echo FROM scratch\n' },
  ],
  invalid: [
    {
      code: 'FROM alpine:3.22\nONBUILD ONBUILD RUN true\n',
      errors: [{ messageId: 'disallowed', line: 2, column: 9, endLine: 2, endColumn: 16, data: { trigger: 'ONBUILD' } }],
    },
    {
      name: 'FROM and MAINTAINER, lower case',
      code: 'FROM alpine:3.22\nonbuild from alpine:3.22\nONBUILD MAINTAINER ops@example.com\n',
      errors: [
        { messageId: 'disallowed', line: 2, column: 9, data: { trigger: 'FROM' } },
        { messageId: 'disallowed', line: 3, column: 9, data: { trigger: 'MAINTAINER' } },
      ],
    },
  ],
});
