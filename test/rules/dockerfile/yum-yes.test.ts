import { rule } from '../../../server/src/rules/dockerfile/yum-yes';
import { ruleTester } from '../../ruleTester';

ruleTester(rule, {
  valid: [
    'FROM centos:7\nRUN yum install -y httpd && yum clean all\n',
    { name: '-y before the subcommand', code: 'FROM centos:7\nRUN yum -y install httpd\n' },
    { name: '--assumeyes', code: 'FROM centos:7\nRUN yum install --assumeyes httpd\n' },
    { name: '-y inside an option cluster', code: 'FROM centos:7\nRUN yum -qy install httpd\n' },
    { name: 'subcommands that do not prompt', code: 'FROM centos:7\nRUN yum makecache && yum list installed && yum clean all\n' },
    { name: 'the word install as an option value is no subcommand', code: 'FROM centos:7\nRUN yum --disablerepo install -y update\n' },
    { name: 'dnf is another rule', code: 'FROM fedora:40\nRUN dnf install httpd\n' },
    { name: 'install inside an echo', code: "FROM centos:7\nRUN echo 'yum install httpd'\n" },
  ],
  invalid: [
    {
      code: 'FROM centos:7\nRUN yum install httpd\n',
      errors: [{ messageId: 'missingYes', line: 2, column: 5, endLine: 2, endColumn: 16, data: { subcommand: 'install' } }],
      output: 'FROM centos:7\nRUN yum install -y httpd\n',
    },
    {
      name: 'groupinstall and localinstall',
      code: 'FROM centos:7\nRUN yum groupinstall "Development Tools" && yum localinstall /tmp/x.rpm\n',
      errors: [
        { messageId: 'missingYes', line: 2, column: 5, data: { subcommand: 'groupinstall' } },
        { messageId: 'missingYes', line: 2, column: 45, data: { subcommand: 'localinstall' } },
      ],
      output: 'FROM centos:7\nRUN yum groupinstall -y "Development Tools" && yum localinstall -y /tmp/x.rpm\n',
    },
    {
      name: 'ONBUILD RUN',
      code: 'FROM centos:7\nONBUILD RUN yum install httpd\n',
      errors: [{ messageId: 'missingYes', line: 2, column: 13 }],
      output: 'FROM centos:7\nONBUILD RUN yum install -y httpd\n',
    },
    {
      name: 'heredoc script',
      code: 'FROM centos:7\nRUN <<EOF\nset -e\nyum install httpd\nEOF\n',
      errors: [{ messageId: 'missingYes', line: 4, column: 1 }],
      output: 'FROM centos:7\nRUN <<EOF\nset -e\nyum install -y httpd\nEOF\n',
    },
    {
      name: 'sh -c script',
      code: "FROM centos:7\nRUN sh -c 'yum install httpd'\n",
      errors: [{ messageId: 'missingYes', line: 2, column: 12 }],
      output: "FROM centos:7\nRUN sh -c 'yum install -y httpd'\n",
    },
    {
      name: 'exec form',
      code: 'FROM centos:7\nRUN ["yum", "install", "httpd"]\n',
      errors: [{ messageId: 'missingYes', line: 2, column: 7 }],
      output: 'FROM centos:7\nRUN ["yum", "install", "-y", "httpd"]\n',
    },
    {
      name: 'full path to yum',
      code: 'FROM centos:7\nRUN /usr/bin/yum install httpd\n',
      errors: [{ messageId: 'missingYes', line: 2, column: 5 }],
      output: 'FROM centos:7\nRUN /usr/bin/yum install -y httpd\n',
    },
    {
      name: 'an escaped sh -c script gets no fix',
      code: 'FROM centos:7\nRUN sh -c "echo \\"x\\" && yum install httpd"\n',
      errors: [{ messageId: 'missingYes', line: 2, column: 11 }],
      output: null,
    },
  ],
});
