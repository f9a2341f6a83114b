import { rule } from '../../../server/src/rules/dockerfile/zypper-non-interactive';
import { ruleTester } from '../../ruleTester';

ruleTester(rule, {
  valid: [
    'FROM opensuse/leap:15.6\nRUN zypper --non-interactive install curl\n',
    { name: 'global -n before the subcommand', code: 'FROM opensuse/leap:15.6\nRUN zypper -n in curl\n' },
    { name: '-y after the subcommand', code: 'FROM opensuse/leap:15.6\nRUN zypper install -y curl && zypper rm -y vim\n' },
    { name: '--no-confirm', code: 'FROM opensuse/leap:15.6\nRUN zypper patch --no-confirm\n' },
    { name: 'subcommands that do not ask', code: 'FROM opensuse/leap:15.6\nRUN zypper refresh && zypper search curl && zypper clean --all\n' },
  ],
  invalid: [
    {
      code: 'FROM opensuse/leap:15.6\nRUN zypper install curl\n',
      errors: [{ messageId: 'interactive', line: 2, column: 5, endLine: 2, endColumn: 19, data: { subcommand: 'install' } }],
      output: 'FROM opensuse/leap:15.6\nRUN zypper --non-interactive install curl\n',
    },
    {
      name: '-n after install means --name, not non-interactive',
      code: 'FROM opensuse/leap:15.6\nRUN zypper install -n curl\n',
      errors: [{ messageId: 'interactive', line: 2, column: 5 }],
      output: 'FROM opensuse/leap:15.6\nRUN zypper --non-interactive install -n curl\n',
    },
    {
      name: 'remove, source-install and patch',
      code: 'FROM opensuse/leap:15.6\nRUN zypper rm vim; zypper si curl; zypper patch\n',
      errors: [
        { messageId: 'interactive', line: 2, column: 5, data: { subcommand: 'rm' } },
        { messageId: 'interactive', line: 2, column: 20, data: { subcommand: 'si' } },
        { messageId: 'interactive', line: 2, column: 36, data: { subcommand: 'patch' } },
      ],
      output: 'FROM opensuse/leap:15.6\nRUN zypper --non-interactive rm vim; zypper --non-interactive si curl; zypper --non-interactive patch\n',
    },
    {
      name: 'exec form',
      code: 'FROM opensuse/leap:15.6\nRUN ["zypper", "in", "curl"]\n',
      errors: [{ messageId: 'interactive', line: 2, column: 7 }],
      output: 'FROM opensuse/leap:15.6\nRUN ["zypper", "--non-interactive", "in", "curl"]\n',
    },
    {
      name: 'ONBUILD RUN in a heredoc',
      code: 'FROM opensuse/leap:15.6\nONBUILD RUN <<EOF\nzypper in curl\nEOF\n',
      errors: [{ messageId: 'interactive', line: 3, column: 1 }],
      output: 'FROM opensuse/leap:15.6\nONBUILD RUN <<EOF\nzypper --non-interactive in curl\nEOF\n',
    },
    {
      name: 'an escaped sh -c script gets no fix',
      code: 'FROM opensuse/leap:15.6\nRUN sh -c "echo \\"x\\" && zypper in curl"\n',
      errors: [{ messageId: 'interactive', line: 2, column: 11 }],
      output: null,
    },
  ],
});
