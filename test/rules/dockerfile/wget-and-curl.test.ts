import { rule } from '../../../server/src/rules/dockerfile/wget-and-curl';
import { ruleTester } from '../../ruleTester';

ruleTester(rule, {
  valid: [
    'FROM debian:12\nRUN curl -fsSLO https://example.com/a && curl -fsSLO https://example.com/b\n',
    { name: 'one tool per stage', code: 'FROM debian:12 AS fetch\nRUN wget -q https://example.com/a\nFROM debian:12\nRUN curl -fsSLO https://example.com/b\n' },
    {
      name: 'ONBUILD triggers count apart from the stage',
      code: 'FROM debian:12\nRUN curl -fsSLO https://example.com/a\nONBUILD RUN wget -q https://example.com/b\n',
    },
    { name: 'names in arguments are not uses', code: 'FROM debian:12\nRUN apt-get install -y curl wget && echo curl\n' },
  ],
  invalid: [
    {
      code: 'FROM debian:12\nRUN curl -fsSLO https://example.com/a\nRUN wget -q https://example.com/b\n',
      errors: [{ messageId: 'both', line: 3, column: 5, endLine: 3, endColumn: 9, data: { other: 'curl', line: 2 } }],
    },
    {
      name: 'every later use of either tool, once both are in use',
      code: 'FROM debian:12\nRUN wget -q https://example.com/a && curl -fsSLO https://example.com/b\nRUN curl -fsSLO https://example.com/c\nRUN wget -q https://example.com/d\n',
      errors: [
        { messageId: 'both', line: 2, column: 38, data: { other: 'wget', line: 2 } },
        { messageId: 'both', line: 3, column: 5, data: { other: 'wget', line: 2 } },
        { messageId: 'both', line: 4, column: 5, data: { other: 'curl', line: 2 } },
      ],
    },
    {
      name: 'heredoc, sh -c and exec form',
      code: 'FROM debian:12\nRUN <<EOF\ncurl -fsSLO https://example.com/a\nEOF\nRUN sh -c "wget -q https://example.com/b"\nRUN ["/usr/bin/wget", "-q", "https://example.com/c"]\n',
      errors: [
        { messageId: 'both', line: 5, column: 12, data: { other: 'curl', line: 3 } },
        { messageId: 'both', line: 6, column: 7, data: { other: 'curl', line: 3 } },
      ],
    },
    {
      name: 'within ONBUILD triggers',
      code: 'FROM debian:12\nONBUILD RUN curl -fsSLO https://example.com/a\nONBUILD RUN wget -q https://example.com/b\n',
      errors: [{ messageId: 'both', line: 3, column: 13 }],
    },
  ],
});
