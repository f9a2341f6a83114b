import { rule } from '../../../server/src/rules/dockerfile/shell-form-cmd';
import { ruleTester } from '../../ruleTester';

ruleTester(rule, {
  valid: [
    'FROM node:20\nCMD ["node", "server.js"]\n',
    'FROM node:20\nENTRYPOINT ["/usr/bin/tini", "--"]\nCMD ["node", "server.js"]\n',
    { name: 'no CMD at all', code: 'FROM node:20\nRUN npm ci\n' },
    { name: 'RUN in shell form is fine', code: 'FROM node:20\nRUN echo hi && npm ci\n' },
  ],
  invalid: [
    {
      code: 'FROM node:20\nCMD npm start\n',
      errors: [{ messageId: 'shellForm', line: 2, column: 1, endLine: 2, endColumn: 14, data: { instruction: 'CMD' } }],
      output: 'FROM node:20\nCMD ["npm", "start"]\n',
    },
    {
      name: 'quoted words and JSON escaping',
      code: 'FROM node:20\nENTRYPOINT node "my server.js" \'say "hi"\'\n',
      errors: [{ messageId: 'shellForm', line: 2, column: 1, data: { instruction: 'ENTRYPOINT' } }],
      output: 'FROM node:20\nENTRYPOINT ["node", "my server.js", "say \\"hi\\""]\n',
    },
    {
      name: 'a variable keeps the shell but execs the command',
      code: 'FROM node:20\nCMD node server.js --port $PORT\n',
      errors: [{ messageId: 'shellForm', line: 2, column: 1 }],
      output: 'FROM node:20\nCMD ["/bin/sh", "-c", "exec node server.js --port $PORT"]\n',
    },
    {
      name: 'an exec already in the command is kept once',
      code: 'FROM node:20\nCMD exec node server.js --port $PORT\n',
      errors: [{ messageId: 'shellFormWithExec', line: 2, column: 1 }],
      output: 'FROM node:20\nCMD ["/bin/sh", "-c", "exec node server.js --port $PORT"]\n',
    },
    {
      name: 'exec of a plain command becomes its words',
      code: 'FROM node:20\nCMD exec node server.js\n',
      errors: [{ messageId: 'shellFormWithExec', line: 2, column: 1 }],
      output: 'FROM node:20\nCMD ["node", "server.js"]\n',
    },
    {
      name: 'continuation lines',
      code: 'FROM python:3.12\nCMD gunicorn \\\n  app:app\n',
      errors: [{ messageId: 'shellForm', line: 2, column: 1, endLine: 3, endColumn: 10 }],
      output: 'FROM python:3.12\nCMD ["gunicorn", "app:app"]\n',
    },
    {
      name: 'a pipeline has no faithful exec form',
      code: 'FROM alpine:3.20\nCMD cat /etc/motd | wc -l\n',
      errors: [{ messageId: 'shellForm', line: 2, column: 1 }],
      output: null,
    },
    {
      name: 'a command list has no faithful exec form',
      code: 'FROM alpine:3.20\nCMD migrate && serve\n',
      errors: [{ messageId: 'shellForm', line: 2, column: 1 }],
      output: null,
    },
  ],
});
