import { rule } from '../../../server/src/rules/dockerfile/syntax';
import { ruleTester } from '../../ruleTester';

ruleTester(rule, {
  valid: [
    'FROM node:20\nWORKDIR /app\nCOPY . .\nCMD ["node", "server.js"]\n',
    { name: 'heredoc', code: 'FROM alpine:3.20\nRUN <<EOF\necho hi\nEOF\n' },
    { name: 'parser directive', code: '# syntax=docker/dockerfile:1\nFROM alpine:3.20\n' },
    { name: 'an instruction before FROM is left to dockerfile/instruction-before-from', code: 'LABEL team=web\nFROM alpine:3.20\n' },
    { name: 'a file destination for several sources is left to dockerfile/copy-destination-trailing-slash', code: 'FROM alpine:3.20\nCOPY a.conf b.conf /etc/app\n' },
  ],
  invalid: [
    { name: 'unknown instruction', code: 'FROM alpine:3.20\nRUNN echo hi\n', errors: [{ messageId: 'builder', line: 2, column: 1, data: { message: 'Unknown instruction: RUNN' } }] },
    { name: 'no FROM, only ARGs', code: 'ARG VERSION=1\n', errors: [{ messageId: 'builder', line: 1, column: 1, data: { message: 'No source image provided with `FROM`' } }] },
    { name: 'invalid port', code: 'FROM alpine:3.20\nEXPOSE 8o\n', errors: [{ messageId: 'builder', line: 2, column: 8, data: { message: 'Invalid containerPort: 8o' } }] },
    { name: 'missing argument', code: 'FROM alpine:3.20\nWORKDIR\n', errors: [{ messageId: 'builder', line: 2, column: 1 }] },
  ],
});
