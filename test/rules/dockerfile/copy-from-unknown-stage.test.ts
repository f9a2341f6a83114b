import { rule } from '../../../server/src/rules/dockerfile/copy-from-unknown-stage';
import { ruleTester } from '../../ruleTester';

ruleTester(rule, {
  valid: [
    'FROM golang:1.25 AS build\nRUN go build -o /app .\nFROM alpine:3.22\nCOPY --from=build /app /app\n',
    { name: 'stage names compare case-insensitively', code: 'FROM golang:1.25 AS Build\nFROM alpine:3.22\nCOPY --from=BUILD /app /app\n' },
    { name: 'an earlier stage by index', code: 'FROM golang:1.25\nFROM alpine:3.22\nCOPY --from=0 /go/bin/app /app\n' },
    { name: 'an image with a tag', code: 'FROM alpine:3.22\nCOPY --from=nginx:1.29 /etc/nginx/nginx.conf /etc/nginx/\n' },
    { name: 'an image with a registry', code: 'FROM alpine:3.22\nCOPY --from=ghcr.io/acme/tools /bin/tool /usr/local/bin/\n' },
    {
      name: 'an image by digest',
      code: 'FROM alpine:3.22\nCOPY --from=busybox@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef /bin/busybox /bin/\n',
    },
    { name: 'a variable', code: 'ARG TOOLS=tools\nFROM alpine:3.22\nCOPY --from=${TOOLS} /bin/tool /bin/\n' },
    { name: "its own stage is copy-from-own-stage's business", code: 'FROM alpine:3.22 AS app\nCOPY --from=app /a /b\n' },
    { name: 'ONBUILD refers to stages of a later build', code: 'FROM alpine:3.22\nONBUILD COPY --from=builder /app /app\n' },
  ],
  invalid: [
    {
      code: 'FROM golang:1.25 AS builder\nFROM alpine:3.22\nCOPY --from=buidler /app /app\n',
      errors: [{ messageId: 'undefinedStage', line: 3, column: 13, endLine: 3, endColumn: 20, data: { name: 'buidler' } }],
      output: 'FROM golang:1.25 AS builder\nFROM alpine:3.22\nCOPY --from=builder /app /app\n',
    },
    {
      name: 'a stage defined further down',
      code: 'FROM alpine:3.22 AS app\nCOPY --from=assets /dist /srv\nFROM node:22 AS assets\n',
      errors: [{ messageId: 'laterStage', line: 2, column: 13, data: { name: 'assets', line: 3 } }],
      output: null,
    },
    {
      name: 'an index that is not earlier',
      code: 'FROM alpine:3.22\nCOPY --from=3 /a /b\n',
      errors: [{ messageId: 'undefinedStage', line: 2, column: 13 }],
      output: null,
    },
    {
      name: 'a bare image name without tag',
      code: 'FROM alpine:3.22\nCOPY --from=nginx /etc/nginx/nginx.conf /etc/nginx/\n',
      errors: [{ messageId: 'undefinedStage', line: 2, column: 13, data: { name: 'nginx' } }],
      output: null,
    },
    {
      name: 'only earlier stages are suggested, with their spelling',
      code: 'FROM node:22 AS WebAssets\nFROM nginx:1.29\nCOPY --from=webasset /dist /usr/share/nginx/html\nFROM node:22 AS webassets2\n',
      errors: [{ messageId: 'undefinedStage', line: 3, column: 13, data: { name: 'webasset' } }],
      output: 'FROM node:22 AS WebAssets\nFROM nginx:1.29\nCOPY --from=WebAssets /dist /usr/share/nginx/html\nFROM node:22 AS webassets2\n',
    },
  ],
});
