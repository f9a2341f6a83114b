import { rule } from '../../../server/src/rules/dockerfile/copy-destination-trailing-slash';
import { ruleTester } from '../../ruleTester';

ruleTester(rule, {
  valid: [
    'FROM node:22\nCOPY package.json package-lock.json ./\n',
    { name: 'one source into a file name', code: 'FROM node:22\nCOPY package.json /app/package.json\n' },
    { name: 'JSON form with a directory', code: 'FROM node:22\nCOPY ["a.js", "b.js", "/app/"]\n' },
    { name: 'a variable destination', code: 'FROM node:22\nARG DEST=/app/\nCOPY a.js b.js $DEST\n' },
    { name: 'a braced variable ends the destination', code: 'FROM node:22\nARG DEST=/app/\nCOPY a.js b.js ${DEST}\n' },
    { name: 'flags are not sources', code: 'FROM node:22\nCOPY --chown=node:node --from=0 /src /app\n' },
  ],
  invalid: [
    {
      code: 'FROM node:22\nCOPY package.json package-lock.json .\n',
      errors: [{ messageId: 'notDirectory', line: 2, column: 37, endLine: 2, endColumn: 38, data: { count: 2, destination: '.' } }],
      output: 'FROM node:22\nCOPY package.json package-lock.json ./\n',
    },
    {
      name: 'ADD too, with flags',
      code: 'FROM alpine:3.22\nADD --chown=1000 https://example.com/a.bin https://example.com/b.bin /opt/bin\n',
      errors: [{ messageId: 'notDirectory', line: 2, column: 70, data: { instruction: 'ADD', destination: '/opt/bin' } }],
      output: 'FROM alpine:3.22\nADD --chown=1000 https://example.com/a.bin https://example.com/b.bin /opt/bin/\n',
    },
    {
      name: 'JSON form: the slash goes inside the quotes',
      code: 'FROM node:22\nCOPY ["a.js", "b.js", "/app"]\n',
      errors: [{ messageId: 'notDirectory', line: 2, column: 24 }],
      output: 'FROM node:22\nCOPY ["a.js", "b.js", "/app/"]\n',
    },
    {
      name: 'a quoted destination',
      code: 'FROM node:22\nCOPY a.js b.js "/srv/app"\n',
      errors: [{ messageId: 'notDirectory', line: 2, column: 16, data: { destination: '/srv/app' } }],
      output: 'FROM node:22\nCOPY a.js b.js "/srv/app/"\n',
    },
    {
      name: 'two here-documents',
      code: 'FROM alpine:3.22\nCOPY <<one <<two /etc/conf\nfirst\none\nsecond\ntwo\n',
      errors: [{ messageId: 'notDirectory', line: 2, column: 18 }],
      output: 'FROM alpine:3.22\nCOPY <<one <<two /etc/conf/\nfirst\none\nsecond\ntwo\n',
    },
    {
      name: 'a variable before the last path segment cannot supply the slash',
      code: 'FROM node:22\nARG ROOT=/srv\nCOPY a.js b.js $ROOT/app\n',
      errors: [{ messageId: 'notDirectory', line: 3, column: 16, data: { destination: '$ROOT/app' } }],
      output: 'FROM node:22\nARG ROOT=/srv\nCOPY a.js b.js $ROOT/app/\n',
    },
    {
      name: 'continuation lines',
      code: 'FROM node:22\nCOPY a.js \\\n     b.js \\\n     /app\n',
      errors: [{ messageId: 'notDirectory', line: 4, column: 6 }],
      output: 'FROM node:22\nCOPY a.js \\\n     b.js \\\n     /app/\n',
    },
  ],
});
