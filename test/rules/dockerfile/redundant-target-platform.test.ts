import { rule } from '../../../server/src/rules/dockerfile/redundant-target-platform';
import { ruleTester } from '../../ruleTester';

ruleTester(rule, {
  valid: [
    'FROM --platform=$BUILDPLATFORM golang:1.25 AS build\n',
    { name: 'no flag', code: 'FROM alpine:3.22\n' },
    { name: 'a derived value is not the default', code: 'FROM --platform=${TARGETOS}/${TARGETARCH} alpine:3.22\n' },
  ],
  invalid: [
    {
      code: 'FROM --platform=$TARGETPLATFORM alpine:3.22\n',
      errors: [{ messageId: 'redundant', line: 1, column: 6, endLine: 1, endColumn: 32, data: { platform: '$TARGETPLATFORM' } }],
      output: 'FROM alpine:3.22\n',
    },
    {
      name: 'braces, a stage name, a second stage',
      code: 'FROM --platform=$BUILDPLATFORM golang:1.25 AS build\nFROM  --platform=${TARGETPLATFORM}   alpine:3.22 AS run\n',
      errors: [{ messageId: 'redundant', line: 2, column: 7 }],
      output: 'FROM --platform=$BUILDPLATFORM golang:1.25 AS build\nFROM  alpine:3.22 AS run\n',
    },
  ],
});
