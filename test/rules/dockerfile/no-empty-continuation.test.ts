import { rule } from '../../../server/src/rules/dockerfile/no-empty-continuation';
import { ruleTester } from '../../ruleTester';

ruleTester(rule, {
  valid: [
    'FROM alpine:3.20\nRUN apk add --no-cache \\\n    curl \\\n    git\n',
    { name: 'a comment line inside the continuation is fine', code: 'FROM alpine:3.20\nRUN apk add --no-cache \\\n# the HTTP client\n    curl\n' },
    { name: 'empty lines between instructions', code: 'FROM alpine:3.20\n\nRUN echo hi\n\n' },
    { name: 'empty lines in a here-document', code: 'FROM alpine:3.20\nRUN <<EOF\necho one\n\necho two\nEOF\n' },
  ],
  invalid: [
    {
      code: 'FROM alpine:3.20\nRUN apk add --no-cache \\\n\n    curl\n',
      errors: [{ messageId: 'emptyLine', line: 2, column: 1, endLine: 2, endColumn: 4, data: { lines: '3', instruction: 'RUN' } }],
      output: 'FROM alpine:3.20\nRUN apk add --no-cache \\\n    curl\n',
    },
    {
      name: 'several blank lines, one with spaces',
      code: 'FROM alpine:3.20\nENV A=1 \\\n\n    B=2 \\\n   \n    C=3\nCMD ["sh"]\n',
      errors: [{ messageId: 'emptyLines', line: 2, column: 1, data: { lines: '3, 5' } }],
      output: 'FROM alpine:3.20\nENV A=1 \\\n    B=2 \\\n    C=3\nCMD ["sh"]\n',
    },
  ],
});
