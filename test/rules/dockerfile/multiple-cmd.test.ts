import { rule } from '../../../server/src/rules/dockerfile/multiple-cmd';
import { ruleTester } from '../../ruleTester';

ruleTester(rule, {
  valid: [
    'FROM node:22\nENTRYPOINT ["node"]\nCMD ["server.js"]\n',
    { name: 'one of each per stage', code: 'FROM golang:1.25 AS build\nCMD ["go", "test"]\nFROM alpine:3.22\nCMD ["/app"]\n' },
    { name: 'a HEALTHCHECK and a CMD', code: 'FROM nginx:1.29\nHEALTHCHECK CMD curl -f http://localhost/ || exit 1\nCMD ["nginx", "-g", "daemon off;"]\n' },
    { name: 'ONBUILD CMD belongs to a later build', code: 'FROM node:22\nONBUILD CMD ["npm", "test"]\nCMD ["node", "server.js"]\n' },
  ],
  invalid: [
    {
      code: 'FROM node:22\nCMD ["npm", "start"]\nCMD ["node", "server.js"]\n',
      errors: [{ messageId: 'overridden', line: 2, column: 1, endLine: 2, endColumn: 21, data: { instruction: 'CMD', line: 3 } }],
      output: 'FROM node:22\nCMD ["node", "server.js"]\n',
    },
    {
      name: 'every earlier one is reported',
      code: 'FROM alpine:3.22\nENTRYPOINT ["a"]\nENTRYPOINT ["b"]\nRUN true\nENTRYPOINT ["c"]\n',
      errors: [
        { messageId: 'overridden', line: 2, column: 1, data: { instruction: 'ENTRYPOINT', line: 5 } },
        { messageId: 'overridden', line: 3, column: 1, data: { instruction: 'ENTRYPOINT', line: 5 } },
      ],
      output: 'FROM alpine:3.22\nRUN true\nENTRYPOINT ["c"]\n',
    },
    {
      name: 'HEALTHCHECK NONE after a HEALTHCHECK, with continuation lines',
      code: 'FROM nginx:1.29\nHEALTHCHECK --interval=30s \\\n  CMD curl -f http://localhost/\nHEALTHCHECK NONE\n',
      errors: [{ messageId: 'overridden', line: 2, column: 1, endLine: 3, endColumn: 32, data: { instruction: 'HEALTHCHECK' } }],
      output: 'FROM nginx:1.29\nHEALTHCHECK NONE\n',
    },
    {
      name: 'each stage on its own',
      code: 'FROM alpine:3.22 AS a\nCMD ["a"]\nCMD ["b"]\nFROM alpine:3.22\nCMD ["c"]\nCMD ["d"]\n',
      errors: [
        { messageId: 'overridden', line: 2, column: 1 },
        { messageId: 'overridden', line: 5, column: 1 },
      ],
      output: 'FROM alpine:3.22 AS a\nCMD ["b"]\nFROM alpine:3.22\nCMD ["d"]\n',
    },
  ],
});
