import { test } from 'node:test';
import assert from 'node:assert/strict';
import { emptyConfig } from '../../../server/src/engine/config';
import { lintFile } from '../../../server/src/engine/lint';
import { rule } from '../../../server/src/rules/dockerfile/apt-lists-not-cleaned';
import { Workspace } from '../../../server/src/workspace/workspace';
import { ruleTester } from '../../ruleTester';

ruleTester(rule, {
  valid: [
    {
      name: 'a builder stage that only COPY --from reads: its layers do not ship',
      code: 'FROM debian:bookworm AS builder\nRUN apt-get update && apt-get install -y --no-install-recommends build-essential\nFROM debian:bookworm-slim\nCOPY --from=builder /out /out\n',
    },
    'FROM debian:12\nRUN apt-get update && apt-get install -y curl && rm -rf /var/lib/apt/lists/*\n',
    { name: 'cleanup spelled without the glob', code: 'FROM debian:12\nRUN apt-get update && apt-get install -y curl && rm -r /var/lib/apt/lists/\n' },
    { name: 'apt-get distclean', code: 'FROM debian:13\nRUN apt-get update && apt-get install -y curl && apt-get distclean\n' },
    { name: 'cache mount on the lists', code: 'FROM debian:12\nRUN --mount=type=cache,target=/var/lib/apt/lists apt-get update && apt-get install -y curl\n' },
    {
      name: 'cache mount on /var/lib/apt',
      code: 'FROM debian:12\nRUN --mount=type=cache,target=/var/lib/apt/,sharing=locked apt-get update && apt-get install -y curl\n',
    },
    { name: 'tmpfs mount on the lists', code: 'FROM debian:12\nRUN --mount=type=tmpfs,dst=/var/lib/apt/lists apt-get update && apt-get install -y curl\n' },
    { name: 'no apt-get update', code: 'FROM debian:12\nRUN apt-get install -y ./local.deb\n' },
    { name: 'cleanup in a heredoc', code: 'FROM debian:12\nRUN <<EOF\napt-get update\napt-get install -y curl\nrm -rf /var/lib/apt/lists/*\nEOF\n' },
    {
      name: 'a build stage only copied from leaves no layers in the image',
      code: 'FROM debian:12 AS build\nRUN apt-get update && apt-get install -y gcc\nFROM gcr.io/distroless/base-debian12\nCOPY --from=build /out /out\n',
    },
    { name: 'apt-get update inside an echo', code: "FROM debian:12\nRUN echo 'apt-get update'\n" },
  ],
  invalid: [
    {
      code: 'FROM debian:12\nRUN apt-get update && apt-get install -y curl\n',
      errors: [{ messageId: 'lists', line: 2, column: 5, endLine: 2, endColumn: 19, data: { command: 'apt-get update' } }],
      output: 'FROM debian:12\nRUN apt-get update && apt-get install -y curl && rm -rf /var/lib/apt/lists/*\n',
    },
    {
      name: 'continuation lines: appended after the end of the last apt-get command',
      code: 'FROM debian:12\nRUN apt-get update \\\n && apt-get install -y \\\n      curl \\\n      git \\\n && echo done\n',
      errors: [{ messageId: 'lists', line: 2, column: 5 }],
      output: 'FROM debian:12\nRUN apt-get update \\\n && apt-get install -y \\\n      curl \\\n      git && rm -rf /var/lib/apt/lists/* \\\n && echo done\n',
    },
    {
      name: 'heredoc: appended to the last apt-get line',
      code: 'FROM debian:12\nRUN <<EOF\nset -e\napt-get update\napt-get install -y curl\necho ok\nEOF\n',
      errors: [{ messageId: 'lists', line: 4, column: 1 }],
      output: 'FROM debian:12\nRUN <<EOF\nset -e\napt-get update\napt-get install -y curl && rm -rf /var/lib/apt/lists/*\necho ok\nEOF\n',
    },
    {
      name: 'a cleanup before the update does not count',
      code: 'FROM debian:12\nRUN rm -rf /var/lib/apt/lists/* && apt update && apt install -y curl\n',
      errors: [{ messageId: 'lists', line: 2, column: 36, data: { command: 'apt update' } }],
      output: 'FROM debian:12\nRUN rm -rf /var/lib/apt/lists/* && apt update && apt install -y curl && rm -rf /var/lib/apt/lists/*\n',
    },
    {
      name: 'a cache mount elsewhere does not count',
      code: 'FROM debian:12\nRUN --mount=type=cache,target=/var/cache/apt apt-get update; apt-get install -y curl\n',
      errors: [{ messageId: 'lists', line: 2, column: 46 }],
      output: 'FROM debian:12\nRUN --mount=type=cache,target=/var/cache/apt apt-get update; apt-get install -y curl && rm -rf /var/lib/apt/lists/*\n',
    },
    {
      name: 'a stage that another builds on',
      code: 'FROM debian:12 AS base\nRUN apt-get update && apt-get install -y curl\nFROM base\nCMD ["curl"]\n',
      errors: [{ messageId: 'lists', line: 2, column: 5 }],
      output: 'FROM debian:12 AS base\nRUN apt-get update && apt-get install -y curl && rm -rf /var/lib/apt/lists/*\nFROM base\nCMD ["curl"]\n',
    },
    {
      name: 'ONBUILD RUN of a build stage still lands in an image',
      code: 'FROM debian:12 AS build\nONBUILD RUN apt-get update && apt-get install -y curl\nFROM alpine:3.20\n',
      errors: [{ messageId: 'lists', line: 2, column: 13 }],
      output: 'FROM debian:12 AS build\nONBUILD RUN apt-get update && apt-get install -y curl && rm -rf /var/lib/apt/lists/*\nFROM alpine:3.20\n',
    },
    {
      name: 'sh -c and exec-form sh -c: appended inside the script',
      code: 'FROM debian:12\nRUN sh -c \'apt-get update && apt-get install -y curl\'\nRUN ["bash", "-c", "apt-get update && apt-get install -y git"]\n',
      errors: [
        { messageId: 'lists', line: 2, column: 12 },
        { messageId: 'lists', line: 3, column: 21 },
      ],
      output:
        'FROM debian:12\nRUN sh -c \'apt-get update && apt-get install -y curl && rm -rf /var/lib/apt/lists/*\'\nRUN ["bash", "-c", "apt-get update && apt-get install -y git && rm -rf /var/lib/apt/lists/*"]\n',
    },
    {
      name: 'a later RUN installing without its own update: the fix is only offered as unsafe',
      code: 'FROM debian:12\nRUN apt-get update\nRUN apt-get install -y curl\n',
      errors: [{ messageId: 'lists', line: 2, column: 5 }],
      output: 'FROM debian:12\nRUN apt-get update && rm -rf /var/lib/apt/lists/*\nRUN apt-get install -y curl\n',
    },
    {
      name: 'exec form without a shell has nowhere to append',
      code: 'FROM debian:12\nRUN ["apt-get", "update"]\n',
      errors: [{ messageId: 'lists', line: 2, column: 7 }],
      output: null,
    },
    {
      name: 'a script with a shell syntax error gets no fix: where the next command starts is unknown',
      code: 'FROM debian:12\nRUN apt-get update && apt-get install -y curl dpkg-d(v\n',
      errors: [{ messageId: 'lists', line: 2, column: 5 }],
      output: null,
    },
    {
      name: 'a piped last apt-get command gets no fix',
      code: 'FROM debian:12\nRUN apt-get update && apt-get install -y curl | tee /log\n',
      errors: [{ messageId: 'lists', line: 2, column: 5 }],
      output: null,
    },
    {
      name: 'a redirected last apt-get command gets no fix',
      code: 'FROM debian:12\nRUN apt-get update && apt-get install -y curl > /dev/null\n',
      errors: [{ messageId: 'lists', line: 2, column: 5 }],
      output: null,
    },
  ],
});

test('dockerfile/apt-lists-not-cleaned: the fix is unsafe only when a later RUN relies on the lists', () => {
  const unsafeOf = (code: string) => {
    const workspace = new Workspace({ readFile: () => code });
    workspace.index('file:///project/Dockerfile');
    const file = workspace.get('file:///project/Dockerfile')!;
    return lintFile(file, workspace, emptyConfig, [rule]).map((finding) => finding.fixes[0]?.unsafe ?? false);
  };
  assert.deepEqual(unsafeOf('FROM debian:12\nRUN apt-get update\nRUN apt-get install -y curl\n'), [true]);
  assert.deepEqual(unsafeOf('FROM debian:12\nRUN apt-get update\nRUN apt-get update && apt-get install -y curl\n'), [false, false]);
  assert.deepEqual(unsafeOf('FROM debian:12\nRUN apt-get update && apt-get install -y curl\nRUN echo done\n'), [false]);
  assert.deepEqual(unsafeOf('FROM debian:12 AS base\nRUN apt-get update\nFROM base\nRUN apt-get install -y curl\n'), [true]);
  assert.deepEqual(unsafeOf('FROM debian:12 AS base\nRUN apt-get update\nFROM debian:12\nRUN apt-get install -y curl\nFROM base\n'), [false]);
});
