import { rule } from '../../../server/src/rules/dockerfile/backtick-substitution';
import { ruleTester } from '../../ruleTester';

ruleTester(rule, {
  valid: [
    'FROM debian:12\nRUN echo "built on $(date -u)" > /etc/build-info\n',
    { name: 'a backquote inside single quotes is text', code: "FROM debian:12\nRUN echo 'use `make` to build' > /README\n" },
    { name: 'a comment', code: 'FROM debian:12\n# run `make` first\nRUN make\n' },
  ],
  invalid: [
    {
      code: 'FROM debian:12\nRUN echo "built on `date -u`" > /etc/build-info\n',
      errors: [{ messageId: 'backticks', line: 2, column: 20, endColumn: 29, data: { text: '`date -u`' } }],
      output: 'FROM debian:12\nRUN echo "built on $(date -u)" > /etc/build-info\n',
    },
    {
      name: 'in an assignment and an argument, one finding',
      code: 'FROM debian:12\nRUN <<EOF\nARCH=`uname -m`\ncurl -o /tmp/x https://example.com/`uname -s`/$ARCH\nEOF\n',
      errors: [{ messageId: 'backticks', line: 3, column: 6, data: { text: '`uname -m`', also: '`uname -s` (line 4)' } }],
      output: 'FROM debian:12\nRUN <<EOF\nARCH=$(uname -m)\ncurl -o /tmp/x https://example.com/$(uname -s)/$ARCH\nEOF\n',
    },
    {
      name: 'escapes inside: no fix',
      code: 'FROM debian:12\nRUN echo `echo \\$HOME`\n',
      errors: [{ messageId: 'backticks', line: 2, column: 10 }],
      output: null,
    },
  ],
});
