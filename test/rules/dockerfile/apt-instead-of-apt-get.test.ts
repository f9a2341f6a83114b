import { rule } from '../../../server/src/rules/dockerfile/apt-instead-of-apt-get';
import { ruleTester } from '../../ruleTester';

ruleTester(rule, {
  valid: [
    'FROM debian:12\nRUN apt-get update && apt-get install -y curl\n',
    { name: 'apt-cache and apt-key are other programs', code: 'FROM debian:12\nRUN apt-cache policy curl && apt-mark hold curl\n' },
    { name: 'apt as an argument', code: 'FROM debian:12\nRUN echo apt && ls /etc/apt\n' },
  ],
  invalid: [
    {
      code: 'FROM debian:12\nRUN apt update && apt install -y curl\n',
      errors: [
        { messageId: 'apt', line: 2, column: 5, endLine: 2, endColumn: 8 },
        { messageId: 'apt', line: 2, column: 19, endLine: 2, endColumn: 22 },
      ],
    },
    {
      name: 'full path, heredoc, exec form and ONBUILD RUN',
      code: 'FROM ubuntu:24.04\nRUN /usr/bin/apt -y upgrade\nRUN <<EOF\napt list --installed\nEOF\nRUN ["apt", "show", "curl"]\nONBUILD RUN apt remove -y vim\n',
      errors: [
        { messageId: 'apt', line: 2, column: 5, endLine: 2, endColumn: 17 },
        { messageId: 'apt', line: 4, column: 1 },
        { messageId: 'apt', line: 6, column: 7 },
        { messageId: 'apt', line: 7, column: 13 },
      ],
    },
  ],
});
