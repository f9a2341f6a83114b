import { rule } from '../../../server/src/rules/dockerfile/no-sudo';
import { ruleTester } from '../../ruleTester';

ruleTester(rule, {
  valid: [
    'FROM debian:12\nRUN apt-get update\nUSER app\n',
    {
      name: 'installing sudo is another matter',
      code: 'FROM debian:12\nRUN apt-get install -y sudo && echo "app ALL=(ALL) NOPASSWD: ALL" > /etc/sudoers.d/app\n',
    },
    { name: 'gosu', code: 'FROM debian:12\nRUN gosu nobody true\n' },
  ],
  invalid: [
    {
      code: 'FROM debian:12\nUSER app\nRUN sudo apt-get update\n',
      errors: [{ messageId: 'sudo', line: 3, column: 5, endLine: 3, endColumn: 9 }],
    },
    {
      name: 'after a pipe and by path',
      code: 'FROM debian:12\nRUN echo x | /usr/bin/sudo tee /etc/motd\n',
      errors: [{ messageId: 'sudo', line: 2, column: 14 }],
    },
    {
      name: 'ONBUILD, heredoc, exec form',
      code: 'FROM debian:12\nONBUILD RUN sudo make install\nRUN <<EOF\nsudo ls\nEOF\nRUN ["sudo", "ls"]\n',
      errors: [
        { messageId: 'sudo', line: 2, column: 13 },
        { messageId: 'sudo', line: 4, column: 1 },
        { messageId: 'sudo', line: 6, column: 7 },
      ],
    },
  ],
});
