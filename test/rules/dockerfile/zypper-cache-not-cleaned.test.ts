import { rule } from '../../../server/src/rules/dockerfile/zypper-cache-not-cleaned';
import { ruleTester } from '../../ruleTester';

ruleTester(rule, {
  valid: [
    'FROM opensuse/leap:15.6\nRUN zypper -n install curl && zypper clean --all\n',
    { name: 'zypper cc', code: 'FROM opensuse/leap:15.6\nRUN zypper -n in curl && zypper cc -a\n' },
    { name: 'plain zypper clean', code: 'FROM opensuse/leap:15.6\nRUN zypper -n in curl && zypper clean\n' },
    { name: 'rm of the cache', code: 'FROM opensuse/leap:15.6\nRUN zypper -n in curl && rm -rf /var/cache/zypp/*\n' },
    { name: 'cache mount', code: 'FROM opensuse/leap:15.6\nRUN --mount=type=cache,target=/var/cache/zypp zypper -n in curl\n' },
    { name: 'no install', code: 'FROM opensuse/leap:15.6\nRUN zypper -n refresh\n' },
  ],
  invalid: [
    {
      code: 'FROM opensuse/leap:15.6\nRUN zypper -n install curl\n',
      errors: [{ messageId: 'missingClean', line: 2, column: 5, endLine: 2, endColumn: 22 }],
      output: 'FROM opensuse/leap:15.6\nRUN zypper -n install curl && zypper clean --all\n',
    },
    {
      name: 'clean-up before the install',
      code: 'FROM opensuse/leap:15.6\nRUN zypper clean && zypper -n in curl\n',
      errors: [{ messageId: 'missingClean', line: 2, column: 21 }],
      output: 'FROM opensuse/leap:15.6\nRUN zypper clean && zypper -n in curl && zypper clean --all\n',
    },
    {
      name: 'ONBUILD RUN with a heredoc',
      code: 'FROM opensuse/leap:15.6\nONBUILD RUN <<EOF\nzypper -n in curl\nEOF\n',
      errors: [{ messageId: 'missingClean', line: 3, column: 1 }],
      output: 'FROM opensuse/leap:15.6\nONBUILD RUN <<EOF\nzypper -n in curl && zypper clean --all\nEOF\n',
    },
    {
      name: 'background install gets no fix',
      code: 'FROM opensuse/leap:15.6\nRUN zypper -n in curl & wait\n',
      errors: [{ messageId: 'missingClean', line: 2, column: 5 }],
      output: null,
    },
  ],
});
