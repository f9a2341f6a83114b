import { rule } from '../../../server/src/rules/dockerfile/copy-whole-filesystem';
import { ruleTester } from '../../ruleTester';

ruleTester(rule, {
  valid: [
    'FROM golang:1.25 AS build\nFROM scratch\nCOPY --from=build /go/bin/app /app\n',
    { name: 'the root of the build context', code: 'FROM alpine:3.22\nCOPY / /\n' },
    { name: 'a whole filesystem into a subfolder', code: 'FROM alpine:3.22 AS rootfs\nFROM alpine:3.22\nCOPY --from=rootfs / /rootfs/\n' },
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
  ],
});
