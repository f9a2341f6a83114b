import { rule } from '../../../server/src/rules/compose/build-target-not-found';
import { ruleTester } from '../../ruleTester';

const MULTI_STAGE = 'FROM node:22 AS build\nRUN npm ci\nFROM node:22-alpine AS Production\nCOPY --from=build /app /app\n';

ruleTester(rule, {
  valid: [
    {
      name: 'the target is a stage (names compare case-insensitively)',
      code: 'services:\n  app:\n    build:\n      context: .\n      target: production\n  db:\n    image: postgres:17\n',
      files: { Dockerfile: MULTI_STAGE },
    },
    { name: 'the Dockerfile is missing: compose/path-not-found says so', code: 'services:\n  app:\n    build:\n      context: .\n      target: dev\n' },
    {
      name: 'a remote context is not read',
      code: 'services:\n  app:\n    build:\n      context: https://github.com/acme/app.git#main\n      target: dev\n',
      files: { Dockerfile: MULTI_STAGE },
    },
    {
      name: 'an override replaces the target',
      code: 'services:\n  app:\n    build:\n      context: ./app\n      target: dev\n',
      files: { 'app/Dockerfile': MULTI_STAGE, 'compose.override.yaml': 'services:\n  app:\n    build:\n      target: build\n' },
    },
    {
      name: 'a target from a variable without a value',
      code: 'services:\n  app:\n    build:\n      context: .\n      target: ${STAGE}\n',
      files: { Dockerfile: MULTI_STAGE },
    },
    {
      name: 'stage names from an ARG are not known',
      code: 'services:\n  app:\n    build:\n      context: .\n      target: debug\n',
      files: { Dockerfile: 'ARG STAGE=prod\nFROM alpine:3.22 AS ${STAGE}\n' },
    },
    {
      name: 'the Dockerfile named by build.dockerfile, inside the context',
      code: 'services:\n  api:\n    build:\n      context: ./api\n      dockerfile: docker/api.Dockerfile\n      target: runtime\n',
      files: { 'api/docker/api.Dockerfile': 'FROM golang:1.25 AS build\nFROM gcr.io/distroless/static:nonroot AS runtime\n' },
    },
  ],
  invalid: [
    {
      name: 'the seed example: a development target the Dockerfile does not define',
      code: "version: '3.8'\nservices:\n  app:\n    build:\n      context: .\n      target: development\n    ports:\n      - '3000:3000'\n  database:\n    image: postgres:15-alpine\n",
      files: { Dockerfile: 'FROM node:18-alpine AS builder\nRUN npm ci\nFROM node:18-alpine AS production\nCOPY --from=builder /app /app\n' },
      errors: [
        {
          messageId: 'notFound',
          line: 6,
          column: 15,
          endLine: 6,
          endColumn: 26,
          data: { target: 'development', stages: 'builder, production', dockerfile: 'Dockerfile' },
        },
      ],
      output:
        "version: '3.8'\nservices:\n  app:\n    build:\n      context: .\n      target: builder\n    ports:\n      - '3000:3000'\n  database:\n    image: postgres:15-alpine\n",
    },
    {
      name: 'a misspelt stage: the closest one comes first, quotes kept',
      code: 'services:\n  app:\n    build:\n      context: ./web\n      target: "prodution"\n',
      files: { 'web/Dockerfile': MULTI_STAGE },
      errors: [{ messageId: 'notFound', line: 5, column: 15, data: { dockerfile: './web/Dockerfile' } }],
      output: 'services:\n  app:\n    build:\n      context: ./web\n      target: "Production"\n',
    },
    {
      name: 'a Dockerfile without named stages',
      code: 'services:\n  worker:\n    build:\n      context: worker\n      dockerfile: Containerfile\n      target: prod\n',
      files: { 'worker/Containerfile': 'FROM python:3.13-slim\nCMD ["python", "-m", "worker"]\n' },
      errors: [{ messageId: 'noNamedStages', line: 6, column: 15 }],
      output: null,
    },
    {
      name: 'dockerfile_inline',
      code: 'services:\n  tool:\n    build:\n      dockerfile_inline: |\n        FROM alpine:3.22 AS base\n        RUN apk add --no-cache curl\n      target: final\n',
      errors: [{ messageId: 'notFound', line: 7, column: 15, data: { dockerfile: 'inline' } }],
      output:
        'services:\n  tool:\n    build:\n      dockerfile_inline: |\n        FROM alpine:3.22 AS base\n        RUN apk add --no-cache curl\n      target: base\n',
    },
    {
      name: 'the target in an override, the context in the base file',
      filename: 'compose.override.yaml',
      code: 'services:\n  app:\n    build:\n      target: debug\n',
      files: { 'compose.yaml': 'services:\n  app:\n    build: ./app\n', 'app/Dockerfile': MULTI_STAGE },
      errors: [{ messageId: 'notFound', line: 4, column: 15, data: { dockerfile: './app/Dockerfile' } }],
      output: 'services:\n  app:\n    build:\n      target: build\n',
    },
    {
      name: 'an included file resolves its context against its own folder',
      filename: 'backend/compose.yaml',
      code: 'services:\n  api:\n    build:\n      context: .\n      target: tests\n',
      files: {
        'compose.yaml': 'include:\n  - backend/compose.yaml\nservices:\n  web:\n    image: nginx:1.29\n',
        'backend/Dockerfile': 'FROM python:3.13 AS test\n',
      },
      errors: [{ messageId: 'notFound', line: 5, column: 15 }],
      output: 'services:\n  api:\n    build:\n      context: .\n      target: test\n',
    },
    {
      name: 'a target from .env',
      code: 'services:\n  app:\n    build:\n      context: .\n      target: ${BUILD_STAGE}\n',
      files: { Dockerfile: MULTI_STAGE, '.env': 'BUILD_STAGE=dev\n' },
      errors: [{ messageId: 'notFound', line: 5, column: 15, data: { target: 'dev' } }],
      output: null,
    },
  ],
});
