import { rule } from '../../../server/src/rules/dockerfile/unquoted-command-substitution';
import { ruleTester } from '../../ruleTester';

ruleTester(rule, {
  valid: [
    { name: 'a list meant to be split', code: 'FROM debian:12\nRUN apt-get install -y $(cat /tmp/packages.txt)\n' },
    { name: 'a one-word output', code: 'FROM debian:12\nRUN make -j$(nproc) && curl -o /tmp/x https://example.com/$(uname -m)/x\n' },
    { name: 'quoted', code: 'FROM debian:12\nRUN cd "$(dirname "$(readlink -f /usr/bin/java)")" && ls\n' },
    { name: 'in an assignment', code: 'FROM debian:12\nRUN dir=$(dirname /opt/app/bin/app) && ls "$dir"\n' },
    { name: 'a one-word output inside [ ]', code: 'FROM debian:12\nRUN if [ $(id -u) -eq 0 ]; then echo root; fi\n' },
  ],
  invalid: [
    {
      name: 'a path from dirname',
      code: 'FROM debian:12\nRUN ln -s $(dirname $(readlink -f /usr/bin/javac))/.. /opt/jdk\n',
      errors: [
        {
          messageId: 'unquoted',
          line: 2,
          column: 11,
          endColumn: 51,
          data: { text: '$(dirname $(readlink -f /usr/bin/javac))', also: '$(readlink -f /usr/bin/javac) (line 2)' },
        },
      ],
      output: 'FROM debian:12\nRUN ln -s "$(dirname "$(readlink -f /usr/bin/javac)")"/.. /opt/jdk\n',
    },
    {
      name: 'a list as the directory of cd, in backquotes',
      code: 'FROM debian:12\nRUN cd `ls -d /usr/src/php-*`/ext && phpize\n',
      errors: [{ messageId: 'unquoted', line: 2, column: 8, data: { text: '`ls -d /usr/src/php-*`' } }],
      output: 'FROM debian:12\nRUN cd "`ls -d /usr/src/php-*`"/ext && phpize\n',
    },
    {
      name: 'output that may be empty inside [ ]',
      code: 'FROM debian:12\nRUN if [ -n $(command -v node) ]; then node --version; fi\n',
      errors: [{ messageId: 'unquotedInTest', line: 2, column: 13, data: { text: '$(command -v node)' } }],
      output: 'FROM debian:12\nRUN if [ -n "$(command -v node)" ]; then node --version; fi\n',
    },
  ],
});
