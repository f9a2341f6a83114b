import { rule } from '../../../server/src/rules/dockerfile/shell-wrapper-without-exec';
import { ruleTester } from '../../ruleTester';

ruleTester(rule, {
  valid: [
    'FROM node:22\nCMD ["sh", "-c", "./migrate.sh && exec node server.js"]\n',
    { name: 'no shell in between', code: 'FROM node:22\nCMD ["node", "server.js"]\n' },
    { name: 'shell form is another rule', code: 'FROM node:22\nCMD node server.js\n' },
    { name: 'a shell that waits on purpose (trap and wait)', code: 'FROM alpine:3.20\nCMD ["sh", "-c", "trap \'kill $PID\' TERM; app & PID=$!; wait $PID"]\n' },
    { name: 'a script ending in a compound command', code: 'FROM alpine:3.20\nCMD ["sh", "-c", "while true; do date; sleep 5; done"]\n' },
    { name: 'a background job', code: 'FROM alpine:3.20\nCMD ["sh", "-c", "worker &"]\n' },
    { name: 'a script that does not parse', code: 'FROM alpine:3.20\nCMD ["sh", "-c", "if then"]\n' },
    { name: 'RUN is not the main process', code: 'FROM alpine:3.20\nRUN ["sh", "-c", "make install"]\n' },
    { name: 'exec with assignments before it', code: 'FROM node:22\nENTRYPOINT ["/bin/bash", "-c", "PORT=8080 exec node app.js"]\n' },
  ],
  invalid: [
    {
      code: 'FROM node:22\nCMD ["sh", "-c", "./migrate.sh && node server.js"]\n',
      errors: [
        { messageId: 'missingExec', line: 2, column: 19, endLine: 2, endColumn: 49, data: { command: 'node server.js', shell: 'sh', instruction: 'CMD' } },
      ],
      output: 'FROM node:22\nCMD ["sh", "-c", "./migrate.sh && exec node server.js"]\n',
    },
    {
      name: 'a single command, bash and flags',
      code: 'FROM python:3.12\nENTRYPOINT ["/bin/bash", "-ec", "gunicorn app:app"]\n',
      errors: [{ messageId: 'missingExec', line: 2, column: 34, data: { shell: 'bash', instruction: 'ENTRYPOINT' } }],
      output: 'FROM python:3.12\nENTRYPOINT ["/bin/bash", "-ec", "exec gunicorn app:app"]\n',
    },
    {
      name: 'exec goes after the assignments',
      code: 'FROM node:22\nCMD ["sh", "-c", "NODE_ENV=production node server.js"]\n',
      errors: [{ messageId: 'missingExec', line: 2, column: 19 }],
      output: 'FROM node:22\nCMD ["sh", "-c", "NODE_ENV=production exec node server.js"]\n',
    },
    {
      name: 'JSON escapes in the script are kept valid',
      code: 'FROM node:22\nCMD ["sh", "-c", "echo \\"starting\\"; node server.js --name \\"my app\\""]\n',
      errors: [{ messageId: 'missingExec', line: 2, column: 19, data: { command: 'node server.js --name "my app"' } }],
      output: 'FROM node:22\nCMD ["sh", "-c", "echo \\"starting\\"; exec node server.js --name \\"my app\\""]\n',
    },
    {
      name: 'a variable as the program',
      code: 'FROM alpine:3.20\nCMD ["sh", "-c", "cd /srv; $APP_BIN --serve;"]\n',
      errors: [{ messageId: 'missingExec', line: 2, column: 19 }],
      output: 'FROM alpine:3.20\nCMD ["sh", "-c", "cd /srv; exec $APP_BIN --serve;"]\n',
    },
    {
      name: 'a pipeline cannot be exec-ed',
      code: 'FROM alpine:3.20\nCMD ["sh", "-c", "server 2>&1 | tee /var/log/server.log"]\n',
      errors: [{ messageId: 'pipeline', line: 2, column: 19 }],
      output: null,
    },
    {
      name: 'an || fallback',
      code: 'FROM alpine:3.20\nENTRYPOINT ["sh", "-c", "test -f /config || generate-config", "--"]\n',
      errors: [{ messageId: 'missingExec', line: 2, column: 26, data: { command: 'generate-config' } }],
      output: 'FROM alpine:3.20\nENTRYPOINT ["sh", "-c", "test -f /config || exec generate-config", "--"]\n',
    },
  ],
});
