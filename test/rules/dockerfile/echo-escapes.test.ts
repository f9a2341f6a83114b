import { rule } from '../../../server/src/rules/dockerfile/echo-escapes';
import { ruleTester } from '../../ruleTester';

ruleTester(rule, {
  valid: [
    { name: 'dash expands them, as a Debian script means', code: "FROM debian:12\nRUN echo 'a\\nb' > /etc/x\n" },
    { name: 'printf', code: "FROM alpine:3.20\nRUN printf 'a\\nb\\n' > /etc/x\n" },
    { name: 'echo -e asks for them (another check under sh)', code: "FROM alpine:3.20\nRUN echo -e 'a\\nb' > /etc/x\n" },
    { name: 'no escape', code: 'FROM alpine:3.20\nRUN echo "C:/tmp" > /etc/x\n' },
    { name: "an unquoted backslash is the shell's", code: 'FROM alpine:3.20\nRUN echo a\\nb > /etc/x\n' },
  ],
  invalid: [
    {
      name: 'BusyBox prints them as they are',
      code: "FROM alpine:3.20\nRUN echo 'listen 8080;\\nserver_tokens off;' > /etc/nginx/conf.d/extra.conf\n",
      errors: [{ messageId: 'printedAsIs', line: 2, column: 10, data: { shell: 'BusyBox ash' } }],
      output: null,
    },
    {
      name: 'bash, set by SHELL',
      code: 'FROM debian:12\nSHELL ["/bin/bash", "-c"]\nRUN echo "\\tSetHandler php" >> /etc/apache2/conf.d/php.conf\n',
      errors: [{ messageId: 'printedAsIs', line: 3, column: 10, data: { shell: 'bash' } }],
      output: null,
    },
    {
      name: 'an image that does not tell its shell',
      code: "FROM example.com/base:1\nRUN echo 'a\\tb' > /x\n",
      errors: [{ messageId: 'escapes', line: 2, column: 10 }],
      output: null,
    },
  ],
});
