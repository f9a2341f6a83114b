import { rule } from '../../../server/src/rules/dockerfile/useradd-no-log-init';
import { ruleTester } from '../../ruleTester';

ruleTester(rule, {
  valid: [
    'FROM debian:12\nRUN useradd -l -u 1000001 app\n',
    { name: '--no-log-init', code: 'FROM debian:12\nRUN useradd --no-log-init --uid 1000001 app\n' },
    { name: '-l inside an option cluster', code: 'FROM debian:12\nRUN useradd -lm -u 1000001 app\n' },
    { name: 'a five-digit UID is small enough', code: 'FROM debian:12\nRUN useradd -u 10001 app\n' },
    { name: 'no UID at all', code: 'FROM debian:12\nRUN useradd -r -s /usr/sbin/nologin app\n' },
    { name: 'a UID from a variable is unknown', code: 'FROM debian:12\nARG UID=1000001\nRUN useradd -u "$UID" app\n' },
    { name: 'the UID belongs to another option', code: 'FROM debian:12\nRUN useradd -c 123456789 app\n' },
  ],
  invalid: [
    {
      code: 'FROM debian:12\nRUN useradd -u 1000001 app\n',
      errors: [{ messageId: 'noLogInit', line: 2, column: 5, endLine: 2, endColumn: 27, data: { uid: '1000001' } }],
      output: 'FROM debian:12\nRUN useradd -l -u 1000001 app\n',
    },
    {
      name: '--uid=, attached -u and a cluster ending in u',
      code: 'FROM debian:12\nRUN useradd --uid=123456 a && useradd -u123456 b && useradd -mu 123456 c\n',
      errors: [
        { messageId: 'noLogInit', line: 2, column: 5 },
        { messageId: 'noLogInit', line: 2, column: 31 },
        { messageId: 'noLogInit', line: 2, column: 53 },
      ],
      output: 'FROM debian:12\nRUN useradd -l --uid=123456 a && useradd -l -u123456 b && useradd -l -mu 123456 c\n',
    },
    {
      name: 'ONBUILD and heredoc',
      code: 'FROM debian:12\nONBUILD RUN useradd -u 200000 app\nRUN <<EOF\nuseradd -u 300000 svc\nEOF\n',
      errors: [
        { messageId: 'noLogInit', line: 2, column: 13 },
        { messageId: 'noLogInit', line: 4, column: 1 },
      ],
      output: 'FROM debian:12\nONBUILD RUN useradd -l -u 200000 app\nRUN <<EOF\nuseradd -l -u 300000 svc\nEOF\n',
    },
    {
      name: 'exec form',
      code: 'FROM debian:12\nRUN ["useradd", "-u", "1000001", "app"]\n',
      errors: [{ messageId: 'noLogInit', line: 2, column: 5 }],
      output: 'FROM debian:12\nRUN ["useradd", "-l", "-u", "1000001", "app"]\n',
    },
    {
      name: 'an escaped sh -c script gets no fix',
      code: 'FROM debian:12\nRUN sh -c "echo \\"x\\" && useradd -u 200000 app"\n',
      errors: [{ messageId: 'noLogInit', line: 2, column: 11 }],
      output: null,
    },
  ],
});
