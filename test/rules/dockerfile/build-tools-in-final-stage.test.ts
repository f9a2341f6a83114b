import { rule } from '../../../server/src/rules/dockerfile/build-tools-in-final-stage';
import { ruleTester } from '../../ruleTester';

ruleTester(rule, {
  valid: [
    {
      name: 'a test runner image: its toolchain is the point',
      code: 'FROM python:3.13-slim\nRUN apt-get update && apt-get install -y --no-install-recommends gcc libpq-dev && rm -rf /var/lib/apt/lists/*\nRUN pip install --no-cache-dir pytest psycopg\nENTRYPOINT ["pytest"]\n',
    },
    'FROM python:3.12-slim\nRUN apt-get update && apt-get install -y --no-install-recommends libpq5 && rm -rf /var/lib/apt/lists/*\n',
    {
      name: 'compilers in a build stage only',
      code: 'FROM python:3.12 AS build\nRUN apt-get install -y build-essential libpq-dev\nFROM python:3.12-slim\nCOPY --from=build /venv /venv\n',
    },
    {
      name: 'apk virtual group removed in the same RUN',
      code: 'FROM python:3.12-alpine\nRUN apk add --no-cache --virtual .build-deps gcc musl-dev libffi-dev && pip install cffi && apk del .build-deps\n',
    },
    { name: 'purged by name afterwards', code: 'FROM debian:12\nRUN apt-get install -y gcc make && make -C /src install && apt-get purge -y gcc make\n' },
    {
      name: "the official images' apt-mark auto and purge --auto-remove",
      code: 'FROM debian:12-slim\nRUN saved="$(apt-mark showmanual)"; apt-get install -y gcc libssl-dev; make; apt-mark auto \'.*\' > /dev/null; apt-mark manual $saved; apt-get purge -y --auto-remove\n',
    },
    {
      name: 'apt-mark auto through xargs, then apt-get autoremove',
      code: 'FROM debian:12-slim\nRUN apt-get install -y build-essential && make && apt-mark showmanual | xargs apt-mark auto && apt-get autoremove -y\n',
    },
    { name: 'removed in a later RUN', code: 'FROM fedora:40\nRUN dnf install -y gcc-c++\nRUN dnf remove -y gcc-c++\n' },
    { name: 'git is no build tool', code: 'FROM debian:12\nRUN apt-get install -y git ca-certificates\n' },
    { name: 'names that only look alike', code: 'FROM alpine:3.20\nRUN apk add --no-cache makedepend-doc devilspie libgcc libstdc++ gcc-doc\n' },
    { name: 'package list in a variable', code: 'FROM debian:12\nARG BUILD_DEPS="gcc make"\nRUN apt-get install -y $BUILD_DEPS\n' },
    { name: 'ONBUILD installs into a later image', code: 'FROM debian:12\nONBUILD RUN apt-get install -y build-essential\n' },
    { name: 'removal commands never fire', code: 'FROM debian:12\nRUN apt-get remove -y gcc\n' },
    {
      name: "a language image's own Dockerfile: it starts the REPL, and its compilers are the point",
      code: 'FROM buildpack-deps:bookworm\nRUN apt-get update && apt-get install -y --no-install-recommends libbluetooth-dev tk-dev uuid-dev && rm -rf /var/lib/apt/lists/*\nCMD ["python3"]\n',
    },
    {
      name: 'nothing started and no application files: a base for other images',
      code: 'FROM debian:bookworm-slim\nRUN apt-get update && apt-get install -y --no-install-recommends g++ gcc libc6-dev make pkg-config && rm -rf /var/lib/apt/lists/*\nENV GOLANG_VERSION=1.25.1\n',
    },
    {
      name: 'a dev container',
      code: 'FROM mcr.microsoft.com/devcontainers/base:bookworm\nRUN apt-get update && apt-get install -y --no-install-recommends build-essential\n',
    },
  ],
  invalid: [
    {
      name: 'a command-line tool run by hand: info',
      code: 'FROM debian:bookworm-slim\nRUN apt-get update && apt-get install -y --no-install-recommends make gcc && rm -rf /var/lib/apt/lists/*\nCOPY fontpatcher /usr/local/bin/\nENTRYPOINT ["fontpatcher"]\n',
      errors: [{ messageId: 'buildTools', line: 2, column: 66, severity: 'info' }],
    },
    {
      code: 'FROM python:3.12-slim\nRUN apt-get update && apt-get install -y gcc libpq-dev\nCOPY . /app\nCMD ["python3", "/app/main.py"]\n',
      errors: [
        {
          messageId: 'buildTools',
          line: 2,
          column: 42,
          endLine: 2,
          endColumn: 45,
          message:
            '"gcc" and "libpq-dev" are compilers or development packages installed in the final stage, so they ship in the runtime image (size, attack surface); install them in a build stage and copy only the built artifacts, or remove them in the same RUN.',
        },
      ],
    },
    {
      name: 'apk build-base and an unremoved virtual group',
      code: 'FROM alpine:3.20\nRUN apk add --no-cache --virtual .deps build-base linux-headers\nCOPY . /app\nCMD ["python3", "/app/main.py"]\n',
      errors: [{ messageId: 'buildTools', line: 2, column: 40, data: { packages: '"build-base" and "linux-headers"' } }],
    },
    {
      name: 'versioned and pinned names',
      code: 'FROM debian:12\nRUN apt-get install -y gcc-12=12.2.0-14 g++:amd64 clang-16 cmake/bookworm-backports\nCOPY . /app\nCMD ["python3", "/app/main.py"]\n',
      errors: [{ messageId: 'buildTools', line: 2, column: 24, data: { packages: '"gcc-12", "g++", "clang-16" and "cmake"' } }],
    },
    {
      name: 'rpm -devel packages with yum, dnf, microdnf and zypper',
      code: 'FROM rockylinux:9\nRUN yum install -y openssl-devel-3.0.7 && dnf install -y make && microdnf install -y autoconf && zypper -n in zlib-devel\nCOPY . /app\nCMD ["python3", "/app/main.py"]\n',
      errors: [{ messageId: 'buildTools', line: 2, column: 20, data: { packages: '"openssl-devel-3.0.7", "make", "autoconf" and "zlib-devel"' } }],
    },
    {
      name: 'installed in the stage the final stage builds on',
      code: 'FROM node:20 AS base\nRUN apt-get install -y python3-dev\nFROM node:20 AS unrelated\nRUN apt-get install -y gcc\nFROM base\nCMD ["node", "server.js"]\nCOPY . /app\nCMD ["python3", "/app/main.py"]\n',
      errors: [{ messageId: 'buildTool', line: 2, column: 24, data: { package: 'python3-dev' } }],
    },
    {
      name: 'removing another package leaves it; removing before installing does not count',
      code: 'FROM debian:12\nRUN apt-get purge -y make && apt-get install -y make gcc && apt-get purge -y gcc\nCOPY . /app\nCMD ["python3", "/app/main.py"]\n',
      errors: [{ messageId: 'buildTool', line: 2, column: 49, data: { package: 'make' } }],
    },
    {
      name: '--auto-remove without apt-mark auto keeps what was installed by hand',
      code: 'FROM debian:12\nRUN apt-get install -y make && apt-get purge -y --auto-remove curl\nCOPY . /app\nCMD ["python3", "/app/main.py"]\n',
      errors: [{ messageId: 'buildTool', line: 2, column: 24, data: { package: 'make' } }],
    },
    {
      name: 'heredoc and sh -c',
      code: 'FROM debian:12\nRUN <<EOF\napt-get install -y build-essential\nEOF\nRUN sh -c "apt-get install -y libssl-dev"\nCOPY . /app\nCMD ["python3", "/app/main.py"]\n',
      errors: [
        { messageId: 'buildTool', line: 3, column: 20, data: { package: 'build-essential' } },
        { messageId: 'buildTool', line: 5, column: 31, data: { package: 'libssl-dev' } },
      ],
    },
  ],
});
