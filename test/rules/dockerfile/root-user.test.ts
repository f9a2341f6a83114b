import { rule } from '../../../server/src/rules/dockerfile/root-user';
import { ruleTester } from '../../ruleTester';

ruleTester(rule, {
  valid: [
    'FROM node:22\nUSER node\n',
    { name: 'root for the build, then a non-root user', code: 'FROM alpine:3.22\nUSER root\nRUN apk add --no-cache curl\nUSER 10001\n' },
    { name: "no USER at all is no-user's business", code: 'FROM alpine:3.22\n' },
    { name: 'root in a build stage only', code: 'FROM node:22 AS build\nUSER root\nFROM node:22-slim\nUSER node\n' },
    { name: 'a uid that merely starts with 0', code: 'FROM alpine:3.22\nUSER 01000\n' },
    { name: 'a user named like root', code: 'FROM alpine:3.22\nUSER rootless\n' },
    { name: 'a variable', code: 'FROM alpine:3.22\nARG RUN_AS=app\nUSER $RUN_AS\n' },
  ],
  invalid: [
    {
      name: 'no non-root user is known: no fix',
      code: 'FROM alpine:3.22\nUSER root\n',
      errors: [{ messageId: 'root', line: 2, column: 6, endLine: 2, endColumn: 10, data: { user: 'root' } }],
      output: null,
    },
    {
      name: 'the image ships a user',
      code: 'FROM node:22\nUSER root\nCMD ["node", "server.js"]\n',
      errors: [{ messageId: 'rootWithCandidate', line: 2, column: 6, data: { user: 'root', candidate: 'node' } }],
      output: 'FROM node:22\nUSER node\nCMD ["node", "server.js"]\n',
    },
    {
      name: 'uid 0 with a group',
      code: 'FROM mcr.microsoft.com/dotnet/aspnet:9.0\nUSER 0:0\n',
      errors: [{ messageId: 'rootWithCandidate', line: 2, column: 6, data: { user: '0:0', candidate: 'app' } }],
      output: 'FROM mcr.microsoft.com/dotnet/aspnet:9.0\nUSER app\n',
    },
    {
      name: 'a user created earlier is preferred, by uid',
      code: 'FROM debian:bookworm-slim\nRUN useradd -r -u 10010 svc\nUSER root:root\n',
      errors: [{ messageId: 'rootWithCandidate', line: 3, column: 6, data: { user: 'root:root', candidate: '10010' } }],
      output: 'FROM debian:bookworm-slim\nRUN useradd -r -u 10010 svc\nUSER 10010\n',
    },
    {
      name: 'a user created after the root USER is not known to exist yet',
      code: 'FROM debian:bookworm-slim\nUSER root\nRUN useradd -r svc\n',
      errors: [{ messageId: 'root', line: 2, column: 6 }],
      output: null,
    },
    {
      name: 'RUNs after the root USER keep root; the switch goes before the CMD',
      code: 'FROM node:22\nUSER root\nRUN apt-get update\nCMD ["node", "server.js"]\n',
      errors: [{ messageId: 'rootWithCandidate', line: 2, column: 6 }],
      output: 'FROM node:22\nUSER root\nRUN apt-get update\nUSER node\nCMD ["node", "server.js"]\n',
    },
    {
      name: 'root inherited from the stage built on',
      code: 'FROM node:22 AS base\nUSER root\nFROM base\nCMD ["node", "server.js"]\n',
      errors: [{ messageId: 'rootWithCandidate', line: 2, column: 6 }],
      output: 'FROM node:22 AS base\nUSER node\nFROM base\nCMD ["node", "server.js"]\n',
    },
    {
      name: 'the last of several USERs counts',
      code: 'FROM alpine:3.22\nRUN adduser -S -D -u 10001 app\nUSER app\nUSER 0\n',
      errors: [{ messageId: 'rootWithCandidate', line: 4, column: 6, data: { candidate: '10001' } }],
      output: 'FROM alpine:3.22\nRUN adduser -S -D -u 10001 app\nUSER app\nUSER 10001\n',
    },
  ],
});
