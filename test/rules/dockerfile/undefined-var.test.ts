import { rule } from '../../../server/src/rules/dockerfile/undefined-var';
import { ruleTester } from '../../ruleTester';

ruleTester(rule, {
  valid: [
    'FROM alpine:3.20\nARG VERSION=1\nENV APP_VERSION=$VERSION\nLABEL version=${APP_VERSION}\n',
    { name: 'the base image defines it', code: 'FROM python:3.12 AS base\nARG VERSION=$PYTHON_VERSION\n' },
    { name: 'shell-form RUN: the shell expands it', code: 'FROM alpine:3.20\nRUN echo "$SHELL_ONLY" && cd $HOME\n' },
    { name: 'exec form is not expanded at all', code: 'FROM alpine:3.20\nCMD ["echo", "$NOT_EXPANDED"]\n' },
    { name: 'defaults and alternatives handle unset variables', code: 'FROM alpine:3.20\nWORKDIR ${APP_DIR:-/app}\nENV A=${B-x} C=${D:+y}\n' },
    { name: 'global ARGs and platform ARGs in FROM', code: 'ARG BASE=golang:1.23\nFROM --platform=$BUILDPLATFORM $BASE AS build\n' },
    { name: 'a predefined ARG declared in the stage', code: 'FROM golang:1.23\nARG TARGETOS TARGETARCH\nENV GOOS=$TARGETOS GOARCH=$TARGETARCH\n' },
    { name: 'ENV inherited from an earlier stage', code: 'FROM alpine:3.20 AS base\nENV APP_HOME=/srv/app\nFROM base\nWORKDIR $APP_HOME\n' },
    { name: 'an unknown base image may define it', code: 'FROM mycorp/base:1\nWORKDIR $APP_HOME\n' },
    { name: 'a here-document body is file content', code: 'FROM alpine:3.20\nCOPY <<EOF /run.sh\necho $1 $SOMETHING\nEOF\n' },
    { name: 'single quotes and escapes are literal', code: "FROM alpine:3.20\nLABEL note='uses $LITERAL'\nENV PRICE=\\$AMOUNT\n" },
    { name: 'ARG pairs see the pairs before them', code: 'FROM alpine:3.20\nARG A=1 B=$A\n' },
    { name: 'a global ARG redeclared in the stage', code: 'ARG VERSION=1.0\nFROM alpine:3.20\nARG VERSION\nLABEL version=$VERSION\n' },
    {
      name: 'a modifier the builder rejects is left to dockerfile/syntax',
      code: 'ARG FLAVOUR=${option:variant}\nFROM node:22-${option:variant}\nENV MODE=${option:mode}\n',
    },
    { name: 'global ARG defaults may use earlier ones', code: 'ARG REGISTRY=docker.io\nARG IMAGE=$REGISTRY/library/alpine:3.20\nFROM $IMAGE\n' },
  ],
  invalid: [
    {
      name: 'a typo with a suggestion',
      code: 'FROM alpine:3.20\nENV PATH=/app/bin:$PAHT\n',
      errors: [{ messageId: 'typo', line: 2, column: 20, endLine: 2, endColumn: 24, data: { name: 'PAHT', suggestion: 'PATH' } }],
      output: 'FROM alpine:3.20\nENV PATH=/app/bin:$PATH\n',
    },
    {
      name: 'undefined in COPY, nothing close',
      code: 'FROM alpine:3.20 AS base\nCOPY $foo .\n',
      errors: [{ messageId: 'undefined', line: 2, column: 7, data: { name: 'foo', instruction: 'COPY' } }],
      output: null,
    },
    {
      name: 'an ARG default',
      code: 'FROM debian:12\nARG VERSION=$foo\n',
      errors: [{ messageId: 'undefined', line: 2, column: 14, data: { instruction: 'ARG' } }],
      output: null,
    },
    {
      name: 'a global ARG not declared again in the stage',
      code: 'ARG APP_VERSION=1.0\nFROM alpine:3.20\nLABEL version=$APP_VERSION\n',
      errors: [{ messageId: 'globalNotRedeclared', line: 3, column: 16, data: { name: 'APP_VERSION' } }],
      output: 'ARG APP_VERSION=1.0\nFROM alpine:3.20\nARG APP_VERSION\nLABEL version=$APP_VERSION\n',
    },
    {
      name: 'a platform ARG not declared in the stage, reported at its first use',
      code: 'FROM golang:1.23\nCOPY bin/$TARGETARCH/app /app\nENV ARCH=${TARGETARCH}\n',
      errors: [{ messageId: 'predefinedNotDeclared', line: 2, column: 11, data: { name: 'TARGETARCH' } }],
      output: 'FROM golang:1.23\nARG TARGETARCH\nCOPY bin/$TARGETARCH/app /app\nENV ARCH=${TARGETARCH}\n',
    },
    {
      name: 'HOME is not set at build time',
      code: 'FROM node:22\nENV PATH=$HOME/.npm-global/bin:$PATH\n',
      errors: [{ messageId: 'runtimeOnly', line: 2, column: 11, data: { name: 'HOME' } }],
      output: null,
    },
    {
      name: 'FROM with an undeclared ARG',
      code: 'FROM alpine:$TAG\n',
      errors: [{ messageId: 'undefinedInFrom', line: 1, column: 14, data: { name: 'TAG' } }],
      output: null,
    },
    {
      name: 'FROM with a misspelt global ARG',
      code: 'ARG ALPINE_VERSION=3.20\nFROM alpine:${ALPINE_VERSOIN}\n',
      errors: [{ messageId: 'typoInFrom', line: 2, column: 15, data: { suggestion: 'ALPINE_VERSION' } }],
      output: 'ARG ALPINE_VERSION=3.20\nFROM alpine:${ALPINE_VERSION}\n',
    },
    {
      name: 'a declared name no reference can spell is not suggested',
      code: 'ARG VA;IANT=6.0\nFROM mcr.microsoft.com/dotnet:${VARIANT}\n',
      errors: [{ messageId: 'undefinedInFrom', line: 2, column: 33, data: { name: 'VARIANT' } }],
      output: null,
    },
    {
      name: 'pairs of one ENV do not see each other',
      code: 'FROM alpine:3.20\nENV A=1 B=$A\n',
      errors: [{ messageId: 'undefined', line: 2, column: 12 }],
      output: null,
    },
    {
      name: 'a typo on an unknown base image',
      code: 'FROM mycorp/base:1\nENV APP_DIR=/app\nWORKDIR $APP_DRI\n',
      errors: [{ messageId: 'typo', line: 3, column: 10, data: { suggestion: 'APP_DIR' } }],
      output: 'FROM mycorp/base:1\nENV APP_DIR=/app\nWORKDIR $APP_DIR\n',
    },
    {
      name: 'RUN flags are expanded by the builder',
      code: 'FROM alpine:3.20\nRUN --mount=type=cache,target=$CACHE_DIR apk add curl\n',
      errors: [{ messageId: 'undefined', line: 2, column: 32 }],
      output: null,
    },
    {
      name: 'a global ARG default using an undeclared ARG',
      code: 'ARG IMAGE=$REGISTRY/app\nFROM alpine:3.20\n',
      errors: [{ messageId: 'undefined', line: 1, column: 12, data: { instruction: 'ARG' } }],
      output: null,
    },
    {
      name: 'a required variable is still undefined',
      code: 'FROM alpine:3.20\nUSER ${APP_USER:?required}\n',
      errors: [{ messageId: 'undefined', line: 2, column: 8 }],
      output: null,
    },
  ],
});
