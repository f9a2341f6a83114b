import { rule } from '../../../server/src/rules/dockerfile/syntax';
import { ruleTester } from '../../ruleTester';

ruleTester(rule, {
  valid: [
    'FROM node:20\nWORKDIR /app\nCOPY . .\nCMD ["node", "server.js"]\n',
    { name: 'heredoc', code: 'FROM alpine:3.20\nRUN <<EOF\necho hi\nEOF\n' },
    { name: 'parser directive', code: '# syntax=docker/dockerfile:1\nFROM alpine:3.20\n' },
  ],
  invalid: [
    { name: 'unknown instruction', code: 'FROM alpine:3.20\nRUNN echo hi\n', errors: [{ messageId: 'builder', line: 2, column: 1, data: { message: 'Unknown instruction: RUNN' } }] },
    { name: 'no FROM', code: 'RUN echo hi\n', errors: [{ messageId: 'builder', line: 1, column: 1 }] },
    { name: 'invalid port', code: 'FROM alpine:3.20\nEXPOSE 8o\n', errors: [{ messageId: 'builder', line: 2, column: 8, data: { message: 'Invalid containerPort: 8o' } }] },
    { name: 'missing argument', code: 'FROM alpine:3.20\nWORKDIR\n', errors: [{ messageId: 'builder', line: 2, column: 1 }] },
  ],
});
