import { rule } from '../../../server/src/rules/dockerfile/reserved-stage-name';
import { ruleTester } from '../../ruleTester';

ruleTester(rule, {
  valid: [
    'FROM alpine:3.22 AS build\n',
    { name: 'scratch as the image', code: 'FROM scratch\n' },
    { name: 'a name that contains a reserved word', code: 'FROM alpine:3.22 AS build-context\n' },
  ],
  invalid: [
    {
      code: 'FROM alpine:3.22 AS scratch\n',
      errors: [{ messageId: 'reserved', line: 1, column: 21, endLine: 1, endColumn: 28, data: { name: 'scratch' } }],
    },
    {
      name: 'context, any case',
      code: 'FROM alpine:3.22 AS Context\n',
      errors: [{ messageId: 'reserved', line: 1, column: 21, data: { name: 'context', meaning: 'the build context' } }],
    },
  ],
});
