import { rule } from '../../../server/src/rules/dockerfile/from-platform-constant';
import { ruleTester } from '../../ruleTester';

ruleTester(rule, {
  valid: [
    'FROM --platform=$BUILDPLATFORM golang:1.25 AS build\n',
    { name: "target platform (redundant-target-platform's business)", code: 'FROM --platform=${TARGETPLATFORM} alpine:3.22\n' },
    { name: 'OS and architecture variables', code: 'FROM --platform=${TARGETOS}/${TARGETARCH} alpine:3.22\n' },
    { name: 'any build argument', code: 'ARG PLATFORM=linux/amd64\nFROM --platform=$PLATFORM alpine:3.22\n' },
    { name: 'a stage named after its architecture', code: 'FROM --platform=linux/arm64 alpine:3.22 AS rootfs-arm64\n' },
    { name: 'a stage named after its OS', code: 'FROM --platform=windows/amd64 mcr.microsoft.com/windows/nanoserver:ltsc2022 AS windows-tools\n' },
    { name: 'no flag', code: 'FROM alpine:3.22\n' },
  ],
  invalid: [
    {
      code: 'FROM --platform=linux/amd64 node:22\n',
      errors: [{ messageId: 'constant', line: 1, column: 6, endLine: 1, endColumn: 28, data: { platform: 'linux/amd64' } }],
    },
    {
      name: 'a stage name that does not mention the platform',
      code: 'FROM --platform=linux/arm/v7 alpine:3.22 AS build\n',
      errors: [{ messageId: 'constant', line: 1, column: 6, data: { platform: 'linux/arm/v7' } }],
    },
  ],
});
