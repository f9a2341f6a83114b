import { rule } from '../../../server/src/rules/dockerfile/copy-whole-filesystem';
import { ruleTester } from '../../ruleTester';

ruleTester(rule, {
  valid: [
    'FROM golang:1.25 AS build\nFROM scratch\nCOPY --from=build /go/bin/app /app\n',
    { name: 'the root of the build context', code: 'FROM alpine:3.22\nCOPY / /\n' },
    { name: 'a whole filesystem into a subfolder', code: 'FROM alpine:3.22 AS rootfs\nFROM alpine:3.22\nCOPY --from=rootfs / /rootfs/\n' },
    {
      name: "tonistiigi/xx is made to be copied whole, and a builder stage's layers do not ship anyway",
      code: 'FROM --platform=$BUILDPLATFORM tonistiigi/xx:1.6.1 AS xx\nFROM --platform=$BUILDPLATFORM golang:1.25-alpine AS build\nCOPY --from=xx / /\nRUN xx-go build -o /out/app .\nFROM alpine:3.22\nCOPY --from=xx / /\nCOPY --from=build /out/app /usr/bin/app\n',
    },
    {
      name: 'a stage that only gathers files holds just what was put there',
      code: 'FROM golang:1.25 AS build\nRUN go build -o /out/app .\nFROM scratch AS binaries\nCOPY --from=build /out/app /app\nFROM alpine:3.22\nCOPY --link --from=binaries / /\n',
    },
  ],
  invalid: [
    {
      code: 'FROM debian:bookworm AS build\nRUN apt-get update\nFROM scratch\nCOPY --from=build / /\n',
      errors: [{ messageId: 'wholeFilesystem', line: 4, column: 1, endLine: 4, endColumn: 22, data: { from: 'build' } }],
    },
    {
      name: 'JSON form from an image',
      code: 'FROM scratch\nCOPY --from=alpine:3.22 ["/", "/"]\n',
      errors: [{ messageId: 'wholeFilesystem', line: 2, column: 1, data: { from: 'alpine:3.22' } }],
    },
    {
      name: 'a dev environment stage: info',
      code: 'FROM node:22-bookworm-slim AS builder\nFROM builder AS dev-envs\nCOPY --from=gloursdocker/docker / /\n',
      errors: [{ messageId: 'wholeFilesystem', line: 3, column: 1, severity: 'info', data: { from: 'gloursdocker/docker' } }],
    },
  ],
});
