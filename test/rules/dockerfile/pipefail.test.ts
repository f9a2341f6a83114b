import { test } from 'node:test';
import assert from 'node:assert/strict';
import { rule } from '../../../server/src/rules/dockerfile/pipefail';
import { lintCase, ruleTester } from '../../ruleTester';

const BASH = 'SHELL ["/bin/bash", "-o", "pipefail", "-c"]';
const ASH = 'SHELL ["/bin/ash", "-eo", "pipefail", "-c"]';

ruleTester(rule, {
  valid: [
    `FROM debian:12\n${BASH}\nRUN curl -fsSL https://example.com/install.sh | bash\n`,
    { name: 'ash with -eo pipefail on Alpine', code: `FROM alpine:3.20\n${ASH}\nRUN wget -qO- https://example.com/x | tar -xz\n` },
    {
      name: 'zsh, dash and ksh by their base name',
      code: 'FROM debian:12\nSHELL ["/usr/bin/zsh", "-o", "pipefail", "-c"]\nRUN a | b\nSHELL ["dash", "-o", "pipefail", "-c"]\nRUN c | d\nSHELL ["/bin/ksh", "-o", "pipefail", "-c"]\nRUN e | f\n',
    },
    { name: 'the script sets pipefail before its first pipe', code: 'FROM debian:12\nRUN set -o pipefail && curl -fsSL https://x | sh\n' },
    { name: 'set -euo pipefail at the top of a heredoc', code: 'FROM debian:12\nRUN <<EOF\nset -euo pipefail\ncurl -fsSL https://x | sh\nEOF\n' },
    { name: 'no pipe: || and a quoted bar', code: "FROM debian:12\nRUN test -f x || echo 'a | b' > /tmp/y\n" },
    {
      name: 'PowerShell pipes are not POSIX pipes',
      code: 'FROM mcr.microsoft.com/windows/servercore:ltsc2022\nSHELL ["pwsh", "-Command"]\nRUN Get-ChildItem | Select-Object Name\n',
    },
    { name: 'the SHELL of the stage built on', code: `FROM debian:12 AS base\n${BASH}\nFROM base\nRUN a | b\n` },
    { name: 'exec form whose shell has pipefail', code: 'FROM debian:12\nRUN ["/bin/bash", "-o", "pipefail", "-c", "a | b"]\n' },
    { name: 'exec form without a shell', code: 'FROM debian:12\nRUN ["echo", "a | b"]\n' },
    {
      name: 'pipes fed by echo, printf and yes: nothing to miss (and pipefail would fail `yes |`)',
      code: [
        'FROM debian:12',
        'RUN echo "${NODE_SHA256}  node.tar.xz" | sha256sum -c -',
        "RUN printf 'deb http://deb.debian.org/debian bookworm-backports main\\n' | tee /etc/apt/sources.list.d/backports.list",
        'RUN yes | sdkmanager --licenses',
        '',
      ].join('\n'),
    },
    {
      name: 'pipes that end in grep or a checksum check fail by themselves when their input is missing',
      code: [
        'FROM debian:12',
        "RUN locale -a | grep 'en_US.utf8'",
        'RUN grep " node-v$NODE_VERSION-linux-x64.tar.gz\\$" SHASUMS256.txt.asc | sha256sum -c -',
        'RUN curl -fsSL https://example.com/SHA256SUMS | grep app.tar.gz | sha512sum --check',
        '',
      ].join('\n'),
    },
    { name: "a failing command in a substitution is not the pipe's to hide", code: 'FROM debian:12\nRUN echo "$(cat /etc/os-release)" | grep -q bookworm\n' },
  ],
  invalid: [
    {
      name: 'the message names the command whose failure goes unnoticed',
      code: 'FROM debian:12\nRUN echo "deb [signed-by=/k.gpg] https://x stable main" > /etc/apt/sources.list.d/x.list && curl -fsSL https://x/key | gpg --dearmor -o /k.gpg\n',
      errors: [
        {
          messageId: 'shellForm',
          message:
            'Only the last command of this pipe decides whether the RUN succeeds, so a failing `curl` goes unnoticed; set `SHELL ["/bin/bash", "-o", "pipefail", "-c"]` before this RUN, or start its script with `set -o pipefail`.',
          line: 2,
          column: 93,
        },
      ],
      output: `FROM debian:12\n${BASH}\nRUN echo "deb [signed-by=/k.gpg] https://x stable main" > /etc/apt/sources.list.d/x.list && curl -fsSL https://x/key | gpg --dearmor -o /k.gpg\n`,
    },
    {
      name: 'grep -v passes on empty input',
      code: 'FROM debian:12\nRUN curl -fsSL https://x/list | grep -v "^#" > /etc/list\n',
      errors: [{ messageId: 'shellForm', data: { program: '`curl`', shell: '["/bin/bash", "-o", "pipefail", "-c"]' }, line: 2, column: 5 }],
      output: `FROM debian:12\n${BASH}\nRUN curl -fsSL https://x/list | grep -v "^#" > /etc/list\n`,
    },
    {
      name: 'a pipe fed only by programs reading local state is info (the official images mark needed libraries so)',
      code: [
        'FROM debian:12',
        "RUN find /usr/local -type f -executable -exec ldd '{}' ';' \\",
        "  | awk '/=>/ { print $(NF-1) }' | sort -u | xargs -r dpkg-query --search | cut -d: -f1 | sort -u | xargs -r apt-mark manual",
        '',
      ].join('\n'),
      errors: [{ messageId: 'shellForm', data: { program: '`find`', shell: '["/bin/bash", "-o", "pipefail", "-c"]' }, severity: 'info', line: 2, column: 5 }],
      output: `FROM debian:12\n${BASH}\nRUN find /usr/local -type f -executable -exec ldd '{}' ';' \\\n  | awk '/=>/ { print $(NF-1) }' | sort -u | xargs -r dpkg-query --search | cut -d: -f1 | sort -u | xargs -r apt-mark manual\n`,
    },
    {
      name: 'xargs running a download is no local reader',
      code: 'FROM debian:12\nRUN cat urls.txt | xargs -n 1 curl -fsSLO | tee log\n',
      errors: [{ messageId: 'shellForm', data: { program: '`xargs`', shell: '["/bin/bash", "-o", "pipefail", "-c"]' }, line: 2, column: 20 }],
      output: `FROM debian:12\n${BASH}\nRUN cat urls.txt | xargs -n 1 curl -fsSLO | tee log\n`,
    },
    {
      name: 'echo first, then a command that can fail before the last',
      code: 'FROM debian:12\nRUN echo "$KEY" | base64 -d | tar -x\n',
      errors: [
        {
          messageId: 'shellForm',
          data: { program: '`base64`', shell: '["/bin/bash", "-o", "pipefail", "-c"]' },
          line: 2,
          column: 19,
          endLine: 2,
          endColumn: 37,
        },
      ],
      output: `FROM debian:12\n${BASH}\nRUN echo "$KEY" | base64 -d | tar -x\n`,
    },
    {
      name: 'a block before a pipe',
      code: 'FROM debian:12\nRUN { curl -fsSL https://x/a.tgz; } | tar -xz\n',
      errors: [{ messageId: 'shellForm', data: { program: '`curl`', shell: '["/bin/bash", "-o", "pipefail", "-c"]' }, line: 2, column: 7 }],
      output: `FROM debian:12\n${BASH}\nRUN { curl -fsSL https://x/a.tgz; } | tar -xz\n`,
    },
    {
      code: 'FROM debian:12\nRUN curl -fsSL https://example.com/install.sh | bash && echo ok\n',
      errors: [{ messageId: 'shellForm', line: 2, column: 5, endLine: 2, endColumn: 53, data: { shell: '["/bin/bash", "-o", "pipefail", "-c"]' } }],
      output: `FROM debian:12\n${BASH}\nRUN curl -fsSL https://example.com/install.sh | bash && echo ok\n`,
    },
    {
      name: 'Alpine gets ash, not bash',
      code: 'FROM alpine:3.20\nRUN wget -qO- https://example.com/x | tar -xz\n',
      errors: [{ messageId: 'shellForm', line: 2, column: 5, data: { shell: '["/bin/ash", "-eo", "pipefail", "-c"]' } }],
      output: `FROM alpine:3.20\n${ASH}\nRUN wget -qO- https://example.com/x | tar -xz\n`,
    },
    {
      name: 'an alpine tag of a language image, through a stage built on it',
      code: 'FROM node:20-alpine AS base\nFROM base\nRUN npm ls | sort\n',
      errors: [{ messageId: 'shellForm', line: 3, column: 5 }],
      output: `FROM node:20-alpine AS base\nFROM base\n${ASH}\nRUN npm ls | sort\n`,
    },
    {
      name: 'BusyBox gets ash',
      code: 'FROM busybox:1.36\nRUN cat /etc/passwd | wc -l\n',
      errors: [{ messageId: 'shellForm', line: 2, column: 5 }],
      output: `FROM busybox:1.36\n${ASH}\nRUN cat /etc/passwd | wc -l\n`,
    },
    {
      name: 'distroless has no shell to switch to: no fix',
      code: 'FROM gcr.io/distroless/base-debian12\nRUN a | b\n',
      errors: [{ messageId: 'shellForm', line: 2, column: 5 }],
      output: null,
    },
    {
      name: 'scratch: no fix',
      code: 'FROM scratch\nRUN a | b\n',
      errors: [{ messageId: 'shellForm', line: 2, column: 5 }],
      output: null,
    },
    {
      name: 'an unknown image gets bash (offered as an unsafe fix)',
      code: 'FROM registry.example.com/team/base:1.0\nRUN a | b\n',
      errors: [{ messageId: 'shellForm', line: 2, column: 5 }],
      output: `FROM registry.example.com/team/base:1.0\n${BASH}\nRUN a | b\n`,
    },
    {
      name: 'an existing bash SHELL gets the option',
      code: 'FROM debian:12\nSHELL ["/bin/bash", "-c"]\nRUN a | b\n',
      errors: [{ messageId: 'shellForm', line: 3, column: 5 }],
      output: 'FROM debian:12\nSHELL ["/bin/bash", "-o", "pipefail", "-c"]\nRUN a | b\n',
    },
    {
      name: 'sh -o pipefail is not trusted: what sh is differs between images',
      code: 'FROM debian:12\nSHELL ["/bin/sh", "-o", "pipefail", "-c"]\nRUN a | b\n',
      errors: [{ messageId: 'shellForm', line: 3, column: 5 }],
      output: `FROM debian:12\nSHELL ["/bin/sh", "-o", "pipefail", "-c"]\n${BASH}\nRUN a | b\n`,
    },
    {
      name: 'set -o pipefail after the pipe is too late',
      code: 'FROM debian:12\nRUN a | b; set -o pipefail\n',
      errors: [{ messageId: 'shellForm', line: 2, column: 5, endLine: 2, endColumn: 10 }],
      output: `FROM debian:12\n${BASH}\nRUN a | b; set -o pipefail\n`,
    },
    {
      name: 'every RUN under the same shell shares one SHELL line',
      code: 'FROM debian:12\nRUN echo start\nRUN a | b\nCOPY . .\n  RUN c | d\n',
      errors: [
        { messageId: 'shellForm', line: 3, column: 5 },
        { messageId: 'shellForm', line: 5, column: 7 },
      ],
      output: `FROM debian:12\nRUN echo start\n${BASH}\nRUN a | b\nCOPY . .\n  RUN c | d\n`,
    },
    {
      name: 'a later SHELL without pipefail needs its own fix; each stage its own',
      code: `FROM debian:12\n${BASH}\nRUN a | b\nSHELL ["/bin/sh", "-c"]\nRUN c | d\nFROM alpine:3.20\nRUN e | f\n`,
      errors: [
        { messageId: 'shellForm', line: 5, column: 5 },
        { messageId: 'shellForm', line: 7, column: 5 },
      ],
      output: `FROM debian:12\n${BASH}\nRUN a | b\nSHELL ["/bin/sh", "-c"]\n${BASH}\nRUN c | d\nFROM alpine:3.20\n${ASH}\nRUN e | f\n`,
    },
    {
      name: 'ONBUILD RUN: the SHELL goes before the ONBUILD',
      code: 'FROM debian:12\nONBUILD RUN a | b\n',
      errors: [{ messageId: 'shellForm', line: 2, column: 13 }],
      output: `FROM debian:12\n${BASH}\nONBUILD RUN a | b\n`,
    },
    {
      name: 'heredoc',
      code: 'FROM debian:12\nRUN <<EOF\necho start\nls | sort\nEOF\n',
      errors: [{ messageId: 'shellForm', line: 4, column: 1, endLine: 4, endColumn: 10 }],
      output: `FROM debian:12\n${BASH}\nRUN <<EOF\necho start\nls | sort\nEOF\n`,
    },
    {
      name: 'a pipe inside sh -c',
      code: "FROM debian:12\nRUN sh -c 'ls | sort'\n",
      errors: [{ messageId: 'shellForm', line: 2, column: 12 }],
      output: `FROM debian:12\n${BASH}\nRUN sh -c 'ls | sort'\n`,
    },
    {
      name: 'exec form with bash: the option goes into the array',
      code: 'FROM debian:12\nRUN ["bash", "-c", "ls | sort"]\n',
      errors: [{ messageId: 'execForm', line: 2, column: 5, endLine: 2, endColumn: 32 }],
      output: 'FROM debian:12\nRUN ["bash", "-o", "pipefail", "-c", "ls | sort"]\n',
    },
    {
      name: 'exec form with sh: no fix, sh may lack pipefail',
      code: 'FROM debian:12\nRUN ["/bin/sh", "-c", "ls | sort"]\n',
      errors: [{ messageId: 'execForm', line: 2, column: 5 }],
      output: null,
    },
  ],
});

test('dockerfile/pipefail: the new SHELL is unsafe only when the image may lack the shell', () => {
  const unsafeOf = (code: string) => lintCase(rule, { code }).map((finding) => finding.fixes[0]?.unsafe ?? false);
  assert.deepEqual(unsafeOf('FROM debian:12\nRUN a | b\n'), [false]);
  assert.deepEqual(unsafeOf('FROM alpine:3.20\nRUN a | b\n'), [false]);
  assert.deepEqual(unsafeOf('ARG BASE\nFROM $BASE\nRUN a | b\n'), [true]);
  assert.deepEqual(unsafeOf('FROM team/base:1\nSHELL ["/bin/bash", "-c"]\nRUN a | b\n'), [false]);
});
