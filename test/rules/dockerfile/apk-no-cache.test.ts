import { rule } from '../../../server/src/rules/dockerfile/apk-no-cache';
import { ruleTester } from '../../ruleTester';

ruleTester(rule, {
  valid: [
    {
      name: 'a builder stage that only COPY --from reads: its layers do not ship',
      code: 'FROM alpine:3.22 AS builder\nRUN apk add build-base\nRUN make\nFROM alpine:3.22\nCOPY --from=builder /out/app /usr/local/bin/app\n',
    },
    'FROM alpine:3.20\nRUN apk add --no-cache curl\n',
    { name: 'flag before the subcommand', code: 'FROM alpine:3.20\nRUN apk --no-cache add curl\n' },
    { name: 'cache mount on /var/cache/apk', code: 'FROM alpine:3.20\nRUN --mount=type=cache,target=/var/cache/apk apk add curl\n' },
    { name: 'cache mount on /etc/apk/cache', code: 'FROM alpine:3.20\nRUN --mount=type=cache,target=/etc/apk/cache/ apk add curl\n' },
    { name: '--no-network downloads nothing', code: 'FROM alpine:3.20\nRUN apk add --no-network --virtual .rundeps $runDeps\n' },
    { name: 'other apk subcommands', code: 'FROM alpine:3.20\nRUN apk update && apk del curl && apk info\n' },
    { name: 'the RUN removes the cache it made', code: 'FROM alpine:3.20\nRUN apk update && apk add curl && rm -rf /var/cache/apk/*\n' },
    { name: 'apk upgrade without --no-cache needs the updated index', code: 'FROM alpine:3.20\nRUN apk update && apk upgrade && apk add --no-cache curl\n' },
    { name: 'an update with nothing installed after it in the RUN', code: 'FROM alpine:3.20\nRUN apk update\n' },
    { name: 'add as a --repository value is no subcommand', code: 'FROM alpine:3.20\nRUN apk --repository add search curl\n' },
  ],
  invalid: [
    {
      code: 'FROM alpine:3.20\nRUN apk add curl\n',
      errors: [{ messageId: 'noCache', line: 2, column: 5, endLine: 2, endColumn: 12 }],
      output: 'FROM alpine:3.20\nRUN apk add --no-cache curl\n',
    },
    {
      name: 'virtual packages and continuation lines',
      code: 'FROM alpine:3.20\nRUN apk update \\\n && apk add --virtual .build-deps \\\n      gcc musl-dev\n',
      errors: [{ messageId: 'noCache', line: 3, column: 5, endLine: 3, endColumn: 12 }],
      output: 'FROM alpine:3.20\nRUN apk add --no-cache --virtual .build-deps \\\n      gcc musl-dev\n',
    },
    {
      name: 'apk update before apk add --no-cache only adds the index back',
      code: 'FROM alpine:3.20\nRUN apk update && apk add --no-cache curl\n',
      errors: [
        {
          messageId: 'updateNotNeeded',
          line: 2,
          column: 5,
          endLine: 2,
          endColumn: 15,
          severity: 'info',
          message:
            '`apk update` stores the package index in /var/cache/apk, which stays in the layer, and `apk add --no-cache` fetches a fresh index itself; remove `apk update`.',
        },
      ],
      output: 'FROM alpine:3.20\nRUN apk add --no-cache curl\n',
    },
    {
      name: 'apk update; on its own line, and apk upgrade --no-cache',
      code: 'FROM alpine:3.20\nRUN set -eux; \\\n    apk update; \\\n    apk upgrade --no-cache && apk add --no-cache tini\n',
      errors: [{ messageId: 'updateNotNeeded', line: 3, column: 5 }],
      output: 'FROM alpine:3.20\nRUN set -eux; \\\n    apk upgrade --no-cache && apk add --no-cache tini\n',
    },
    {
      name: 'an apk update joined by || is reported without a fix',
      code: 'FROM alpine:3.20\nRUN apk update || true; apk add --no-cache curl\n',
      errors: [{ messageId: 'updateNotNeeded', line: 2, column: 5 }],
      output: null,
    },
    {
      name: 'only the first add after the update takes it away',
      code: 'FROM alpine:3.20\nRUN apk update && apk add curl && apk add git\n',
      errors: [
        { messageId: 'noCache', line: 2, column: 19 },
        { messageId: 'noCache', line: 2, column: 35 },
      ],
      output: 'FROM alpine:3.20\nRUN apk add --no-cache curl && apk add --no-cache git\n',
    },
    {
      name: 'a cache mount on another folder does not count',
      code: 'FROM alpine:3.20\nRUN --mount=type=cache,target=/root/.cache apk add curl\n',
      errors: [{ messageId: 'noCache', line: 2, column: 44 }],
      output: 'FROM alpine:3.20\nRUN --mount=type=cache,target=/root/.cache apk add --no-cache curl\n',
    },
    {
      name: 'heredoc, sh -c and ONBUILD RUN',
      code: "FROM alpine:3.20\nRUN <<EOF\napk add curl\nEOF\nRUN sh -c 'apk add git'\nONBUILD RUN apk add make\n",
      errors: [
        { messageId: 'noCache', line: 3, column: 1 },
        { messageId: 'noCache', line: 5, column: 12 },
        { messageId: 'noCache', line: 6, column: 13 },
      ],
      output: "FROM alpine:3.20\nRUN <<EOF\napk add --no-cache curl\nEOF\nRUN sh -c 'apk add --no-cache git'\nONBUILD RUN apk add --no-cache make\n",
    },
    {
      name: 'a heredoc line of its own: apk update goes with its line',
      code: 'FROM alpine:3.20\nRUN <<EOF\napk update\napk add git\nEOF\n',
      errors: [{ messageId: 'noCache', line: 4, column: 1 }],
      output: 'FROM alpine:3.20\nRUN <<EOF\napk add --no-cache git\nEOF\n',
    },
    {
      name: 'exec form',
      code: 'FROM alpine:3.20\nRUN ["apk", "add", "curl"]\n',
      errors: [{ messageId: 'noCache', line: 2, column: 7 }],
      output: 'FROM alpine:3.20\nRUN ["apk", "add", "--no-cache", "curl"]\n',
    },
    {
      name: 'a quoted subcommand gets no fix',
      code: "FROM alpine:3.20\nRUN apk 'add' curl\n",
      errors: [{ messageId: 'noCache', line: 2, column: 5 }],
      output: null,
    },
  ],
});
