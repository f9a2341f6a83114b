import { rule } from '../../../server/src/rules/dockerfile/glob-may-become-option';
import { ruleTester } from '../../ruleTester';

ruleTester(rule, {
  valid: [
    'FROM debian:12\nRUN rm -f ./*.tmp\n',
    { name: 'after --', code: 'FROM debian:12\nRUN rm -f -- *.tmp\n' },
    { name: 'a path before the glob', code: 'FROM debian:12\nRUN rm -rf /var/lib/apt/lists/*\n' },
    { name: 'a program that is not harmed by an option-like name', code: 'FROM golang:1.24\nRUN go build -o /usr/bin/app *.go && ls *.go\n' },
    { name: 'quoted: a pattern, not a glob', code: "FROM debian:12\nRUN find . -name '*.pyc' -delete\n" },
  ],
  invalid: [
    {
      code: 'FROM debian:12\nRUN rm -f *.tmp\n',
      errors: [{ messageId: 'glob', line: 2, column: 11, endColumn: 16, data: { text: '*.tmp', program: 'rm' } }],
      output: 'FROM debian:12\nRUN rm -f ./*.tmp\n',
    },
    {
      name: 'two programs, one finding',
      code: 'FROM debian:12\nWORKDIR /app\nRUN chmod +x *.sh && cp ?.conf /etc/app/\n',
      errors: [{ messageId: 'glob', line: 3, column: 14, data: { program: 'chmod', also: '?.conf (line 3)' } }],
      output: 'FROM debian:12\nWORKDIR /app\nRUN chmod +x ./*.sh && cp ./?.conf /etc/app/\n',
    },
    {
      name: 'tar stores the names as given: the fix is offered, marked unsafe',
      code: 'FROM debian:12\nRUN tar -czf /tmp/logs.tgz *.log\n',
      errors: [{ messageId: 'glob', line: 2, column: 28, data: { program: 'tar' } }],
      output: 'FROM debian:12\nRUN tar -czf /tmp/logs.tgz ./*.log\n',
    },
  ],
});
