import { rule } from '../../../server/src/rules/compose/port-not-exposed';
import { ruleTester } from '../../ruleTester';

const NODE_APP = 'FROM node:22 AS build\nRUN npm ci\nFROM node:22-alpine AS production\nEXPOSE 3000\nCMD ["node", "server.js"]\n';

ruleTester(rule, {
  valid: [
    {
      name: 'the published container port is exposed',
      code: 'services:\n  app:\n    build: .\n    ports:\n      - "127.0.0.1:8080:3000"\n  db:\n    image: postgres:17\n    ports: ["127.0.0.1:5432:5432"]\n',
      files: { Dockerfile: NODE_APP },
    },
    {
      name: 'a Dockerfile that exposes nothing says nothing',
      code: 'services:\n  app:\n    build: .\n    ports: ["8080:8080"]\n',
      files: { Dockerfile: 'FROM node:22-alpine\nCMD ["node", "server.js"]\n' },
    },
    {
      name: 'an EXPOSE from a build argument may be any port',
      code: 'services:\n  app:\n    build: .\n    ports: ["8081:8080"]\n',
      files: { Dockerfile: 'FROM node:22-alpine\nARG PORT=3000\nEXPOSE $PORT\n' },
    },
    {
      name: 'exposed by the stage it builds on, or by compose expose:',
      code: 'services:\n  app:\n    build:\n      context: .\n      target: debug\n    expose: ["9229"]\n    ports: ["3000:3000", "9229:9229"]\n',
      files: { Dockerfile: 'FROM node:22-alpine AS base\nEXPOSE 3000\nFROM base AS debug\nCMD ["node", "--inspect=0.0.0.0:9229", "server.js"]\n' },
    },
    {
      name: 'ranges and protocols',
      code: 'services:\n  sip:\n    build: .\n    ports: ["5060-5061:5060-5061/udp"]\n',
      files: { Dockerfile: 'FROM debian:trixie-slim\nEXPOSE 5060-5070/udp\n' },
    },
    { name: 'interpolated ports are skipped', code: 'services:\n  app:\n    build: .\n    ports: ["8080:${APP_PORT}"]\n', files: { Dockerfile: NODE_APP } },
    {
      name: 'an image without build is not judged',
      code: 'services:\n  web:\n    image: nginx:1.29\n    ports: ["8080:8080"]\n',
      files: { Dockerfile: NODE_APP },
    },
  ],
  invalid: [
    {
      name: 'a mapping to a port the image does not expose',
      code: 'services:\n  app:\n    build: .\n    ports:\n      - "127.0.0.1:8080:8080"\n  db:\n    image: postgres:17\n',
      files: { Dockerfile: NODE_APP },
      errors: [{ messageId: 'notExposed', line: 5, column: 9, data: { port: '8080/tcp', exposed: '3000/tcp' } }],
      output: 'services:\n  app:\n    build: .\n    ports:\n      - "127.0.0.1:8080:3000"\n  db:\n    image: postgres:17\n',
    },
    {
      name: 'long syntax, Dockerfile named in the build, target stage',
      code: 'services:\n  api:\n    build:\n      context: ./api\n      dockerfile: api.Dockerfile\n      target: runtime\n    ports:\n      - target: 80\n        published: 8000\n        host_ip: 127.0.0.1\n',
      files: { 'api/api.Dockerfile': 'FROM golang:1.25 AS build\nEXPOSE 6060\nFROM gcr.io/distroless/static:nonroot AS runtime\nEXPOSE 8000\n' },
      errors: [{ messageId: 'notExposed', line: 8, column: 17, data: { exposed: '8000/tcp', dockerfile: './api/api.Dockerfile' } }],
      output:
        'services:\n  api:\n    build:\n      context: ./api\n      dockerfile: api.Dockerfile\n      target: runtime\n    ports:\n      - target: 8000\n        published: 8000\n        host_ip: 127.0.0.1\n',
    },
    {
      name: 'several exposed ports: no guess',
      code: 'services:\n  app:\n    build: .\n    ports: ["9000:9000/udp"]\n',
      files: { Dockerfile: 'FROM alpine:3.22\nEXPOSE 9000 9001\n' },
      errors: [{ messageId: 'notExposed', line: 4, column: 13, data: { port: '9000/udp', exposed: '9000/tcp, 9001/tcp' } }],
      output: null,
    },
    {
      name: 'a port added by an override',
      filename: 'compose.override.yaml',
      code: 'services:\n  app:\n    ports: ["9229:9229"]\n',
      files: { Dockerfile: NODE_APP, 'compose.yaml': 'services:\n  app:\n    build: .\n    ports: ["3000:3000"]\n' },
      errors: [{ messageId: 'notExposed', line: 3, column: 13 }],
      output: 'services:\n  app:\n    ports: ["9229:3000"]\n',
    },
  ],
});
