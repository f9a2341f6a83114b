import { rule } from '../../../server/src/rules/dockerfile/copy-from-own-stage';
import { ruleTester } from '../../ruleTester';

ruleTester(rule, {
  valid: [
    'FROM golang:1.25 AS build\nFROM alpine:3.22 AS app\nCOPY --from=build /app /app\n',
    {
      name: 'the same name in a later stage that copies from the earlier one',
      code: 'FROM alpine:3.22 AS base\nFROM alpine:3.22\nCOPY --from=base /etc/motd /etc/\n',
    },
    { name: 'no --from', code: 'FROM alpine:3.22 AS app\nCOPY app /app\n' },
  ],
  invalid: [
    {
      code: 'FROM alpine:3.22 AS app\nCOPY --from=app /etc/motd /tmp/\n',
      errors: [{ messageId: 'ownStage', line: 2, column: 13, endLine: 2, endColumn: 16, data: { name: 'app' } }],
    },
    {
      name: 'by index',
      code: 'FROM alpine:3.22\nFROM alpine:3.22\nCOPY --from=1 /a /b\n',
      errors: [{ messageId: 'ownStage', line: 3, column: 13 }],
    },
    {
      name: 'different case',
      code: 'FROM alpine:3.22 AS App\nCOPY --from=app /a /b\n',
      errors: [{ messageId: 'ownStage', line: 2, column: 13 }],
    },
  ],
});
