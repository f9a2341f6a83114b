import { rule } from '../../../server/src/rules/dockerfile/env-self-reference';
import { ruleTester } from '../../ruleTester';

ruleTester(rule, {
  valid: [
    'FROM alpine:3.22\nENV APP_HOME=/srv/app\nENV APP_BIN=$APP_HOME/bin\n',
    { name: 'a variable extending its own earlier value', code: 'FROM alpine:3.22\nENV PATH=/opt/tool/bin:$PATH LANG=C.UTF-8\n' },
    { name: 'defined by an earlier ARG', code: 'FROM alpine:3.22\nARG VERSION=1.0\nENV VERSION=$VERSION LABEL=app-$VERSION\n' },
    { name: 'defined in the stage built on', code: 'FROM alpine:3.22 AS base\nENV ROOT=/srv\nFROM base\nENV ROOT=/opt DATA=${ROOT}/data\n' },
    { name: 'single quotes do not expand', code: "FROM alpine:3.22\nENV A=1 B='$A'\n" },
    { name: 'an escaped dollar', code: 'FROM alpine:3.22\nENV A=1 B=\\$A\n' },
    { name: 'a longer name that merely starts with it', code: 'FROM alpine:3.22\nENV A=1 B=$AB\n' },
    { name: 'the legacy one-variable form', code: 'FROM alpine:3.22\nENV GREETING hello $NAME\n' },
  ],
  invalid: [
    {
      code: 'FROM alpine:3.22\nENV APP_HOME=/srv/app APP_BIN=$APP_HOME/bin\n',
      errors: [{ messageId: 'sameStatement', line: 2, column: 31, endLine: 2, endColumn: 44, data: { name: 'APP_HOME' } }],
    },
    {
      name: 'braces, defaults, quotes and continuation lines',
      code: 'FROM alpine:3.22\nENV DATA="${ROOT:-/srv}/data" \\\n    ROOT=/opt\n',
      errors: [{ messageId: 'sameStatement', line: 2, column: 10, data: { name: 'ROOT' } }],
    },
    {
      name: 'a global ARG is not visible in the stage',
      code: 'ARG BASE_DIR=/srv\nFROM alpine:3.22\nENV BASE_DIR=/opt LOGS=$BASE_DIR/logs\n',
      errors: [{ messageId: 'sameStatement', line: 3, column: 24, data: { name: 'BASE_DIR' } }],
    },
  ],
});
