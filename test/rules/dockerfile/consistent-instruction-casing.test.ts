import { rule } from '../../../server/src/rules/dockerfile/consistent-instruction-casing';
import { ruleTester } from '../../ruleTester';

ruleTester(rule, {
  valid: [
    'FROM alpine:3.20\nRUN echo hi\nCMD ["sh"]\n',
    { name: 'all lowercase is consistent too', code: 'from alpine:3.20\nrun echo hi\ncmd ["sh"]\n' },
    { name: 'unknown instructions are a syntax matter', code: 'FROM alpine:3.20\nRUN echo hi\nrunn echo typo\n' },
    { name: 'arguments are not keywords', code: 'FROM alpine:3.20\nRUN echo RUN run Run\n' },
  ],
  invalid: [
    {
      code: 'FROM alpine:3.20\nrun echo hi\nCMD ["sh"]\n',
      errors: [{ messageId: 'casing', line: 2, column: 1, endLine: 2, endColumn: 4, data: { keyword: 'run', casing: 'uppercase', expected: 'RUN' } }],
      output: 'FROM alpine:3.20\nRUN echo hi\nCMD ["sh"]\n',
    },
    {
      name: 'mixed casing is never consistent',
      code: 'FROM alpine:3.20\nRun echo hi\n',
      errors: [{ messageId: 'casing', line: 2, column: 1, data: { keyword: 'Run' } }],
      output: 'FROM alpine:3.20\nRUN echo hi\n',
    },
    {
      name: 'a lowercase majority',
      code: 'from alpine:3.20\nworkdir /app\nCOPY . .\ncmd ["sh"]\n',
      errors: [{ messageId: 'casing', line: 3, column: 1, data: { casing: 'lowercase', expected: 'copy' } }],
      output: 'from alpine:3.20\nworkdir /app\ncopy . .\ncmd ["sh"]\n',
    },
    {
      name: 'a tie goes to uppercase',
      code: 'from alpine:3.20\nRUN echo hi\n',
      errors: [{ messageId: 'casing', line: 1, column: 1, data: { expected: 'FROM' } }],
      output: 'FROM alpine:3.20\nRUN echo hi\n',
    },
  ],
});
