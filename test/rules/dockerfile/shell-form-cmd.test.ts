import { rule } from '../../../server/src/rules/dockerfile/shell-form-cmd';
import { ruleTester } from '../../ruleTester';

ruleTester(rule, {
  valid: [
    'FROM node:20\nCMD ["node", "server.js"]\n',
    'FROM node:20\nENTRYPOINT ["/usr/bin/tini", "--"]\nCMD ["node", "server.js"]\n',
    { name: 'no CMD at all', code: 'FROM node:20\nRUN npm ci\n' },
    { name: 'RUN in shell form is fine', code: 'FROM node:20\nRUN echo hi && npm ci\n' },
    { name: 'a command that needs the shell, exec-ed', code: 'FROM node:20\nCMD exec node server.js --port $PORT\n' },
    { name: 'a list whose last command is exec-ed', code: 'FROM python:3.12-slim\nCMD python manage.py migrate && exec gunicorn app.wsgi\n' },
    { name: 'an exec-ed ENTRYPOINT that expands a variable', code: 'FROM eclipse-temurin:21-jre\nENTRYPOINT exec java $JAVA_OPTS -jar /app.jar\n' },
  ],
  invalid: [
    {
      name: 'sh on a Debian image is dash, which stays PID 1',
      code: 'FROM node:20\nCMD npm start\n',
      errors: [
        {
          messageId: 'shellFormDash',
          line: 2,
          column: 1,
          endLine: 2,
          endColumn: 14,
          severity: 'warning',
          message:
            'CMD uses shell form, so sh (dash on node:20) runs it, and Debian and Ubuntu build dash never to replace itself with the command: sh stays PID 1 and SIGTERM never reaches the application; use exec form: CMD ["npm", "start"].',
        },
      ],
      output: 'FROM node:20\nCMD ["npm", "start"]\n',
    },
    {
      name: 'on Alpine, BusyBox ash replaces itself with the command: info',
      code: 'FROM node:20-alpine\nCMD node server.js\n',
      errors: [
        {
          messageId: 'shellFormReplaced',
          line: 2,
          column: 1,
          severity: 'info',
          message:
            'CMD uses shell form; sh (BusyBox ash on node:20-alpine) replaces itself with the command, so the application does become PID 1 and get SIGTERM here, though not on a base image whose sh keeps running (Debian\'s dash); use exec form: CMD ["node", "server.js"].',
        },
      ],
      output: 'FROM node:20-alpine\nCMD ["node", "server.js"]\n',
    },
    {
      name: 'a shell-form ENTRYPOINT ignores arguments, whatever the shell',
      code: 'FROM alpine:3.22\nENTRYPOINT /usr/local/bin/app --serve\n',
      errors: [{ messageId: 'entrypointShellForm', line: 2, column: 1, severity: 'warning' }],
      output: 'FROM alpine:3.22\nENTRYPOINT ["/usr/local/bin/app", "--serve"]\n',
    },
    {
      name: 'quoted words and JSON escaping, image not in the table',
      code: 'FROM example.com/node:20\nENTRYPOINT node "my server.js" \'say "hi"\'\n',
      errors: [{ messageId: 'shellForm', line: 2, column: 1, data: { instruction: 'ENTRYPOINT' } }],
      output: 'FROM example.com/node:20\nENTRYPOINT ["node", "my server.js", "say \\"hi\\""]\n',
    },
    {
      name: 'a variable keeps the shell: the fix starts the command with exec',
      code: 'FROM node:20\nCMD node server.js --port $PORT\n',
      errors: [
        {
          messageId: 'shellFormDash',
          line: 2,
          column: 1,
          data: {
            advice: 'the command needs the shell (exec form would not expand it), so start its last command with exec: "… exec node server.js --port $PORT"',
          },
        },
      ],
      output: 'FROM node:20\nCMD exec node server.js --port $PORT\n',
    },
    {
      name: 'exec of a plain command becomes its words (info for CMD, warning for ENTRYPOINT)',
      code: 'FROM node:20\nCMD exec node server.js\nFROM node:20\nENTRYPOINT exec node server.js\n',
      errors: [
        { messageId: 'shellFormWithExec', line: 2, column: 1, severity: 'info' },
        { messageId: 'shellFormWithExec', line: 4, column: 1, severity: 'warning' },
      ],
      output: 'FROM node:20\nCMD ["node", "server.js"]\nFROM node:20\nENTRYPOINT ["node", "server.js"]\n',
    },
    {
      name: 'continuation lines',
      code: 'FROM python:3.12\nCMD gunicorn \\\n  app:app\n',
      errors: [{ messageId: 'shellFormDash', line: 2, column: 1, endLine: 3, endColumn: 10 }],
      output: 'FROM python:3.12\nCMD ["gunicorn", "app:app"]\n',
    },
    {
      name: 'a command list across lines: exec goes before its last command',
      code: 'FROM python:3.12-slim\nCMD python manage.py migrate \\\n  && gunicorn app.wsgi\n',
      errors: [{ messageId: 'shellFormDash', line: 2, column: 1 }],
      output: 'FROM python:3.12-slim\nCMD python manage.py migrate \\\n  && exec gunicorn app.wsgi\n',
    },
    {
      name: 'bash from SHELL runs a list and stays PID 1',
      code: 'FROM python:3.12-alpine\nSHELL ["/bin/bash", "-o", "pipefail", "-c"]\nCMD ./migrate && serve\n',
      errors: [{ messageId: 'shellFormBash', line: 3, column: 1, data: { shell: 'bash' } }],
      output: 'FROM python:3.12-alpine\nSHELL ["/bin/bash", "-o", "pipefail", "-c"]\nCMD ./migrate && exec serve\n',
    },
    {
      name: 'a PowerShell SHELL gets no exec',
      code: 'FROM mcr.microsoft.com/windows/servercore:ltsc2022\nSHELL ["powershell", "-Command"]\nCMD Start-Service w3svc; Wait-Event\n',
      errors: [{ messageId: 'shellForm', line: 3, column: 1, data: { shell: 'powershell' } }],
      output: null,
    },
    {
      name: 'a pipeline has no faithful exec form',
      code: 'FROM alpine:3.20\nCMD cat /etc/motd | wc -l\n',
      errors: [{ messageId: 'shellForm', line: 2, column: 1, data: { advice: 'use exec form: CMD ["executable", "arg", ...]' } }],
      output: null,
    },
    {
      name: 'a list on BusyBox: the last command gets PID 1',
      code: 'FROM alpine:3.20\nCMD migrate && serve\n',
      errors: [{ messageId: 'shellFormReplaced', line: 2, column: 1, severity: 'info' }],
      output: 'FROM alpine:3.20\nCMD migrate && exec serve\n',
    },
  ],
});
