import { rule } from '../../../server/src/rules/dockerfile/from-as-casing';
import { ruleTester } from '../../ruleTester';

ruleTester(rule, {
  valid: [
    'FROM debian:12 AS build\n',
    { name: 'both lowercase', code: 'from debian:12 as build\n' },
    { name: 'no stage name', code: 'FROM debian:12\n' },
    { name: 'a mixed-case FROM is another rule', code: 'From debian:12 as build\n' },
    { name: 'a stage named like the keyword', code: 'FROM debian:12 AS as\n' },
  ],
  invalid: [
    {
      code: 'FROM debian:12 as build\n',
      errors: [{ messageId: 'casing', line: 1, column: 16, endLine: 1, endColumn: 18, data: { as: 'as', from: 'FROM', expected: 'AS' } }],
      output: 'FROM debian:12 AS build\n',
    },
    {
      name: 'lowercase from, with a platform flag',
      code: 'from --platform=$BUILDPLATFORM golang:1.23 As build\n',
      errors: [{ messageId: 'casing', line: 1, column: 44, data: { expected: 'as' } }],
      output: 'from --platform=$BUILDPLATFORM golang:1.23 as build\n',
    },
  ],
});
