import { rule } from '../../../server/src/rules/dockerfile/zypper-dist-upgrade';
import { ruleTester } from '../../ruleTester';

ruleTester(rule, {
  valid: [
    'FROM opensuse/leap:15.6\nRUN zypper --non-interactive update\n',
    { name: 'patch', code: 'FROM opensuse/leap:15.6\nRUN zypper -n patch\n' },
    { name: 'dup as a package name', code: 'FROM opensuse/leap:15.6\nRUN zypper -n install dup\n' },
    { name: 'dist-upgrade of another tool', code: 'FROM debian:12\nRUN apt-get dist-upgrade -y\n' },
  ],
  invalid: [
    {
      code: 'FROM opensuse/leap:15.6\nRUN zypper dist-upgrade -y\n',
      errors: [{ messageId: 'distUpgrade', line: 2, column: 5, endLine: 2, endColumn: 24, data: { subcommand: 'dist-upgrade' } }],
    },
    {
      name: 'dup after global options, in ONBUILD',
      code: 'FROM opensuse/tumbleweed\nONBUILD RUN zypper --non-interactive dup\n',
      errors: [{ messageId: 'distUpgrade', line: 2, column: 13, data: { subcommand: 'dup' } }],
    },
    {
      name: 'sh -c',
      code: "FROM opensuse/leap:15.6\nRUN sh -c 'zypper -n dup'\n",
      errors: [{ messageId: 'distUpgrade', line: 2, column: 12 }],
    },
  ],
});
