import { rule } from '../../../server/src/rules/dockerfile/use-workdir';
import { ruleTester } from '../../ruleTester';

ruleTester(rule, {
  valid: [
    'FROM node:20\nWORKDIR /app\nRUN npm ci\n',
    { name: 'cd inside an argument', code: "FROM node:20\nRUN echo 'cd /app' >> /root/.bashrc\n" },
    { name: 'make -C instead of cd', code: 'FROM debian:12\nRUN make -C /src install\n' },
    {
      name: 'building from source in a directory the RUN deletes again',
      code: 'FROM debian:12\nRUN mkdir -p /usr/src/redis && cd /usr/src/redis && make && make install && cd / && rm -rf /usr/src/redis\n',
    },
    { name: 'a scratch directory', code: 'FROM debian:12\nRUN cd /tmp && curl -fsSLO https://example.com/x.tgz && tar xzf x.tgz\n' },
    { name: 'a directory named by a command substitution', code: 'FROM debian:12\nRUN cd "$(mktemp -d)" && make -f /src/Makefile\n' },
    { name: 'going back', code: 'FROM debian:12\nRUN cd - && cd / && cd ..\n' },
    {
      name: 'a cd further down the script, into what it unpacked',
      code: 'FROM debian:12\nRUN curl -fsSLO https://example.com/php.tar.xz && tar xf php.tar.xz -C /usr/src && cd /usr/src/php && ./configure && make install\n',
    },
  ],
  invalid: [
    {
      code: 'FROM node:20\nRUN cd /app && npm ci\n',
      errors: [{ messageId: 'cd', line: 2, column: 5, endLine: 2, endColumn: 7 }],
    },
    {
      name: 'also in a subshell',
      code: 'FROM debian:12\nRUN (cd /src && make)\n',
      errors: [{ messageId: 'cd', line: 2, column: 6 }],
    },
    {
      name: 'one finding per RUN, on the cd it starts with',
      code: 'FROM node:20\nRUN cd /app && npm ci && cd /app/web && npm ci\n',
      errors: [{ messageId: 'cd', line: 2, column: 5 }],
    },
    {
      name: 'ONBUILD and heredoc',
      code: 'FROM node:20\nONBUILD RUN cd /src\nRUN <<EOF\ncd /app\nls\nEOF\n',
      errors: [
        { messageId: 'cd', line: 2, column: 13 },
        { messageId: 'cd', line: 4, column: 1 },
      ],
    },
    {
      name: 'info in a stage whose layers do not ship, saying so',
      code: 'FROM node:24 AS build\nRUN cd /app && npm ci\nFROM node:24-slim\nCOPY --from=build /app /app\n',
      errors: [
        {
          messageId: 'cd',
          column: 5,
          message:
            '`cd` only lasts for this RUN and hides where the commands run; set the directory with a WORKDIR instruction instead (stage "build" does not ship: only later stages\' COPY --from reads it).',
          severity: 'info',
          line: 2,
        },
      ],
    },
  ],
});
