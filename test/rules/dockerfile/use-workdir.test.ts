import { rule } from '../../../server/src/rules/dockerfile/use-workdir';
import { ruleTester } from '../../ruleTester';

ruleTester(rule, {
  valid: [
    'FROM node:20\nWORKDIR /app\nRUN npm ci\n',
    { name: 'cd inside an argument', code: "FROM node:20\nRUN echo 'cd /app' >> /root/.bashrc\n" },
    { name: 'make -C instead of cd', code: 'FROM debian:12\nRUN make -C /src install\n' },
  ],
  invalid: [
    {
      code: 'FROM node:20\nRUN cd /app && npm ci\n',
      errors: [{ messageId: 'cd', line: 2, column: 5, endLine: 2, endColumn: 7 }],
    },
    {
      name: 'like hadolint, any cd fires, also in a subshell',
      code: 'FROM debian:12\nRUN (cd /tmp && make) && rm -rf /tmp/*\n',
      errors: [{ messageId: 'cd', line: 2, column: 6 }],
    },
    {
      name: 'ONBUILD, heredoc and sh -c',
      code: 'FROM node:20\nONBUILD RUN cd /src\nRUN <<EOF\ncd /app\nEOF\nRUN sh -c "cd /x && ls"\n',
      errors: [
        { messageId: 'cd', line: 2, column: 13 },
        { messageId: 'cd', line: 4, column: 1 },
        { messageId: 'cd', line: 6, column: 12 },
      ],
    },
  ],
});
