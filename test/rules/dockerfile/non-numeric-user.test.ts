import { rule } from '../../../server/src/rules/dockerfile/non-numeric-user';
import { ruleTester } from '../../ruleTester';

ruleTester(rule, {
  valid: [
    'FROM alpine:3.22\nUSER 10001\n',
    { name: 'uid and gid', code: 'FROM alpine:3.22\nUSER 10001:10001\n' },
    { name: 'a numeric uid with a group name', code: 'FROM alpine:3.22\nUSER 1000:staff\n' },
    { name: 'a variable', code: 'FROM mcr.microsoft.com/dotnet/aspnet:9.0\nUSER $APP_UID\n' },
    { name: 'a braced variable with a group', code: 'FROM alpine:3.22\nARG UID=10001\nUSER ${UID}:${UID}\n' },
    {
      name: 'a named user the stage switches away from again',
      code: 'FROM alpine:3.22\nARG RUNTIME_UID=10001\nUSER root\nRUN apk add --no-cache curl\nUSER $RUNTIME_UID\n',
    },
    { name: "root is root-user's finding", code: 'FROM node:22\nUSER root\n' },
    { name: 'uid 0 with a group name', code: 'FROM alpine:3.22\nUSER 0:root\n' },
    { name: 'a dev container never runs under Kubernetes', code: 'FROM mcr.microsoft.com/devcontainers/javascript-node:22\nUSER node\n' },
    { name: 'nor does one in a .devcontainer folder', filename: '.devcontainer/Dockerfile', code: 'FROM ubuntu:24.04\nUSER ubuntu\n' },
    { name: 'Windows users are names', code: 'FROM mcr.microsoft.com/windows/nanoserver:ltsc2022\nUSER ContainerUser\n' },
    { name: 'a Windows tag of another image', code: 'FROM golang:1.25-windowsservercore-ltsc2022\nUSER ContainerAdministrator\n' },
  ],
  invalid: [
    {
      name: 'a user created without a fixed uid: no fix',
      code: 'FROM alpine:3.22\nRUN adduser -S -D app\nUSER app\n',
      errors: [
        {
          messageId: 'name',
          line: 3,
          column: 6,
          endLine: 3,
          endColumn: 9,
          message:
            'USER app names a user rather than a uid: where Kubernetes requires runAsNonRoot, it cannot verify that a name is not root and refuses to start the container; create it with a fixed uid (useradd -u 10001, adduser -u 10001) and write USER 10001.',
        },
      ],
      output: null,
    },
    {
      name: 'a user created with a uid is written as that uid, its group kept',
      code: 'FROM debian:bookworm-slim\nRUN groupadd -g 10001 app && useradd -u 10001 -g app app\nUSER app:app\n',
      errors: [{ messageId: 'name', line: 3, column: 6, data: { user: 'app:app', suggestion: 'write USER 10001:app' } }],
      output: 'FROM debian:bookworm-slim\nRUN groupadd -g 10001 app && useradd -u 10001 -g app app\nUSER 10001:app\n',
    },
    {
      name: "the user node ships is a name too: node's uid",
      code: 'FROM node:22\nWORKDIR /app\nCOPY --chown=node:node . .\nUSER node\nCMD ["node", "server.js"]\n',
      errors: [
        {
          messageId: 'name',
          line: 4,
          column: 6,
          severity: 'info',
          message:
            'USER node names a user rather than a uid: where Kubernetes requires runAsNonRoot, it cannot verify that a name is not root and refuses to start the container; write USER 1000.',
        },
      ],
      output: 'FROM node:22\nWORKDIR /app\nCOPY --chown=node:node . .\nUSER 1000\nCMD ["node", "server.js"]\n',
    },
    {
      name: '.NET 8+ through the stage built on: the image variable that holds the uid',
      code: 'FROM mcr.microsoft.com/dotnet/aspnet:9.0 AS base\nFROM base\nUSER app\n',
      errors: [{ messageId: 'name', line: 3, column: 6, data: { suggestion: 'write USER $APP_UID' } }],
      output: 'FROM mcr.microsoft.com/dotnet/aspnet:9.0 AS base\nFROM base\nUSER $APP_UID\n',
    },
    {
      name: "distroless' nonroot, with its group",
      code: 'FROM gcr.io/distroless/static-debian12\nCOPY app /app\nUSER nonroot:nonroot\nENTRYPOINT ["/app"]\n',
      errors: [{ messageId: 'name', line: 3, column: 6 }],
      output: 'FROM gcr.io/distroless/static-debian12\nCOPY app /app\nUSER 65532:65532\nENTRYPOINT ["/app"]\n',
    },
    {
      name: "distroless' nonroot without a group gets the image's gid",
      code: 'FROM gcr.io/distroless/base-debian12\nUSER nonroot\n',
      errors: [{ messageId: 'name', line: 2, column: 6 }],
      output: 'FROM gcr.io/distroless/base-debian12\nUSER 65532:65532\n',
    },
    {
      name: 'www-data of a Debian-based image',
      code: 'FROM php:8.4-apache\nCOPY . /var/www/html/\nUSER www-data\n',
      errors: [{ messageId: 'name', line: 3, column: 6 }],
      output: 'FROM php:8.4-apache\nCOPY . /var/www/html/\nUSER 33\n',
    },
    {
      name: 'www-data of the php alpine images has uid 82',
      code: 'FROM php:8.4-fpm-alpine\nUSER www-data\n',
      errors: [{ messageId: 'name', line: 2, column: 6 }],
      output: 'FROM php:8.4-fpm-alpine\nUSER 82\n',
    },
    {
      name: 'nobody, its group name kept',
      code: 'FROM debian:bookworm-slim\nUSER nobody:nogroup\n',
      errors: [{ messageId: 'name', line: 2, column: 6 }],
      output: 'FROM debian:bookworm-slim\nUSER 65534:nogroup\n',
    },
    {
      name: 'a usermod that renumbers the user node',
      code: 'FROM node:22-slim\nRUN groupmod -g 1001 node && usermod -u 1001 -g 1001 node\nUSER node\n',
      errors: [{ messageId: 'name', line: 3, column: 6 }],
      output: 'FROM node:22-slim\nRUN groupmod -g 1001 node && usermod -u 1001 -g 1001 node\nUSER 1001\n',
    },
    {
      name: 'a user of an unknown image: no fix',
      code: 'FROM ghcr.io/acme/runtime:1.4\nUSER runner\n',
      errors: [{ messageId: 'name', line: 2, column: 6, data: { suggestion: 'write its uid instead (USER <uid>[:<gid>])' } }],
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
