import { rule } from '../../../server/src/rules/dockerfile/apt-get-yes';
import { ruleTester } from '../../ruleTester';

ruleTester(rule, {
  valid: [
    'FROM debian:12\nRUN apt-get install -y curl\n',
    { name: '--yes and --assume-yes', code: 'FROM debian:12\nRUN apt-get install --yes curl && apt-get --assume-yes upgrade\n' },
    { name: 'inside an option cluster', code: 'FROM debian:12\nRUN apt-get -qy install curl\n' },
    { name: 'quiet level 2 implies -y', code: 'FROM debian:12\nRUN apt-get -qq install curl && apt-get -q=2 remove vim && apt-get -q -q purge nano\n' },
    { name: 'the apt configuration option', code: 'FROM debian:12\nRUN apt-get -o APT::Get::Assume-Yes=true install curl\n' },
    { name: 'simulation does not ask', code: 'FROM debian:12\nRUN apt-get install -s curl\n' },
    { name: 'answers piped from yes', code: 'FROM debian:12\nRUN yes | apt-get install curl\n' },
    { name: 'subcommands that never ask', code: 'FROM debian:12\nRUN apt-get update && apt-get clean && apt-get download curl\n' },
  ],
  invalid: [
    {
      code: 'FROM debian:12\nRUN apt-get update && apt-get install curl\n',
      errors: [{ messageId: 'noYes', line: 2, column: 23, endLine: 2, endColumn: 38, data: { command: 'apt-get install' } }],
    },
    {
      name: 'a single -q does not imply -y',
      code: 'FROM debian:12\nRUN apt-get -q install curl\n',
      errors: [{ messageId: 'noYes', line: 2, column: 5, data: { command: 'apt-get install' } }],
    },
    {
      name: 'other asking subcommands, and apt',
      code: 'FROM debian:12\nRUN apt-get dist-upgrade && apt-get purge vim && apt install curl\n',
      errors: [
        { messageId: 'noYes', line: 2, column: 5, data: { command: 'apt-get dist-upgrade' } },
        { messageId: 'noYes', line: 2, column: 29, data: { command: 'apt-get purge' } },
        { messageId: 'noYes', line: 2, column: 50, data: { command: 'apt install' } },
      ],
    },
    {
      name: '--assume-yes=false',
      code: 'FROM debian:12\nRUN apt-get install --assume-yes=false curl\n',
      errors: [{ messageId: 'noYes', line: 2, column: 5 }],
    },
    {
      name: 'heredoc, sh -c, exec form and ONBUILD RUN',
      code: 'FROM debian:12\nRUN <<EOF\napt-get install a\nEOF\nRUN sh -c "apt-get install b"\nRUN ["apt-get", "install", "c"]\nONBUILD RUN apt-get install d\n',
      errors: [
        { messageId: 'noYes', line: 3, column: 1 },
        { messageId: 'noYes', line: 5, column: 12 },
        { messageId: 'noYes', line: 6, column: 7 },
        { messageId: 'noYes', line: 7, column: 13 },
      ],
    },
  ],
});
