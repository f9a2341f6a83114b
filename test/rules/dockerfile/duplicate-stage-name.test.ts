import { rule } from '../../../server/src/rules/dockerfile/duplicate-stage-name';
import { ruleTester } from '../../ruleTester';

ruleTester(rule, {
  valid: [
    'FROM golang:1.25 AS build\nFROM alpine:3.22 AS runtime\n',
    { name: 'unnamed stages', code: 'FROM golang:1.25\nFROM alpine:3.22\n' },
    { name: 'an image named like a stage', code: 'FROM node:22 AS node\nFROM node\n' },
  ],
  invalid: [
    {
      code: 'FROM golang:1.25 AS build\nFROM node:22 AS build\n',
      errors: [{ messageId: 'duplicate', line: 2, column: 17, endLine: 2, endColumn: 22, data: { name: 'build', line: 1 } }],
    },
    {
      name: 'case-insensitive, every repeat',
      code: 'FROM golang:1.25 AS build\nFROM node:22 AS Build\nFROM alpine:3.22 AS BUILD\n',
      errors: [
        { messageId: 'duplicate', line: 2, column: 17, data: { name: 'Build', line: 1 } },
        { messageId: 'duplicate', line: 3, column: 21, data: { name: 'BUILD', line: 1 } },
      ],
    },
  ],
});
