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
      errors: [
        {
          messageId: 'rootWithCandidate',
          line: 2,
          column: 6,
          message:
            'The final stage ends as USER root, so the container runs as root; switch to the non-root user node (USER 1000) after the steps that need root.',
        },
      ],
      output: 'FROM node:22\nUSER 1000\nCMD ["node", "server.js"]\n',
    },
    {
      name: 'uid 0 with a group',
      code: 'FROM mcr.microsoft.com/dotnet/aspnet:9.0\nUSER 0:0\n',
      errors: [{ messageId: 'rootWithCandidate', line: 2, column: 6, data: { user: '0:0', candidate: 'user app (USER $APP_UID)' } }],
      output: 'FROM mcr.microsoft.com/dotnet/aspnet:9.0\nUSER $APP_UID\n',
    },
    {
      name: 'a user created earlier is preferred, by uid',
      code: 'FROM debian:bookworm-slim\nRUN useradd -r -u 10010 svc\nUSER root:root\n',
      errors: [{ messageId: 'rootWithCandidate', line: 3, column: 6, data: { user: 'root:root', candidate: 'user svc (USER 10010)' } }],
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
      output: 'FROM node:22\nUSER root\nRUN apt-get update\nUSER 1000\nCMD ["node", "server.js"]\n',
    },
    {
      name: 'root inherited from the stage built on',
      code: 'FROM node:22 AS base\nUSER root\nFROM base\nCMD ["node", "server.js"]\n',
      errors: [{ messageId: 'rootWithCandidate', line: 2, column: 6 }],
      output: 'FROM node:22 AS base\nUSER 1000\nFROM base\nCMD ["node", "server.js"]\n',
    },
    {
      name: 'a Bitnami image ships uid 1001 without a name',
      code: 'FROM bitnami/nginx:1.29\nUSER root\nRUN install_packages curl\n',
      errors: [{ messageId: 'rootWithCandidate', line: 2, column: 6, data: { candidate: 'uid 1001' } }],
      output: 'FROM bitnami/nginx:1.29\nUSER root\nRUN install_packages curl\nUSER 1001\n',
    },
    {
      name: "postgres' entrypoint steps down whatever USER root says: info, no fix",
      code: 'FROM postgres:17\nUSER root\nRUN apt-get update && apt-get install -y --no-install-recommends postgresql-17-postgis-3\n',
      errors: [
        {
          messageId: 'stepDown',
          line: 2,
          column: 6,
          severity: 'info',
          message:
            "The final stage ends as USER root, so the container starts as root, but postgres:17's entrypoint steps down to postgres (uid 999) before it starts postgres. Kubernetes' runAsNonRoot refuses any image that starts as root: where it is required, set runAsUser: 999 (the entrypoint then starts postgres as that user directly).",
        },
      ],
      output: null,
    },
    {
      name: 'a dev container ending as root: info, no fix',
      code: 'FROM mcr.microsoft.com/vscode/devcontainers/base:bullseye\nUSER root\nRUN apt-get update\n',
      errors: [{ messageId: 'devContainer', line: 2, column: 6, severity: 'info' }],
      output: null,
    },
    {
      name: 'the last of several USERs counts',
      code: 'FROM alpine:3.22\nRUN adduser -S -D -u 10001 app\nUSER app\nUSER 0\n',
      errors: [{ messageId: 'rootWithCandidate', line: 4, column: 6, data: { candidate: 'user app (USER 10001)' } }],
      output: 'FROM alpine:3.22\nRUN adduser -S -D -u 10001 app\nUSER app\nUSER 10001\n',
    },
  ],
});
