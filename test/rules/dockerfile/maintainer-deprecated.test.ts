import { rule } from '../../../server/src/rules/dockerfile/maintainer-deprecated';
import { ruleTester } from '../../ruleTester';

ruleTester(rule, {
  valid: [
    'FROM alpine:3.22\nLABEL org.opencontainers.image.authors="ops@example.com"\n',
    { name: 'the word in a comment', code: 'FROM alpine:3.22\n# MAINTAINER ops@example.com\n' },
    { name: 'the word in a RUN', code: 'FROM alpine:3.22\nRUN echo MAINTAINER\n' },
  ],
  invalid: [
    {
      code: 'FROM alpine:3.22\nMAINTAINER Jane Doe <jane@example.com>\n',
      errors: [{ messageId: 'maintainer', line: 2, column: 1, endLine: 2, endColumn: 11 }],
      output: 'FROM alpine:3.22\nLABEL org.opencontainers.image.authors="Jane Doe <jane@example.com>"\n',
    },
    {
      name: 'a fully quoted value',
      code: 'FROM alpine:3.22\nMAINTAINER "Jane Doe"\n',
      errors: [{ messageId: 'maintainer', line: 2, column: 1 }],
      output: 'FROM alpine:3.22\nLABEL org.opencontainers.image.authors="Jane Doe"\n',
    },
    {
      name: 'quotes that group words are dropped; backslashes and dollars are escaped',
      code: 'FROM alpine:3.22\nMAINTAINER "Jane Doe" <jane$ops@example.com> \\o/\n',
      errors: [{ messageId: 'maintainer', line: 2, column: 1 }],
      output: 'FROM alpine:3.22\nLABEL org.opencontainers.image.authors="Jane Doe <jane\\$ops@example.com> \\\\o/"\n',
    },
    {
      name: 'a lone quote is kept, escaped',
      code: 'FROM alpine:3.22\nMAINTAINER Sean O\'Brien, 12" display team\n',
      errors: [{ messageId: 'maintainer', line: 2, column: 1 }],
      output: 'FROM alpine:3.22\nLABEL org.opencontainers.image.authors="Sean O\'Brien, 12\\" display team"\n',
    },
    {
      name: 'lower-case instruction, several stages',
      code: 'from alpine:3.22 AS a\nmaintainer ops\nfrom alpine:3.22\nmaintainer ops\n',
      errors: [
        { messageId: 'maintainer', line: 2, column: 1 },
        { messageId: 'maintainer', line: 4, column: 1 },
      ],
      output: 'from alpine:3.22 AS a\nlabel org.opencontainers.image.authors="ops"\nfrom alpine:3.22\nlabel org.opencontainers.image.authors="ops"\n',
    },
    {
      name: 'a MAINTAINER that names nobody has no value for the label',
      code: 'FROM alpine:3.22\nMAINTAINER\n',
      errors: [{ messageId: 'maintainer', line: 2, column: 1 }],
      output: null,
    },
  ],
});
