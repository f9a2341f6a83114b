import { rule } from '../../../server/src/rules/dockerfile/consecutive-run';
import { ruleTester } from '../../ruleTester';

ruleTester(rule, {
  valid: [
    {
      name: 'a builder stage that only COPY --from reads: its layers do not ship',
      code: 'FROM golang:1.26 AS builder\nRUN go mod download\nRUN go build -o /app .\nFROM gcr.io/distroless/static-debian12\nCOPY --from=builder /app /app\n',
    },
    'FROM debian:12\nRUN apt-get update && apt-get install -y curl\n',
    { name: 'another instruction in between', code: 'FROM debian:12\nRUN echo a\nENV X=1\nRUN echo b\n' },
    { name: 'RUNs in different stages', code: 'FROM debian:12 AS a\nRUN echo a\nFROM debian:12\nRUN echo b\n' },
    {
      name: 'a long RUN was split on purpose',
      code: 'FROM debian:12\nRUN apt-get update && apt-get install -y curl && rm -rf /var/lib/apt/lists/*\nRUN echo done\n',
    },
    { name: 'a RUN with a mount', code: 'FROM node:20\nCOPY . .\nRUN --mount=type=cache,target=/root/.npm npm ci\nRUN npm run build\n' },
    {
      name: 'both with the same mount: kept apart for the cache',
      code: 'FROM node:20\nRUN --mount=type=cache,target=/root/.npm npm ci\nRUN --mount=type=cache,target=/root/.npm npm test\n',
    },
    { name: 'different network flags', code: 'FROM node:20\nRUN --network=none echo a\nRUN echo b\n' },
    { name: 'ONBUILD RUNs are not RUNs of this build', code: 'FROM node:20\nONBUILD RUN npm ci\nONBUILD RUN npm run build\n' },
  ],
  invalid: [
    {
      code: 'FROM debian:12\nRUN apt-get update\nRUN apt-get install -y curl\n',
      errors: [{ messageId: 'consecutive', line: 3, column: 1, endLine: 3, endColumn: 4 }],
    },
    {
      name: 'comments do not separate RUNs; a chain fires at each follower',
      code: 'FROM debian:12\nRUN echo a\n# why\nRUN echo b\nrun echo c\n',
      errors: [
        { messageId: 'consecutive', line: 4, column: 1 },
        { messageId: 'consecutive', line: 5, column: 1 },
      ],
    },
    {
      name: 'the same non-mount flags',
      code: 'FROM debian:12\nRUN --network=none echo a\nRUN --network=none echo b\n',
      errors: [{ messageId: 'consecutive', line: 3, column: 1 }],
    },
    {
      name: 'heredoc and exec form',
      code: 'FROM debian:12\nRUN <<EOF\necho a\nEOF\nRUN ["echo", "b"]\n',
      errors: [{ messageId: 'consecutive', line: 5, column: 1 }],
    },
  ],
});
