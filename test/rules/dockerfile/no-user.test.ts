import { rule } from '../../../server/src/rules/dockerfile/no-user';
import { ruleTester } from '../../ruleTester';

const DEBIAN_USER =
  'RUN groupadd --system --gid 10001 app && useradd --system --no-log-init -l --uid 10001 --gid app --home-dir /nonexistent --shell /usr/sbin/nologin app';

ruleTester(rule, {
  valid: [
    'FROM node:22\nUSER node\nCMD ["node", "server.js"]\n',
    { name: "an explicit root user is root-user's business", code: 'FROM node:22\nUSER root\n' },
    { name: 'USER inherited from the stage built on', code: 'FROM node:22 AS base\nUSER node\nFROM base\nCMD ["node", "server.js"]\n' },
    { name: 'only the final stage counts', code: 'FROM golang:1.25 AS build\nRUN go build -o /app .\nFROM alpine:3.22\nUSER 10001:10001\n' },
    { name: 'a distroless nonroot tag', code: 'FROM gcr.io/distroless/static-debian12:nonroot\nCOPY app /app\n' },
    { name: 'a chiseled .NET image', code: 'FROM mcr.microsoft.com/dotnet/aspnet:9.0-noble-chiseled\n' },
    { name: 'an unprivileged nginx image', code: 'FROM nginxinc/nginx-unprivileged:1.29-alpine\n' },
    { name: 'a Bitnami image', code: 'FROM bitnami/postgresql:17\n' },
    {
      name: 'a scratch stage of files only, exported and never run',
      code: 'FROM golang:1.25 AS build\nRUN go build -o /out/tool .\nFROM scratch AS artifacts\nCOPY --from=build /out/ /\n',
    },
    { name: 'a USER from a variable is trusted', code: 'FROM alpine:3.22\nARG APP_USER=app\nUSER ${APP_USER}\n' },
    { name: 'nanoserver runs as ContainerUser', code: 'FROM mcr.microsoft.com/windows/nanoserver:ltsc2022\nCOPY app.exe C:/app/\nCMD ["C:/app/app.exe"]\n' },
    { name: 'grafana/k6 runs as its user k6', code: 'FROM grafana/k6:1.3.0\nCOPY load.js /scripts/load.js\nCMD ["run", "/scripts/load.js"]\n' },
    { name: 'haproxy ends with USER haproxy', code: 'FROM haproxy:3.2\nCOPY haproxy.cfg /usr/local/etc/haproxy/haproxy.cfg\n' },
  ],
  invalid: [
    {
      name: 'a user created in a RUN continued by a backslash before a lone CR is that user, not the CR',
      code: 'FROM debian:12\nRUN useradd --create-home user \\\r\t&& chown -R user:user /home/user\r\n',
      errors: [{ messageId: 'noUserBase', line: 1, column: 6, severity: 'info' }],
      output: 'FROM debian:12\nRUN useradd --create-home user \\\r\t&& chown -R user:user /home/user\r\nUSER user\r\n',
    },
    {
      name: 'the USER line of a file with a byte order mark does not copy the mark, which would make it an unknown instruction',
      code: '\ufeffFROM node:24-alpine\n',
      errors: [{ messageId: 'noUser', line: 1, column: 7, severity: 'info' }],
      output: '\ufeffFROM node:24-alpine\nUSER 1000\n',
    },
    {
      name: "a command-line tool started by its ENTRYPOINT: root is its user's call (info, the fix still offered)",
      code: 'FROM alpine:3.22\nRUN apk add --no-cache apache2-utils\nENTRYPOINT ["ab"]\n',
      errors: [{ messageId: 'noUser', line: 1, column: 6, severity: 'info' }],
      output:
        'FROM alpine:3.22\nRUN apk add --no-cache apache2-utils\nRUN addgroup -S -g 10001 app && adduser -S -D -H -u 10001 -G app app\nUSER 10001:10001\nENTRYPOINT ["ab"]\n',
    },
    {
      name: 'an application started through a language runtime runs unattended: a warning',
      code: 'FROM mcr.microsoft.com/dotnet/runtime:8.0\nWORKDIR /app\nCOPY --from=build /app .\nENTRYPOINT ["dotnet", "Worker.dll"]\n',
      errors: [{ messageId: 'noUser', line: 1, column: 6, severity: 'warning' }],
      output: 'FROM mcr.microsoft.com/dotnet/runtime:8.0\nWORKDIR /app\nCOPY --from=build /app .\nUSER $APP_UID\nENTRYPOINT ["dotnet", "Worker.dll"]\n',
    },
    {
      name: 'a base image named only at build time may set a user itself: info',
      code: 'ARG BASE_IMAGE\nFROM ${BASE_IMAGE}\nCOPY . /app\nCMD ["python3", "/app/main.py"]\n',
      errors: [{ messageId: 'noUserUnknown', line: 2, column: 6, severity: 'info' }],
      output: 'ARG BASE_IMAGE\nFROM ${BASE_IMAGE}\nCOPY . /app\nUSER 10001:10001\nCMD ["python3", "/app/main.py"]\n',
    },
    {
      name: 'a queue worker runs unattended',
      code: 'FROM python:3.13-slim\nCOPY . /app\nCMD ["celery", "-A", "tasks", "worker"]\n',
      errors: [{ messageId: 'noUser', line: 1, column: 6, severity: 'warning' }],
      output: `FROM python:3.13-slim\nCOPY . /app\n${DEBIAN_USER}\nUSER 10001:10001\nCMD ["celery", "-A", "tasks", "worker"]\n`,
    },
    {
      name: "no command of its own but the application's files: the command comes from compose or a pod (a warning)",
      code: 'FROM python:3.13-slim\nCOPY train.py /train.py\n',
      errors: [{ messageId: 'noUser', line: 1, column: 6, severity: 'warning' }],
      output: `FROM python:3.13-slim\nCOPY train.py /train.py\n${DEBIAN_USER}\nUSER 10001:10001\n`,
    },
    {
      name: 'a program of its own named for serving',
      code: 'FROM debian:bookworm-slim\nCOPY --from=build /out/server /usr/local/bin/server\nENTRYPOINT ["server"]\n',
      errors: [{ messageId: 'noUser', line: 1, column: 6, severity: 'warning' }],
      output: `FROM debian:bookworm-slim\nCOPY --from=build /out/server /usr/local/bin/server\n${DEBIAN_USER}\nUSER 10001:10001\nENTRYPOINT ["server"]\n`,
    },
    {
      name: 'a final stage named for a CI check is a tool',
      code: 'FROM golang:1.25 AS base\nWORKDIR /src\nFROM base AS validate-toc\nRUN ./hack/validate-toc\n',
      errors: [{ messageId: 'noUserTool', line: 3, column: 6, severity: 'info' }],
      output: null,
    },
    {
      name: 'a daemon that needs root (Docker in Docker): info, no fix',
      code: 'FROM docker:29-cli\nRUN apk add --no-cache iptables\nCOPY dockerd-entrypoint.sh /usr/local/bin/\nEXPOSE 2375 2376\nENTRYPOINT ["dockerd-entrypoint.sh"]\nCMD []\n',
      errors: [
        {
          messageId: 'rootDaemon',
          message:
            'The final stage sets no USER, so the container runs as root, as dockerd-entrypoint.sh needs: it runs privileged anyway. Where the container need not manage the host, use a rootless variant of the image instead.',
          line: 1,
          column: 6,
          severity: 'info',
        },
      ],
      output: null,
    },
    {
      name: "a dev container: the developer works as devcontainer.json's remoteUser (info, no fix)",
      code: 'ARG VARIANT=bookworm\nFROM mcr.microsoft.com/devcontainers/base:${VARIANT}\nRUN apt-get update && apt-get install -y --no-install-recommends graphviz\n',
      errors: [
        {
          messageId: 'noUserDevContainer',
          line: 2,
          column: 6,
          severity: 'info',
          message:
            "The final stage sets no USER, as dev containers usually do: VS Code and the dev container CLI connect as devcontainer.json's remoteUser (the vscode or node user of Microsoft's dev container images), not as the image's USER. Set remoteUser there to a non-root user if it is not already.",
        },
      ],
      output: null,
    },
    {
      name: "a final dev-envs stage, Docker Dev Environments' target",
      code: 'FROM python:3.13 AS builder\nWORKDIR /app\nCOPY . .\nCMD ["python3", "app.py"]\nFROM builder AS dev-envs\nRUN apt-get update && apt-get install -y --no-install-recommends git\n',
      errors: [{ messageId: 'noUserDevContainer', line: 5, column: 6, severity: 'info' }],
      output: null,
    },
    {
      name: 'a Dockerfile in a .devcontainer folder',
      filename: '.devcontainer/Dockerfile',
      code: 'FROM python:3.13\nRUN pip install --no-cache-dir black\n',
      errors: [{ messageId: 'noUserDevContainer', line: 1, column: 6, severity: 'info' }],
      output: null,
    },
    {
      name: 'postgres starts as root and its entrypoint steps down to postgres: info, no fix',
      code: 'FROM postgres:17\nCOPY init.sql /docker-entrypoint-initdb.d/\n',
      errors: [
        {
          messageId: 'stepDown',
          line: 1,
          column: 6,
          severity: 'info',
          message:
            "The final stage sets no USER, so the container starts as root, but postgres:17's entrypoint steps down to postgres (uid 999) before it starts postgres. Kubernetes' runAsNonRoot refuses any image that starts as root: where it is required, set runAsUser: 999 (the entrypoint then starts postgres as that user directly).",
        },
      ],
      output: null,
    },
    {
      name: 'the alpine variant has its own uid',
      code: 'FROM postgres:17-alpine\nCOPY init.sql /docker-entrypoint-initdb.d/\n',
      errors: [
        { messageId: 'stepDown', line: 1, column: 6, severity: 'info', data: { how: "postgres:17-alpine's entrypoint steps down to postgres (uid 70)" } },
      ],
      output: null,
    },
    {
      name: 'a CMD that starts the server with a config file',
      code: 'FROM redis:8.2\nCOPY redis.conf /usr/local/etc/redis/redis.conf\nCMD ["redis-server", "/usr/local/etc/redis/redis.conf"]\n',
      errors: [{ messageId: 'stepDown', line: 1, column: 6, severity: 'info', data: { advice: 'set runAsUser: 999' } }],
      output: null,
    },
    {
      name: 'a CMD of options, which the entrypoint puts the server in front of',
      code: 'FROM mongo:8.0\nCMD ["--auth", "--bind_ip_all"]\n',
      errors: [
        {
          messageId: 'stepDown',
          line: 1,
          column: 6,
          severity: 'info',
          data: { how: "mongo:8.0's entrypoint steps down to mongodb (uid 999) before it starts mongod" },
        },
      ],
      output: null,
    },
    {
      name: 'rabbitmq management on alpine',
      code: 'FROM rabbitmq:4.1-management-alpine\nRUN rabbitmq-plugins enable --offline rabbitmq_shovel\n',
      errors: [{ messageId: 'stepDown', line: 1, column: 6, severity: 'info', data: { how: 'rabbitmq (uid 100)' } }],
      output: null,
    },
    {
      name: 'a shell-form CMD reaches the entrypoint as /bin/sh -c: it runs as root, and the fix switches to the image user',
      code: 'FROM redis:8.2\nCMD redis-server --requirepass "$REDIS_PASSWORD"\n',
      errors: [{ messageId: 'noUser', line: 1, column: 6, severity: 'warning' }],
      output: 'FROM redis:8.2\nUSER 999\nCMD redis-server --requirepass "$REDIS_PASSWORD"\n',
    },
    {
      name: "an ENTRYPOINT of the Dockerfile's own replaces the one that steps down",
      code: 'FROM mysql:8.4\nCOPY start.py /start.py\nENTRYPOINT ["python3", "/start.py"]\n',
      errors: [{ messageId: 'noUser', line: 1, column: 6, severity: 'warning' }],
      output: 'FROM mysql:8.4\nCOPY start.py /start.py\nUSER 999\nENTRYPOINT ["python3", "/start.py"]\n',
    },
    {
      name: 'nginx keeps root in its master process only: info, no fix (a user of its own would break it)',
      code: 'FROM nginx:1.29-alpine\nCOPY dist/ /usr/share/nginx/html/\n',
      errors: [
        {
          messageId: 'stepDown',
          line: 1,
          column: 6,
          severity: 'info',
          message:
            "The final stage sets no USER, so the container starts as root, but nginx:1.29-alpine's server runs its workers, which handle the requests, as nginx; only its master process keeps root. Kubernetes' runAsNonRoot refuses any image that starts as root: where it is required, build on nginxinc/nginx-unprivileged, which runs as nginx (uid 101) and listens on 8080.",
        },
      ],
      output: null,
    },
    {
      name: 'php-fpm on alpine: both tag overrides apply',
      code: 'FROM php:8.4-fpm-alpine\nCOPY . /var/www/html/\nCMD ["php-fpm"]\n',
      errors: [
        { messageId: 'stepDown', line: 1, column: 6, severity: 'info', data: { how: 'php-fpm runs its workers, which handle the requests, as www-data' } },
      ],
      output: null,
    },
    {
      name: 'a server of the kind installed by the Dockerfile',
      code: 'FROM debian:bookworm-slim\nRUN apt-get update && apt-get install -y --no-install-recommends nginx && rm -rf /var/lib/apt/lists/*\nEXPOSE 80\nCMD ["nginx", "-g", "daemon off;"]\n',
      errors: [
        {
          messageId: 'stepDown',
          line: 1,
          column: 6,
          severity: 'info',
          data: { how: 'nginx runs its workers, which handle the requests, as the unprivileged user its configuration names' },
        },
      ],
      output: null,
    },
    {
      name: 'the php CLI image runs a script: a warning',
      code: 'FROM php:8.4-cli\nCOPY worker.php /app/\nCMD ["php", "/app/worker.php"]\n',
      errors: [{ messageId: 'noUser', line: 1, column: 6, severity: 'warning' }],
      output: `FROM php:8.4-cli\nCOPY worker.php /app/\n${DEBIAN_USER}\nUSER 10001:10001\nCMD ["php", "/app/worker.php"]\n`,
    },
    {
      name: "an official image's own Dockerfile: it installs gosu and starts with its entrypoint script",
      code: 'FROM debian:bookworm-slim\nRUN groupadd -r -g 999 redis && useradd -r -g redis -u 999 redis\nRUN apt-get update && apt-get install -y --no-install-recommends gosu && rm -rf /var/lib/apt/lists/* && gosu nobody true\nCOPY docker-entrypoint.sh /usr/local/bin/\nENTRYPOINT ["docker-entrypoint.sh"]\nEXPOSE 6379\nCMD ["redis-server"]\n',
      errors: [
        {
          messageId: 'stepDown',
          line: 1,
          column: 6,
          severity: 'info',
          message:
            "The final stage sets no USER, so the container starts as root, but the image ships gosu, so its entrypoint docker-entrypoint.sh presumably steps down to redis (uid 999) before it starts the program, as the official images' entrypoints do. Kubernetes' runAsNonRoot refuses any image that starts as root: where it is required, set runAsUser: 999, if the entrypoint works when started as that user.",
        },
      ],
      output: null,
    },
    {
      name: 'su-exec on alpine, a user without a fixed uid',
      code: 'FROM alpine:3.22\nRUN apk add --no-cache su-exec && adduser -D app\nCOPY entrypoint.sh /\nENTRYPOINT ["/entrypoint.sh"]\nCMD ["app"]\n',
      errors: [
        {
          messageId: 'stepDown',
          line: 1,
          column: 6,
          severity: 'info',
          data: { how: 'presumably steps down to app before', advice: 'set runAsUser to the uid it steps down to' },
        },
      ],
      output: null,
    },
    {
      name: 'the ENTRYPOINT itself steps down',
      code: 'FROM node:22-alpine\nRUN apk add --no-cache su-exec\nCOPY . /app\nENTRYPOINT ["su-exec", "node", "node", "/app/server.js"]\n',
      errors: [
        {
          messageId: 'stepDown',
          line: 1,
          column: 6,
          severity: 'info',
          message:
            "The final stage sets no USER, so the container starts as root, but its ENTRYPOINT starts node as node through su-exec. Kubernetes' runAsNonRoot refuses any image that starts as root: where it is required, switch to that user with USER and its uid instead, and start node without su-exec.",
        },
      ],
      output: null,
    },
    {
      name: 'gosu shipped, but the ENTRYPOINT is a program rather than a script that could use it',
      code: 'FROM debian:bookworm-slim\nRUN apt-get update && apt-get install -y --no-install-recommends gosu\nCOPY server /usr/local/bin/server\nENTRYPOINT ["server"]\n',
      errors: [{ messageId: 'noUser', line: 1, column: 6, severity: 'warning' }],
      output: `FROM debian:bookworm-slim\nRUN apt-get update && apt-get install -y --no-install-recommends gosu\nCOPY server /usr/local/bin/server\n${DEBIAN_USER}\nUSER 10001:10001\nENTRYPOINT ["server"]\n`,
    },
    {
      name: "a language image's own Dockerfile: it starts the REPL, a base for other images (info, the fix still offered)",
      code: 'FROM debian:bookworm-slim\nENV PYTHON_VERSION=3.13.1\nRUN apt-get update && apt-get install -y --no-install-recommends ca-certificates && rm -rf /var/lib/apt/lists/*\nCMD ["python3"]\n',
      errors: [
        {
          messageId: 'noUserBase',
          line: 1,
          column: 6,
          severity: 'info',
          message:
            'The final stage sets no USER, so the container runs as root; it starts python3 and no program of its own, so it is presumably a base for other images or an environment to work in, which stay root so that the Dockerfiles built on them can install packages. Switch to a non-root user in those, or here if no Dockerfile builds on this image.',
        },
      ],
      output: `FROM debian:bookworm-slim\nENV PYTHON_VERSION=3.13.1\nRUN apt-get update && apt-get install -y --no-install-recommends ca-certificates && rm -rf /var/lib/apt/lists/*\n${DEBIAN_USER}\nUSER 10001:10001\nCMD ["python3"]\n`,
    },
    {
      name: 'the REPL behind the entrypoint script, with options only',
      code: 'FROM alpine:3.22\nCOPY docker-php-entrypoint /usr/local/bin/\nENTRYPOINT ["docker-php-entrypoint"]\nCMD ["php", "-a"]\n',
      errors: [{ messageId: 'noUserBase', line: 1, column: 6, severity: 'info', data: { program: 'php' } }],
      output:
        'FROM alpine:3.22\nCOPY docker-php-entrypoint /usr/local/bin/\nRUN addgroup -S -g 10001 app && adduser -S -D -H -u 10001 -G app app\nUSER 10001:10001\nENTRYPOINT ["docker-php-entrypoint"]\nCMD ["php", "-a"]\n',
    },
    {
      name: 'nothing started on a distribution image: its default shell',
      code: 'FROM alpine:3.22\nENV GOLANG_VERSION=1.25.1\nCOPY --from=golang:1.25-alpine /usr/local/go /usr/local/go\n',
      errors: [{ messageId: 'noUserBase', line: 1, column: 6, severity: 'info', data: { program: "alpine:3.22's default shell" } }],
      output:
        'FROM alpine:3.22\nENV GOLANG_VERSION=1.25.1\nCOPY --from=golang:1.25-alpine /usr/local/go /usr/local/go\nRUN addgroup -S -g 10001 app && adduser -S -D -H -u 10001 -G app app\nUSER 10001:10001\n',
    },
    {
      name: 'nothing started on Windows Server Core: its default shell',
      code: 'FROM mcr.microsoft.com/windows/servercore:ltsc2022\nENV GOLANG_VERSION=1.25.1\nRUN setx /m PATH "C:\\go\\bin;%PATH%"\n',
      errors: [
        { messageId: 'noUserBase', line: 1, column: 6, severity: 'info', data: { program: "mcr.microsoft.com/windows/servercore:ltsc2022's default shell" } },
      ],
      output: 'FROM mcr.microsoft.com/windows/servercore:ltsc2022\nENV GOLANG_VERSION=1.25.1\nRUN setx /m PATH "C:\\go\\bin;%PATH%"\nUSER ContainerUser\n',
    },
    {
      name: 'nothing started but a port EXPOSEd: a service whose command comes from elsewhere',
      code: 'FROM alpine:3.22\nCOPY server /usr/local/bin/server\nEXPOSE 8080\n',
      errors: [{ messageId: 'noUser', line: 1, column: 6, severity: 'warning' }],
      output:
        'FROM alpine:3.22\nCOPY server /usr/local/bin/server\nEXPOSE 8080\nRUN addgroup -S -g 10001 app && adduser -S -D -H -u 10001 -G app app\nUSER 10001:10001\n',
    },
    {
      name: 'a script run by the interpreter is an application',
      code: 'FROM python:3.13-slim\nCOPY app.py /app/\nCMD ["python3", "-u", "/app/app.py"]\n',
      errors: [{ messageId: 'noUser', line: 1, column: 6, severity: 'warning' }],
      output: `FROM python:3.13-slim\nCOPY app.py /app/\n${DEBIAN_USER}\nUSER 10001:10001\nCMD ["python3", "-u", "/app/app.py"]\n`,
    },
    {
      name: 'nothing started on a language image inherits its REPL, which an application Dockerfile forgot to replace',
      code: 'FROM node:22-alpine\nCOPY . /app\n',
      errors: [{ messageId: 'noUser', line: 1, column: 6, severity: 'warning' }],
      output: 'FROM node:22-alpine\nCOPY . /app\nUSER 1000\n',
    },
    {
      name: 'a tool image: info, and no fix that would bake in a user who cannot write the mounted workspace',
      code: 'FROM python:3.13\nWORKDIR /src\nRUN pip install --no-cache-dir pytest\nENTRYPOINT ["pytest"]\n',
      errors: [{ messageId: 'noUserTool', line: 1, column: 6, severity: 'info' }],
      output: null,
    },
    {
      name: 'Windows images switch to their ContainerUser',
      code: 'FROM mcr.microsoft.com/windows/servercore:ltsc2022\nCOPY app.exe C:/app/\nCMD ["C:/app/app.exe"]\n',
      errors: [
        {
          messageId: 'noUserWindows',
          line: 1,
          column: 6,
          message:
            'The final stage sets no USER, so the container runs as ContainerAdministrator, the default of mcr.microsoft.com/windows/servercore:ltsc2022; switch to the unprivileged ContainerUser with USER ContainerUser.',
        },
      ],
      output: 'FROM mcr.microsoft.com/windows/servercore:ltsc2022\nCOPY app.exe C:/app/\nUSER ContainerUser\nCMD ["C:/app/app.exe"]\n',
    },
    {
      name: 'the USER goes after a last RUN left continuing into nothing, whose dangling backslash goes',
      code: 'FROM node:22-alpine\nCOPY . .\nRUN npm ci \\\n\n# later: npm run build\n\n',
      errors: [{ messageId: 'noUser', line: 1, column: 6 }],
      output: 'FROM node:22-alpine\nCOPY . .\nRUN npm ci\n\n# later: npm run build\nUSER 1000\n',
    },
    {
      name: 'lines holding only a backslash after the last RUN lose theirs too',
      code: 'FROM node:22-alpine\nRUN npm ci \\\n \\\n\\\n',
      errors: [{ messageId: 'noUser', line: 1, column: 6 }],
      output: 'FROM node:22-alpine\nRUN npm ci\nUSER 1000\n',
    },
    {
      name: 'no fix when the last line would still end in an escape (an escaped backslash)',
      code: 'FROM node:22-alpine\nRUN echo foo\\\\\n',
      errors: [{ messageId: 'noUser', line: 1, column: 6 }],
      output: null,
    },
    {
      name: 'no fix after a here-document that is never closed: the USER would be its content',
      code: 'FROM node:22-alpine\nRUN <<EOF\nnpm ci\n',
      errors: [{ messageId: 'noUser', line: 1, column: 6 }],
      output: null,
    },
    {
      name: 'node ships the user node',
      code: 'FROM node:22-alpine\nWORKDIR /app\nCOPY . .\nCMD ["node", "server.js"]\n',
      errors: [{ messageId: 'noUser', line: 1, column: 6, endLine: 1, endColumn: 20, data: { image: 'node:22-alpine' } }],
      output: 'FROM node:22-alpine\nWORKDIR /app\nCOPY . .\nUSER 1000\nCMD ["node", "server.js"]\n',
    },
    {
      name: '.NET 8+ images ship the user app, whose uid their APP_UID holds',
      code: 'FROM mcr.microsoft.com/dotnet/aspnet:9.0\nENTRYPOINT ["dotnet", "App.dll"]\n',
      errors: [{ messageId: 'noUser', line: 1, column: 6 }],
      output: 'FROM mcr.microsoft.com/dotnet/aspnet:9.0\nUSER $APP_UID\nENTRYPOINT ["dotnet", "App.dll"]\n',
    },
    {
      name: '.NET before 8 has no app user: one is created',
      code: 'FROM mcr.microsoft.com/dotnet/aspnet:6.0\nENTRYPOINT ["dotnet", "App.dll"]\n',
      errors: [{ messageId: 'noUser', line: 1, column: 6 }],
      output: `FROM mcr.microsoft.com/dotnet/aspnet:6.0\n${DEBIAN_USER}\nUSER 10001:10001\nENTRYPOINT ["dotnet", "App.dll"]\n`,
    },
    {
      name: 'alpine: a system user is created with BusyBox tools, above the comment of the CMD',
      code: 'FROM alpine:3.22\nCOPY app /usr/local/bin/app\n# Exec form: app is PID 1.\nCMD ["app"]\n',
      errors: [{ messageId: 'noUser', line: 1, column: 6 }],
      output:
        'FROM alpine:3.22\nCOPY app /usr/local/bin/app\nRUN addgroup -S -g 10001 app && adduser -S -D -H -u 10001 -G app app\nUSER 10001:10001\n# Exec form: app is PID 1.\nCMD ["app"]\n',
    },
    {
      name: 'debian: groupadd and useradd -l, before ENTRYPOINT and CMD',
      code: 'FROM python:3.12-slim\nRUN pip install --no-cache-dir flask\nENTRYPOINT ["python"]\nCMD ["app.py"]\n',
      errors: [{ messageId: 'noUser', line: 1, column: 6 }],
      output: `FROM python:3.12-slim\nRUN pip install --no-cache-dir flask\n${DEBIAN_USER}\nUSER 10001:10001\nENTRYPOINT ["python"]\nCMD ["app.py"]\n`,
    },
    {
      name: 'rhel: useradd with the RHEL nologin path, at the end when there is no CMD',
      code: 'FROM rockylinux:9\nRUN dnf install -y httpd\n',
      errors: [{ messageId: 'noUserBase', line: 1, column: 6 }],
      output:
        'FROM rockylinux:9\nRUN dnf install -y httpd\nRUN groupadd --system --gid 10001 app && useradd --system --no-log-init -l --uid 10001 --gid app --home-dir /nonexistent --shell /sbin/nologin app\nUSER 10001:10001\n',
    },
    {
      name: 'a CMD followed by a RUN: the user goes at the end so the RUN keeps root',
      code: 'FROM debian:bookworm-slim\nCMD ["app"]\nRUN apt-get update\n',
      errors: [{ messageId: 'noUser', line: 1, column: 6 }],
      output: `FROM debian:bookworm-slim\nCMD ["app"]\nRUN apt-get update\n${DEBIAN_USER}\nUSER 10001:10001\n`,
    },
    {
      name: 'a user the Dockerfile already creates is used, by uid when given',
      code: 'FROM ubuntu:24.04\nRUN useradd --uid 1500 -m -s /bin/bash worker\nCMD ["worker"]\n',
      errors: [{ messageId: 'noUser', line: 1, column: 6 }],
      output: 'FROM ubuntu:24.04\nRUN useradd --uid 1500 -m -s /bin/bash worker\nUSER 1500\nCMD ["worker"]\n',
    },
    {
      name: 'an adduser without uid is used by name',
      code: 'FROM alpine:3.22\nRUN adduser -D -g "Web user" web www-data\n',
      errors: [{ messageId: 'noUserBase', line: 1, column: 6 }],
      output: 'FROM alpine:3.22\nRUN adduser -D -g "Web user" web www-data\nUSER web\n',
    },
    {
      name: 'an adduser uid inside an option cluster',
      code: 'FROM alpine:3.22\nRUN adduser -Du 1000 app\n',
      errors: [{ messageId: 'noUserBase', line: 1, column: 6 }],
      output: 'FROM alpine:3.22\nRUN adduser -Du 1000 app\nUSER 1000\n',
    },
    {
      name: 'distroless: switch to the nonroot tag',
      code: 'FROM golang:1.25 AS build\nRUN go build -o /app .\nFROM gcr.io/distroless/static-debian12\nCOPY --from=build /app /app\nCMD ["/app"]\n',
      errors: [{ messageId: 'noUser', line: 3, column: 6 }],
      output: 'FROM golang:1.25 AS build\nRUN go build -o /app .\nFROM gcr.io/distroless/static-debian12:nonroot\nCOPY --from=build /app /app\nCMD ["/app"]\n',
    },
    {
      name: 'distroless debug tag',
      code: 'FROM gcr.io/distroless/base-debian12:debug\n',
      errors: [{ messageId: 'noUser', line: 1, column: 6 }],
      output: 'FROM gcr.io/distroless/base-debian12:debug-nonroot\n',
    },
    {
      name: 'distroless pinned by digest: its nonroot uid',
      code: 'FROM gcr.io/distroless/static-debian12@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef\n',
      errors: [{ messageId: 'noUser', line: 1, column: 6 }],
      output: 'FROM gcr.io/distroless/static-debian12@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef\nUSER 65532:65532\n',
    },
    {
      name: 'scratch: a numeric user needs no passwd entry',
      code: 'FROM scratch\nCOPY app /app\nENTRYPOINT ["/app"]\n',
      errors: [
        {
          messageId: 'noUserScratch',
          line: 1,
          column: 6,
          message:
            'The final stage sets no USER and scratch has no users, so the container runs as root (uid 0); switch to a numeric user, which needs no /etc/passwd entry: USER 10001:10001 (the files the program reads must be readable by it).',
        },
      ],
      output: 'FROM scratch\nCOPY app /app\nUSER 10001:10001\nENTRYPOINT ["/app"]\n',
    },
    {
      name: 'an unknown image is assumed to run as root',
      code: 'FROM ghcr.io/acme/runtime:1.4\nCMD ["serve"]\n',
      errors: [{ messageId: 'noUserUnknown', line: 1, column: 6, data: { image: 'ghcr.io/acme/runtime:1.4' } }],
      output: 'FROM ghcr.io/acme/runtime:1.4\nUSER 10001:10001\nCMD ["serve"]\n',
    },
    {
      name: 'a base image from an ARG without default',
      code: 'ARG BASE\nFROM ${BASE}\n',
      errors: [{ messageId: 'noUserUnknown', line: 2, column: 6, data: { image: '${BASE}' } }],
      output: 'ARG BASE\nFROM ${BASE}\nUSER 10001:10001\n',
    },
    {
      name: 'the final stage builds on a stage without USER',
      code: 'FROM node:22-slim AS base\nWORKDIR /app\nFROM base\nCMD ["node", "index.js"]\n',
      errors: [{ messageId: 'noUser', line: 3, column: 6, data: { image: 'node:22-slim' } }],
      output: 'FROM node:22-slim AS base\nWORKDIR /app\nFROM base\nUSER 1000\nCMD ["node", "index.js"]\n',
    },
    {
      name: 'a USER in a build stage does not carry over to an unrelated final stage',
      code: 'FROM node:22 AS build\nUSER node\nFROM node:22-alpine\nCMD ["node", "index.js"]\n',
      errors: [{ messageId: 'noUser', line: 3, column: 6 }],
      output: 'FROM node:22 AS build\nUSER node\nFROM node:22-alpine\nUSER 1000\nCMD ["node", "index.js"]\n',
    },
  ],
});
