import { rule } from '../../../server/src/rules/dockerfile/invalid-definition-description';
import { ruleTester } from '../../ruleTester';

ruleTester(rule, {
  valid: [
    '# build compiles the CLI\nFROM golang:1.23 AS build\n# VERSION sets the release number\nARG VERSION=1\n',
    { name: 'comments separated by an empty line', code: '# some notes\n\nFROM alpine:3.20 AS base\n# more notes\n\nARG VERSION=1\n' },
    { name: 'a FROM without a stage name', code: '# the runtime image\nFROM alpine:3.20\n' },
    { name: 'a parser directive is not a comment', code: '# syntax=docker/dockerfile:1\nFROM alpine:3.20 AS base\n' },
    { name: 'linter pragmas are not descriptions', code: 'FROM alpine:3.20 AS base\n# hadolint ignore=DL3059\nARG VERSION=1\n' },
    { name: 'the name alone', code: 'FROM alpine:3.20\n# VERSION\nARG VERSION\n' },
    { name: 'one of several ARG names', code: 'FROM alpine:3.20\n# TARGETARCH picks the binary\nARG TARGETOS TARGETARCH\n' },
  ],
  invalid: [
    {
      code: '# a non-descriptive comment\nFROM scratch AS base\n',
      errors: [{ messageId: 'description', line: 1, column: 1, endLine: 1, endColumn: 28, data: { instruction: 'FROM', name: 'base' } }],
      output: '# a non-descriptive comment\n\nFROM scratch AS base\n',
    },
    {
      name: 'an ARG, the nearest comment line decides',
      code: 'FROM alpine:3.20\n# VERSION is the release\n# (bump it on every release)\nARG VERSION=1\n',
      errors: [{ messageId: 'description', line: 3, column: 1, data: { instruction: 'ARG', name: 'VERSION' } }],
      output: 'FROM alpine:3.20\n# VERSION is the release\n# (bump it on every release)\n\nARG VERSION=1\n',
    },
  ],
});
