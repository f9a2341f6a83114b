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
      name: 'sh on a Debian image is dash, which stays PID 1',
      code: 'FROM node:22\nCMD ["sh", "-c", "./migrate.sh && node server.js"]\n',
      errors: [
        {
          messageId: 'dashChild',
          line: 2,
          column: 19,
          endLine: 2,
          endColumn: 49,
          severity: 'warning',
          message:
            'CMD runs "node server.js" as a child of sh (dash on node:22): Debian and Ubuntu build dash never to replace itself with the last command, so sh stays PID 1 and SIGTERM never reaches "node server.js"; start it with `exec`: "… exec node server.js".',
        },
      ],
      output: 'FROM node:22\nCMD ["sh", "-c", "./migrate.sh && exec node server.js"]\n',
    },
    {
      name: 'bash replaces itself with a lone command: info',
      code: 'FROM python:3.12\nENTRYPOINT ["/bin/bash", "-ec", "gunicorn app:app"]\n',
      errors: [
        {
          messageId: 'shellReplacesItself',
          line: 2,
          column: 34,
          severity: 'info',
          message:
            'ENTRYPOINT leaves "gunicorn app:app" to bash, which replaces itself with a lone command, so "gunicorn app:app" does become PID 1 and gets SIGTERM; `exec` says so, and keeps it so on a base image whose sh does not (Debian\'s dash).',
        },
      ],
      output: 'FROM python:3.12\nENTRYPOINT ["/bin/bash", "-ec", "exec gunicorn app:app"]\n',
    },
    {
      name: 'bash after other commands',
      code: 'FROM python:3.12\nCMD ["bash", "-c", "python manage.py migrate && gunicorn app:app"]\n',
      errors: [{ messageId: 'bashChild', line: 2, column: 21, severity: 'warning', data: { shell: 'bash', command: 'gunicorn app:app' } }],
      output: 'FROM python:3.12\nCMD ["bash", "-c", "python manage.py migrate && exec gunicorn app:app"]\n',
    },
    {
      name: 'exec goes after the assignments',
      code: 'FROM node:22\nCMD ["sh", "-c", "NODE_ENV=production node server.js"]\n',
      errors: [{ messageId: 'dashChild', line: 2, column: 19 }],
      output: 'FROM node:22\nCMD ["sh", "-c", "NODE_ENV=production exec node server.js"]\n',
    },
    {
      name: 'JSON escapes in the script are kept valid',
      code: 'FROM node:22\nCMD ["sh", "-c", "echo \\"starting\\"; node server.js --name \\"my app\\""]\n',
      errors: [{ messageId: 'dashChild', line: 2, column: 19, data: { command: 'node server.js --name "my app"' } }],
      output: 'FROM node:22\nCMD ["sh", "-c", "echo \\"starting\\"; exec node server.js --name \\"my app\\""]\n',
    },
    {
      name: 'sh on Alpine is BusyBox ash, which replaces itself with the last command: info',
      code: 'FROM alpine:3.20\nCMD ["sh", "-c", "cd /srv; $APP_BIN --serve;"]\n',
      errors: [
        {
          messageId: 'shellReplacesItself',
          line: 2,
          column: 19,
          severity: 'info',
          message:
            'CMD leaves "$APP_BIN --serve" to sh (BusyBox ash on alpine:3.20), which replaces itself with the last command of its script, so "$APP_BIN --serve" does become PID 1 and gets SIGTERM; `exec` says so, and keeps it so on a base image whose sh does not (Debian\'s dash).',
        },
      ],
      output: 'FROM alpine:3.20\nCMD ["sh", "-c", "cd /srv; exec $APP_BIN --serve;"]\n',
    },
    {
      name: 'a trap keeps BusyBox ash as PID 1',
      code: 'FROM node:22-alpine\nCMD ["sh", "-c", "trap \'rm -f /tmp/lock\' EXIT; node server.js"]\n',
      errors: [{ messageId: 'missingExec', line: 2, column: 19, severity: 'warning', data: { shell: 'sh (BusyBox ash on node:22-alpine)' } }],
      output: 'FROM node:22-alpine\nCMD ["sh", "-c", "trap \'rm -f /tmp/lock\' EXIT; exec node server.js"]\n',
    },
    {
      name: 'an image the table does not know, and a /bin/sh relinked by a RUN',
      code: 'FROM example.com/base:1\nCMD ["sh", "-c", "prepare && serve"]\nFROM alpine:3.20\nRUN ln -sf /bin/bash /bin/sh\nCMD ["sh", "-c", "prepare && serve"]\n',
      errors: [
        { messageId: 'missingExec', line: 2, column: 19, data: { shell: 'sh' } },
        { messageId: 'missingExec', line: 5, column: 19, data: { shell: 'sh' } },
      ],
      output:
        'FROM example.com/base:1\nCMD ["sh", "-c", "prepare && exec serve"]\nFROM alpine:3.20\nRUN ln -sf /bin/bash /bin/sh\nCMD ["sh", "-c", "prepare && exec serve"]\n',
    },
    {
      name: 'a pipeline cannot be exec-ed',
      code: 'FROM alpine:3.20\nCMD ["sh", "-c", "server 2>&1 | tee /var/log/server.log"]\n',
      errors: [{ messageId: 'pipeline', line: 2, column: 19 }],
      output: null,
    },
    {
      name: 'an || fallback, on BusyBox',
      code: 'FROM alpine:3.20\nENTRYPOINT ["sh", "-c", "test -f /config || generate-config", "--"]\n',
      errors: [{ messageId: 'shellReplacesItself', line: 2, column: 26, data: { command: 'generate-config' } }],
      output: 'FROM alpine:3.20\nENTRYPOINT ["sh", "-c", "test -f /config || exec generate-config", "--"]\n',
    },
    {
      name: 'sh on a RHEL-family image is bash',
      code: 'FROM fedora:42\nCMD ["/bin/sh", "-c", "httpd -DFOREGROUND"]\n',
      errors: [{ messageId: 'shellReplacesItself', line: 2, column: 24, data: { shell: 'sh (bash on fedora:42)' } }],
      output: 'FROM fedora:42\nCMD ["/bin/sh", "-c", "exec httpd -DFOREGROUND"]\n',
    },
  ],
});
