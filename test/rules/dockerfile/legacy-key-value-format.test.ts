import { rule } from '../../../server/src/rules/dockerfile/legacy-key-value-format';
import { ruleTester } from '../../ruleTester';

ruleTester(rule, {
  valid: [
    'FROM alpine:3.20\nENV A=1 B="two words"\nLABEL org.opencontainers.image.title="demo"\n',
    { name: 'ARG with two names declares two ARGs', code: 'FROM alpine:3.20\nARG TARGETOS TARGETARCH\n' },
    { name: 'a multi-line key=value', code: 'FROM alpine:3.20\nENV DEPS="\\\n    curl \\\n    git"\n' },
  ],
  invalid: [
    {
      code: 'FROM alpine:3.20\nENV NODE_ENV production\n',
      errors: [{ messageId: 'legacy', line: 2, column: 5, endLine: 2, endColumn: 24, data: { instruction: 'ENV', name: 'NODE_ENV' } }],
      output: 'FROM alpine:3.20\nENV NODE_ENV=production\n',
    },
    {
      name: 'a value with blanks is quoted',
      code: 'FROM alpine:3.20\nENV GREETING hello   big $NAME\n',
      errors: [{ messageId: 'legacy', line: 2, column: 5 }],
      output: 'FROM alpine:3.20\nENV GREETING="hello   big $NAME"\n',
    },
    {
      name: 'an already quoted value',
      code: 'FROM alpine:3.20\nLABEL description "a small image"\n',
      errors: [{ messageId: 'legacy', line: 2, column: 7, data: { instruction: 'LABEL' } }],
      output: 'FROM alpine:3.20\nLABEL description="a small image"\n',
    },
    {
      name: 'a value continued over lines',
      code: 'FROM alpine:3.20\nENV DEPS \\\n    curl \\\n    git\nRUN apk add $DEPS\n',
      errors: [{ messageId: 'legacy', line: 2, column: 5 }],
      output: 'FROM alpine:3.20\nENV DEPS="curl \\\n    git"\nRUN apk add $DEPS\n',
    },
    {
      name: 'quotes inside a value with blanks: no fix',
      code: 'FROM alpine:3.20\nENV MOTD it\'s "fine" here\n',
      errors: [{ messageId: 'legacy', line: 2, column: 5 }],
      output: null,
    },
  ],
});
