import { rule } from '../../../server/src/rules/dockerfile/zypper-pin-versions';
import { ruleTester } from '../../ruleTester';

ruleTester(rule, {
  valid: [
    'FROM opensuse/leap:15.6\nRUN zypper install -y nginx=1.21.5\n',
    { name: 'a version range, quoted for the shell', code: 'FROM opensuse/leap:15.6\nRUN zypper in -y \'curl>=8.0\' "git<3"\n' },
    { name: 'rpm files', code: 'FROM opensuse/leap:15.6\nRUN zypper install -y /tmp/app.rpm\n' },
    { name: 'patterns have no versions', code: 'FROM opensuse/leap:15.6\nRUN zypper install -y -t pattern devel_basis\n' },
    { name: 'repository option value', code: 'FROM opensuse/leap:15.6\nRUN zypper install -y --from oss curl=8.6.0\n' },
    { name: 'other subcommands', code: 'FROM opensuse/leap:15.6\nRUN zypper refresh && zypper remove -y vim\n' },
  ],
  invalid: [
    {
      code: 'FROM opensuse/leap:15.6\nRUN zypper install -y nginx\n',
      errors: [{ messageId: 'unpinned', line: 2, column: 23, endLine: 2, endColumn: 28, data: { package: 'nginx' } }],
    },
    {
      name: 'the in abbreviation, global options, some pinned',
      code: 'FROM opensuse/leap:15.6\nRUN zypper --non-interactive in curl=8.6.0 git\n',
      errors: [{ messageId: 'unpinned', line: 2, column: 44, data: { package: 'git' } }],
    },
    {
      name: 'an explicit package type still needs versions',
      code: 'FROM opensuse/leap:15.6\nRUN zypper install -y -t package jq\n',
      errors: [{ messageId: 'unpinned', line: 2, column: 34, data: { package: 'jq' } }],
    },
    {
      name: 'ONBUILD RUN',
      code: 'FROM opensuse/leap:15.6\nONBUILD RUN zypper install -y jq\n',
      errors: [{ messageId: 'unpinned', line: 2, column: 31 }],
    },
  ],
});
