import { rule } from '../../../server/src/rules/dockerfile/dnf-yes';
import { ruleTester } from '../../ruleTester';

ruleTester(rule, {
  valid: [
    'FROM fedora:40\nRUN dnf install -y nginx && dnf clean all\n',
    { name: 'microdnf with -y', code: 'FROM registry.access.redhat.com/ubi9/ubi-minimal\nRUN microdnf install -y shadow-utils\n' },
    { name: '--assumeyes before the subcommand', code: 'FROM fedora:40\nRUN dnf --assumeyes install nginx\n' },
    { name: 'a repo option value that reads like a subcommand', code: 'FROM fedora:40\nRUN dnf --enablerepo install -y nginx\n' },
    { name: 'subcommands without a prompt', code: 'FROM fedora:40\nRUN dnf makecache && dnf clean all\n' },
    { name: 'yum is another rule', code: 'FROM centos:7\nRUN yum install nginx\n' },
  ],
  invalid: [
    {
      code: 'FROM fedora:40\nRUN dnf install nginx\n',
      errors: [{ messageId: 'missingYes', line: 2, column: 5, endLine: 2, endColumn: 16, data: { program: 'dnf', subcommand: 'install' } }],
      output: 'FROM fedora:40\nRUN dnf install -y nginx\n',
    },
    {
      name: 'microdnf',
      code: 'FROM registry.access.redhat.com/ubi9/ubi-minimal\nRUN microdnf install shadow-utils && microdnf clean all\n',
      errors: [{ messageId: 'missingYes', line: 2, column: 5, data: { program: 'microdnf' } }],
      output: 'FROM registry.access.redhat.com/ubi9/ubi-minimal\nRUN microdnf install -y shadow-utils && microdnf clean all\n',
    },
    {
      name: 'groupinstall, with continuation lines',
      code: 'FROM fedora:40\nRUN dnf groupinstall \\\n      "Development Tools"\n',
      errors: [{ messageId: 'missingYes', line: 2, column: 5, data: { subcommand: 'groupinstall' } }],
      output: 'FROM fedora:40\nRUN dnf groupinstall -y \\\n      "Development Tools"\n',
    },
    {
      name: 'ONBUILD RUN inside a pipeline-free list',
      code: 'FROM fedora:40\nONBUILD RUN dnf makecache; dnf install nginx\n',
      errors: [{ messageId: 'missingYes', line: 2, column: 28 }],
      output: 'FROM fedora:40\nONBUILD RUN dnf makecache; dnf install -y nginx\n',
    },
    {
      name: 'bash -c script with flags',
      code: 'FROM fedora:40\nRUN bash -ec "dnf install nginx"\n',
      errors: [{ messageId: 'missingYes', line: 2, column: 15 }],
      output: 'FROM fedora:40\nRUN bash -ec "dnf install -y nginx"\n',
    },
    {
      name: 'heredoc',
      code: 'FROM fedora:40\nRUN <<EOT bash\ndnf install nginx\nEOT\n',
      errors: [{ messageId: 'missingYes', line: 3, column: 1 }],
      output: 'FROM fedora:40\nRUN <<EOT bash\ndnf install -y nginx\nEOT\n',
    },
    {
      name: 'an escaped sh -c script gets no fix',
      code: 'FROM fedora:40\nRUN sh -c "echo \\"x\\" && dnf install nginx"\n',
      errors: [{ messageId: 'missingYes', line: 2, column: 11 }],
      output: null,
    },
  ],
});
