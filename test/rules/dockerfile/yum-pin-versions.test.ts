import { rule } from '../../../server/src/rules/dockerfile/yum-pin-versions';
import { ruleTester } from '../../ruleTester';

ruleTester(rule, {
  valid: [
    'FROM centos:7\nRUN yum install -y httpd-2.4.6 && yum clean all\n',
    { name: 'epoch and release in the version', code: 'FROM centos:7\nRUN yum install -y nginx-1:1.20.1-10.el7\n' },
    { name: 'local and remote rpm files', code: 'FROM centos:7\nRUN yum install -y /tmp/app.rpm https://example.com/tool-latest.rpm\n' },
    { name: 'a module stream', code: 'FROM rockylinux:8\nRUN yum module install -y nodejs:18\n' },
    { name: 'groups and capabilities', code: "FROM centos:7\nRUN yum install -y @development 'perl(JSON)' /usr/bin/xmllint\n" },
    { name: 'a package list in a variable', code: 'FROM centos:7\nRUN yum install -y $PACKAGES\n' },
    { name: 'repository option values are no packages', code: 'FROM centos:7\nRUN yum --enablerepo epel install -y jq-1.6\n' },
    { name: 'other subcommands', code: 'FROM centos:7\nRUN yum update -y && yum remove -y postfix\n' },
  ],
  invalid: [
    {
      code: 'FROM centos:7\nRUN yum install -y httpd\n',
      errors: [{ messageId: 'unpinned', line: 2, column: 20, endLine: 2, endColumn: 25, data: { package: 'httpd' } }],
    },
    {
      name: 'a dash inside the name is no version',
      code: 'FROM centos:7\nRUN yum install -y python3-pip epel-release git-2.39.1\n',
      errors: [{ messageId: 'unpinned', line: 2, column: 20, data: { packages: '"python3-pip", "epel-release"' } }],
    },
    {
      name: 'a module without a stream',
      code: 'FROM rockylinux:8\nRUN yum module install -y nodejs\n',
      errors: [{ messageId: 'unpinned', line: 2, column: 27, data: { package: 'nodejs' } }],
    },
    {
      name: 'ONBUILD RUN and heredoc',
      code: 'FROM centos:7\nONBUILD RUN yum install -y jq\nRUN <<EOF\nyum install -y wget\nEOF\n',
      errors: [
        { messageId: 'unpinned', line: 2, column: 28 },
        { messageId: 'unpinned', line: 4, column: 16 },
      ],
    },
  ],
});
