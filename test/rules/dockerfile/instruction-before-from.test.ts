import { rule } from '../../../server/src/rules/dockerfile/instruction-before-from';
import { ruleTester } from '../../ruleTester';

ruleTester(rule, {
  valid: [
    'FROM alpine:3.22\nRUN true\n',
    { name: 'ARGs, comments and directives first', code: '# syntax=docker/dockerfile:1\n# The base image.\nARG BASE=alpine:3.22\nFROM ${BASE}\n' },
  ],
  invalid: [
    {
      code: 'LABEL maintainer=ops\nFROM alpine:3.22\n',
      errors: [{ messageId: 'beforeFrom', line: 1, column: 1, endLine: 1, endColumn: 6, data: { instruction: 'LABEL' } }],
    },
    {
      name: 'after an ARG, reported once',
      code: 'ARG VERSION=1\nENV VERSION=$VERSION\nRUN echo $VERSION\nFROM alpine:3.22\n',
      errors: [{ messageId: 'beforeFrom', line: 2, column: 1, data: { instruction: 'ENV' } }],
    },
    {
      name: 'no FROM at all',
      code: 'RUN echo hello\n',
      errors: [{ messageId: 'beforeFrom', line: 1, column: 1 }],
    },
  ],
});
