import { rule } from '../../../server/src/rules/dockerfile/irrelevant-command';
import { ruleTester } from '../../ruleTester';

ruleTester(rule, {
  valid: [
    'FROM debian:12\nRUN apt-get update && apt-get install -y --no-install-recommends procps\n',
    { name: 'installing the tools is fine, running them is not', code: 'FROM debian:12\nRUN apt-get install -y vim openssh-client\n' },
    { name: 'names inside arguments', code: "FROM debian:12\nRUN echo 'run top to see load' > /etc/motd && grep -q ps /etc/hosts\n" },
    { name: 'ssh-keyscan and pkill are other programs', code: 'FROM debian:12\nRUN ssh-keyscan github.com >> /etc/ssh/ssh_known_hosts\n' },
    { name: 'CMD is not a RUN', code: 'FROM debian:12\nCMD ["top", "-b"]\n' },
  ],
  invalid: [
    {
      code: 'FROM debian:12\nRUN service nginx start\n',
      errors: [{ messageId: 'irrelevant', line: 2, column: 5, endLine: 2, endColumn: 12, data: { program: 'service' } }],
    },
    {
      name: 'several in one RUN, with a full path',
      code: 'FROM debian:12\nRUN ps aux | grep x; /sbin/shutdown -h now\n',
      errors: [
        { messageId: 'irrelevant', line: 2, column: 5, data: { program: 'ps' } },
        { messageId: 'irrelevant', line: 2, column: 22, data: { program: 'shutdown' } },
      ],
    },
    {
      name: 'ifconfig and nano, ONBUILD and sh -c',
      code: 'FROM debian:12\nONBUILD RUN ifconfig eth0\nRUN sh -c "nano /etc/hosts"\n',
      errors: [
        { messageId: 'irrelevant', line: 2, column: 13, data: { program: 'ifconfig' } },
        { messageId: 'irrelevant', line: 3, column: 12, data: { program: 'nano' } },
      ],
    },
    {
      name: 'heredoc and exec form',
      code: 'FROM debian:12\nRUN <<EOF\nmount -t tmpfs none /mnt\nEOF\nRUN ["kill", "-9", "1"]\n',
      errors: [
        { messageId: 'irrelevant', line: 3, column: 1, data: { program: 'mount' } },
        { messageId: 'irrelevant', line: 5, column: 7, data: { program: 'kill' } },
      ],
    },
  ],
});
