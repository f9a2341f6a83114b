import { rule } from '../../../server/src/rules/dockerfile/non-numeric-user';
import { ruleTester } from '../../ruleTester';

ruleTester(rule, {
  valid: [
    'FROM alpine:3.22\nUSER 10001\n',
    { name: 'uid and gid', code: 'FROM alpine:3.22\nUSER 10001:10001\n' },
    { name: 'a numeric uid with a group name', code: 'FROM alpine:3.22\nUSER 1000:staff\n' },
    { name: 'a variable', code: 'FROM mcr.microsoft.com/dotnet/aspnet:9.0\nUSER $APP_UID\n' },
    { name: 'a braced variable with a group', code: 'FROM alpine:3.22\nARG UID=10001\nUSER ${UID}:${UID}\n' },
    { name: 'the user the base image ships, as dockerfile/no-user recommends', code: 'FROM node:22\nUSER node\n' },
    { name: 'the same through the stage built on', code: 'FROM mcr.microsoft.com/dotnet/aspnet:9.0 AS base\nFROM base\nUSER app\n' },
    {
      name: 'a named user the stage switches away from again',
      code: 'FROM alpine:3.22\nARG RUNTIME_UID=10001\nUSER root\nRUN apk add --no-cache curl\nUSER $RUNTIME_UID\n',
    },
    { name: 'Windows users are names', code: 'FROM mcr.microsoft.com/windows/nanoserver:ltsc2022\nUSER ContainerUser\n' },
    { name: 'a Windows tag of another image', code: 'FROM golang:1.25-windowsservercore-ltsc2022\nUSER ContainerAdministrator\n' },
  ],
  invalid: [
    {
      code: 'FROM alpine:3.22\nRUN adduser -S -D app\nUSER app\n',
      errors: [{ messageId: 'name', line: 3, column: 6, endLine: 3, endColumn: 9, data: { user: 'app' } }],
      output: null,
    },
    {
      name: 'a user created with a uid is written as that uid, its group kept',
      code: 'FROM debian:bookworm-slim\nRUN groupadd -g 10001 app && useradd -u 10001 -g app app\nUSER app:app\n',
      errors: [{ messageId: 'name', line: 3, column: 6, data: { user: 'app:app' } }],
      output: 'FROM debian:bookworm-slim\nRUN groupadd -g 10001 app && useradd -u 10001 -g app app\nUSER 10001:app\n',
    },
    {
      name: 'root is a name too',
      code: 'FROM node:22\nUSER root\n',
      errors: [{ messageId: 'name', line: 2, column: 6, data: { user: 'root' } }],
      output: null,
    },
    {
      name: 'a name with a numeric group, in each stage',
      code: 'FROM alpine:3.22 AS build\nUSER builder:1000\nFROM alpine:3.22\nUSER app\n',
      errors: [
        { messageId: 'name', line: 2, column: 6, data: { user: 'builder:1000' } },
        { messageId: 'name', line: 4, column: 6 },
      ],
      output: null,
    },
  ],
});
