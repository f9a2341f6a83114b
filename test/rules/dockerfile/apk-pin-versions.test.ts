import { rule } from '../../../server/src/rules/dockerfile/apk-pin-versions';
import { ruleTester } from '../../ruleTester';

ruleTester(rule, {
  valid: [
    'FROM alpine:3.20\nRUN apk add --no-cache curl=8.9.1-r0\n',
    { name: 'fuzzy and range constraints', code: 'FROM alpine:3.20\nRUN apk add --no-cache "python3~3.12" "openssl>3.3" "bash<6"\n' },
    { name: 'local .apk files', code: 'FROM alpine:3.20\nRUN apk add --allow-untrusted /tmp/tool-1.0-r0.apk\n' },
    { name: 'the --virtual name is not a package', code: 'FROM alpine:3.20\nRUN apk add --no-cache --virtual .build-deps gcc=13.2.1_git20240309-r0\n' },
    { name: 'the -t name is not a package', code: 'FROM alpine:3.20\nRUN apk add -t .deps make=4.4.1-r2\n' },
    {
      name: 'the --repository URL is not a package',
      code: 'FROM alpine:3.20\nRUN apk add --repository https://dl-cdn.alpinelinux.org/alpine/edge/community tini=0.19.0-r3\n',
    },
    { name: 'variables', code: 'FROM alpine:3.20\nRUN apk add $PACKAGES\n' },
    { name: 'apk del and apk update', code: 'FROM alpine:3.20\nRUN apk update && apk del .build-deps\n' },
  ],
  invalid: [
    {
      code: 'FROM alpine:3.20\nRUN apk add --no-cache curl\n',
      errors: [{ messageId: 'unpinned', line: 2, column: 24, endLine: 2, endColumn: 28, data: { package: 'curl' } }],
    },
    {
      name: 'a repository tag is no version; the unpinned packages are reported once, as info',
      code: 'FROM alpine:3.20\nRUN apk add --no-cache tini@community bash=5.2.26-r0 git\n',
      errors: [{ messageId: 'unpinned', line: 2, column: 24, endColumn: 57, severity: 'info', data: { packages: '"tini@community", "git"' } }],
    },
    {
      name: 'sh -c and ONBUILD RUN',
      code: "FROM alpine:3.20\nRUN sh -c 'apk add --no-cache a'\nONBUILD RUN apk add --no-cache b\n",
      errors: [
        { messageId: 'unpinned', line: 2, column: 31, data: { package: 'a' } },
        { messageId: 'unpinned', line: 3, column: 32, data: { package: 'b' } },
      ],
    },
  ],
});
