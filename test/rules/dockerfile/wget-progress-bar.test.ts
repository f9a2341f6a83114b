import { rule } from '../../../server/src/rules/dockerfile/wget-progress-bar';
import { ruleTester } from '../../ruleTester';

ruleTester(rule, {
  valid: [
    'FROM debian:12\nRUN wget --progress=dot:giga https://example.com/file.tar.gz\n',
    { name: '-q clustered with -O-', code: 'FROM alpine:3.20\nRUN wget -qO- https://example.com/install.sh | sh\n' },
    { name: '--quiet, -nv and --no-verbose', code: 'FROM debian:12\nRUN wget --quiet a && wget -nv b && wget --no-verbose c\n' },
    { name: 'a log file', code: 'FROM debian:12\nRUN wget -o /tmp/wget.log a && wget --append-output=/tmp/wget.log b\n' },
    { name: '--progress as a separate word', code: 'FROM debian:12\nRUN wget --progress dot:mega https://example.com/f\n' },
    { name: 'curl is another tool', code: 'FROM debian:12\nRUN curl -fsSLO https://example.com/f\n' },
  ],
  invalid: [
    {
      code: 'FROM debian:12\nRUN wget https://example.com/file.tar.gz\n',
      errors: [{ messageId: 'progress', line: 2, column: 5, endLine: 2, endColumn: 9 }],
    },
    {
      name: 'an output document is not a log file; -nc is not -nv',
      code: 'FROM debian:12\nRUN wget -O /tmp/f https://example.com/f && wget -nc https://example.com/g\n',
      errors: [
        { messageId: 'progress', line: 2, column: 5 },
        { messageId: 'progress', line: 2, column: 45 },
      ],
    },
    {
      name: 'a q inside an -O value is not -q',
      code: 'FROM debian:12\nRUN wget -Oq.tar https://example.com/f\n',
      errors: [{ messageId: 'progress', line: 2, column: 5 }],
    },
    {
      name: 'heredoc, sh -c, exec form and ONBUILD RUN',
      code: 'FROM debian:12\nRUN <<EOF\nwget a\nEOF\nRUN sh -c "wget b"\nRUN ["wget", "c"]\nONBUILD RUN /usr/bin/wget d\n',
      errors: [
        { messageId: 'progress', line: 3, column: 1 },
        { messageId: 'progress', line: 5, column: 12 },
        { messageId: 'progress', line: 6, column: 7 },
        { messageId: 'progress', line: 7, column: 13, endLine: 7, endColumn: 26 },
      ],
    },
  ],
});
