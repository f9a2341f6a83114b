import { rule } from '../../../server/src/rules/dockerfile/symlink-bin-sh';
import { ruleTester } from '../../ruleTester';

ruleTester(rule, {
  valid: [
    'FROM debian:12\nSHELL ["/bin/bash", "-c"]\nRUN echo hi\n',
    { name: '/bin/sh as the link target is harmless', code: 'FROM debian:12\nRUN ln -s /bin/sh /usr/local/bin/posix-sh\n' },
    { name: 'a link named sh in the current folder', code: 'FROM debian:12\nRUN ln -s /bin/sh\n' },
    { name: 'other links', code: 'FROM python:3.12\nRUN ln -sf /usr/local/bin/python3 /usr/bin/python\n' },
  ],
  invalid: [
    {
      code: 'FROM debian:12\nRUN ln -sf /bin/bash /bin/sh\n',
      errors: [{ messageId: 'linkSh', line: 2, column: 5, endLine: 2, endColumn: 29, data: { path: '/bin/sh' } }],
    },
    {
      name: 'merged /usr path, after other commands',
      code: 'FROM ubuntu:24.04\nRUN rm /usr/bin/sh && ln -s bash /usr/bin/sh\n',
      errors: [{ messageId: 'linkSh', line: 2, column: 23, data: { path: '/usr/bin/sh' } }],
    },
    {
      name: 'ONBUILD and sh -c',
      code: "FROM debian:12\nONBUILD RUN ln -sf /bin/bash /bin/sh\nRUN sh -c 'ln -sfn /bin/dash /bin/sh'\n",
      errors: [
        { messageId: 'linkSh', line: 2, column: 13 },
        { messageId: 'linkSh', line: 3, column: 12 },
      ],
    },
  ],
});
