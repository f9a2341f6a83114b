import { rule } from '../../../server/src/rules/dockerfile/stage-name-casing';
import { ruleTester } from '../../ruleTester';

ruleTester(rule, {
  valid: [
    'FROM golang:1.23 AS build\nRUN go build -o /app .\nFROM alpine:3.20\nCOPY --from=build /app /app\n',
    { name: 'no stage name', code: 'FROM alpine:3.20\n' },
    { name: 'digits and dashes', code: 'FROM node:22 AS deps-2\n' },
  ],
  invalid: [
    {
      code: 'FROM golang:1.23 AS Builder\nRUN go build -o /app .\nFROM alpine:3.20\nCOPY --from=Builder /app /app\n',
      errors: [{ messageId: 'casing', line: 1, column: 21, endLine: 1, endColumn: 28, data: { name: 'Builder', lower: 'builder' } }],
      output: 'FROM golang:1.23 AS builder\nRUN go build -o /app .\nFROM alpine:3.20\nCOPY --from=builder /app /app\n',
    },
    {
      name: 'every kind of reference, in any casing',
      code: 'FROM node:22 AS DEPS\nRUN npm ci\nFROM DEPS AS Build\nFROM alpine:3.20\nRUN --mount=type=bind,from=Deps,source=/x,target=/x true\nONBUILD COPY --from=deps /a /a\nCOPY --from=BUILD /b /b\n',
      errors: [
        { messageId: 'casing', line: 1, column: 17, data: { name: 'DEPS' } },
        { messageId: 'casing', line: 3, column: 14, data: { name: 'Build' } },
      ],
      output:
        'FROM node:22 AS deps\nRUN npm ci\nFROM deps AS build\nFROM alpine:3.20\nRUN --mount=type=bind,from=deps,source=/x,target=/x true\nONBUILD COPY --from=deps /a /a\nCOPY --from=build /b /b\n',
    },
    {
      name: 'an image that merely shares the name is left alone before the stage exists',
      code: 'FROM alpine:3.20\nCOPY --from=Tools /bin/x /x\nFROM alpine:3.20 AS Tools\n',
      errors: [{ messageId: 'casing', line: 3, column: 21 }],
      output: 'FROM alpine:3.20\nCOPY --from=Tools /bin/x /x\nFROM alpine:3.20 AS tools\n',
    },
  ],
});
