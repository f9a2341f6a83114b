import { rule } from '../../../server/src/rules/dockerfile/copy-relative-without-workdir';
import { ruleTester } from '../../ruleTester';

ruleTester(rule, {
  valid: [
    {
      name: 'scratch: the working directory is / and nothing else is there',
      code: 'FROM golang:1.25 AS build\nRUN go build -o /out/explorer .\nFROM scratch\nCOPY --from=build /out/explorer explorer\nENTRYPOINT ["/explorer"]\n',
    },
    'FROM node:22\nWORKDIR /app\nCOPY package.json ./\n',
    { name: 'an absolute destination', code: 'FROM node:22\nCOPY package.json /app/\n' },
    { name: 'a WORKDIR in the stage built on', code: 'FROM node:22 AS base\nWORKDIR /app\nFROM base\nCOPY . .\n' },
    { name: 'a variable destination', code: 'FROM node:22\nENV APP=/app\nCOPY . $APP\n' },
    { name: 'a Windows path', code: 'FROM mcr.microsoft.com/windows/nanoserver:ltsc2022\nCOPY app.exe C:/app/\n' },
    { name: 'a quoted absolute path', code: 'FROM node:22\nCOPY a.txt "/srv/app/"\n' },
  ],
  invalid: [
    {
      name: 'info in a builder stage, saying it does not ship',
      code: 'FROM golang:1.26 AS build\nCOPY . .\nRUN go build -o /out/app .\nFROM gcr.io/distroless/static-debian12\nCOPY --from=build /out/app /app\n',
      errors: [{ messageId: 'noWorkdir', line: 2, column: 8, severity: 'info', data: { stageNote: 'stage "build" does not ship' } }],
    },
    {
      code: 'FROM node:22\nCOPY package.json .\n',
      errors: [{ messageId: 'noWorkdir', line: 2, column: 19, endLine: 2, endColumn: 20, data: { destination: '.' } }],
    },
    {
      name: 'a WORKDIR after the COPY does not help it',
      code: 'FROM node:22\nCOPY src app/src\nWORKDIR /app\nCOPY lib lib\n',
      errors: [{ messageId: 'noWorkdir', line: 2, column: 10, data: { destination: 'app/src' } }],
    },
    {
      name: 'a WORKDIR in an unrelated stage does not count',
      code: 'FROM node:22 AS build\nWORKDIR /app\nFROM node:22-slim\nADD dist/ dist/\n',
      errors: [{ messageId: 'noWorkdir', line: 4, column: 11, data: { instruction: 'ADD' } }],
    },
  ],
});
