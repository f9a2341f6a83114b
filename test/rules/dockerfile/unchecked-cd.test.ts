import { rule } from '../../../server/src/rules/dockerfile/unchecked-cd';
import { ruleTester } from '../../ruleTester';

ruleTester(rule, {
  valid: [
    { name: 'chained with &&', code: 'FROM debian:12\nRUN cd /usr/src/app && make install\n' },
    { name: 'under set -e', code: 'FROM debian:12\nRUN set -eux; cd /usr/src/app; make install\n' },
    { name: 'a SHELL with -e', code: 'FROM debian:12\nSHELL ["/bin/bash", "-eo", "pipefail", "-c"]\nRUN cd /usr/src/app; make install\n' },
    { name: 'sh -ec', code: "FROM debian:12\nRUN sh -ec 'cd /usr/src/app; make install'\n" },
    { name: 'the last command', code: 'FROM debian:12\nRUN make install; cd /tmp\n' },
    { name: 'a condition', code: 'FROM debian:12\nRUN if cd /opt/app; then make; fi; echo done\n' },
    { name: 'already || exit', code: 'FROM debian:12\nRUN cd /usr/src/app || exit; make install\n' },
    { name: 'cd ..', code: 'FROM debian:12\nRUN cd /usr/src && make && cd ..; ls\n' },
    { name: 'a heredoc with set -e', code: 'FROM debian:12\nRUN <<EOF\nset -e\ncd /usr/src/app\nmake install\nEOF\n' },
    { name: 'a heredoc with a #!/bin/sh -e shebang', code: 'FROM debian:12\nRUN <<EOF\n#!/bin/sh -e\ncd /usr/src/app\nmake install\nEOF\n' },
  ],
  invalid: [
    {
      code: 'FROM debian:12\nRUN cd /usr/src/app; make install\n',
      errors: [{ messageId: 'unchecked', line: 2, column: 5, endColumn: 20, data: { text: 'cd /usr/src/app' } }],
      output: 'FROM debian:12\nRUN cd /usr/src/app || exit; make install\n',
    },
    {
      name: 'after a && chain, followed by ;',
      code: 'FROM debian:12\nRUN apt-get update && cd /opt; ./install.sh\n',
      errors: [{ messageId: 'unchecked', line: 2, column: 23 }],
      output: 'FROM debian:12\nRUN apt-get update && cd /opt || exit; ./install.sh\n',
    },
    {
      name: 'two in a heredoc, one finding',
      code: 'FROM debian:12\nRUN <<EOF\ncd /usr/src/a\nmake\ncd /usr/src/b\nmake\nEOF\n',
      errors: [{ messageId: 'unchecked', line: 3, column: 1, data: { text: 'cd /usr/src/a', also: 'cd /usr/src/b (line 5)' } }],
      output: 'FROM debian:12\nRUN <<EOF\ncd /usr/src/a || exit\nmake\ncd /usr/src/b || exit\nmake\nEOF\n',
    },
    {
      name: 'set +e turns errexit off again',
      code: 'FROM debian:12\nRUN set -e; set +e; cd /opt; ls\n',
      errors: [{ messageId: 'unchecked', line: 2, column: 21 }],
      output: 'FROM debian:12\nRUN set -e; set +e; cd /opt || exit; ls\n',
    },
  ],
});
