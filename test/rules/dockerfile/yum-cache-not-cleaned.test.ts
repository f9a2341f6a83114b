import { rule } from '../../../server/src/rules/dockerfile/yum-cache-not-cleaned';
import { ruleTester } from '../../ruleTester';

ruleTester(rule, {
  valid: [
    'FROM centos:7\nRUN yum install -y httpd && yum clean all\n',
    { name: 'cache removed by hand', code: 'FROM centos:7\nRUN yum install -y httpd && rm -rf /var/cache/yum/*\n' },
    { name: 'dnf clean all after yum (yum is dnf on RHEL 8+)', code: 'FROM rockylinux:9\nRUN yum install -y httpd && dnf clean all\n' },
    { name: 'cache mount on /var/cache/yum', code: 'FROM centos:7\nRUN --mount=type=cache,target=/var/cache/yum yum install -y httpd\n' },
    { name: 'cache mount on /var/cache/dnf', code: 'FROM rockylinux:9\nRUN --mount=type=cache,target=/var/cache/dnf,sharing=locked yum install -y httpd\n' },
    { name: 'cache mount on the parent folder', code: 'FROM rockylinux:9\nRUN --mount=type=cache,target=/var/cache/ yum install -y httpd\n' },
    { name: 'clean-up in a heredoc', code: 'FROM centos:7\nRUN <<EOF\nyum install -y httpd\nyum clean all\nEOF\n' },
    { name: 'no install', code: 'FROM centos:7\nRUN yum update -y && yum list installed\n' },
    { name: 'yum clean with another target is no full clean, but nothing was installed', code: 'FROM centos:7\nRUN yum clean metadata\n' },
  ],
  invalid: [
    {
      code: 'FROM centos:7\nRUN yum install -y httpd\n',
      errors: [{ messageId: 'missingClean', line: 2, column: 5, endLine: 2, endColumn: 16 }],
      output: 'FROM centos:7\nRUN yum install -y httpd && yum clean all\n',
    },
    {
      name: 'a clean-up before the install does not count',
      code: 'FROM centos:7\nRUN yum clean all && yum install -y httpd && echo done\n',
      errors: [{ messageId: 'missingClean', line: 2, column: 22 }],
      output: 'FROM centos:7\nRUN yum clean all && yum install -y httpd && yum clean all && echo done\n',
    },
    {
      name: 'an install after the clean-up',
      code: 'FROM centos:7\nRUN yum install -y a && yum clean all && yum install -y b\n',
      errors: [{ messageId: 'missingClean', line: 2, column: 42 }],
      output: 'FROM centos:7\nRUN yum install -y a && yum clean all && yum install -y b && yum clean all\n',
    },
    {
      name: 'yum clean without all',
      code: 'FROM centos:7\nRUN yum install -y httpd && yum clean packages\n',
      errors: [{ messageId: 'missingClean', line: 2, column: 5 }],
      output: 'FROM centos:7\nRUN yum install -y httpd && yum clean all && yum clean packages\n',
    },
    {
      name: 'a cache mount elsewhere does not count',
      code: 'FROM centos:7\nRUN --mount=type=cache,target=/root/.cache yum install -y httpd\n',
      errors: [{ messageId: 'missingClean', line: 2, column: 44 }],
      output: 'FROM centos:7\nRUN --mount=type=cache,target=/root/.cache yum install -y httpd && yum clean all\n',
    },
    {
      name: 'continuation lines: appended to the last package line',
      code: 'FROM centos:7\nRUN yum install -y \\\n      httpd \\\n      mod_ssl \\\n && echo ok\n',
      errors: [{ messageId: 'missingClean', line: 2, column: 5 }],
      output: 'FROM centos:7\nRUN yum install -y \\\n      httpd \\\n      mod_ssl && yum clean all \\\n && echo ok\n',
    },
    {
      name: 'heredoc',
      code: 'FROM centos:7\nRUN <<EOF\nyum install -y httpd\necho ok\nEOF\n',
      errors: [{ messageId: 'missingClean', line: 3, column: 1 }],
      output: 'FROM centos:7\nRUN <<EOF\nyum install -y httpd && yum clean all\necho ok\nEOF\n',
    },
    {
      name: 'ONBUILD RUN',
      code: 'FROM centos:7\nONBUILD RUN yum install -y httpd\n',
      errors: [{ messageId: 'missingClean', line: 2, column: 13 }],
      output: 'FROM centos:7\nONBUILD RUN yum install -y httpd && yum clean all\n',
    },
    {
      name: 'no fix when output is redirected (the redirection would move to the clean-up)',
      code: 'FROM centos:7\nRUN yum install -y httpd > /tmp/log\n',
      errors: [{ messageId: 'missingClean', line: 2, column: 5 }],
      output: null,
    },
    {
      name: 'no fix for a piped install',
      code: 'FROM centos:7\nRUN yum install -y httpd | tee /tmp/log\n',
      errors: [{ messageId: 'missingClean', line: 2, column: 5 }],
      output: null,
    },
    {
      name: 'no fix for exec form',
      code: 'FROM centos:7\nRUN ["yum", "install", "-y", "httpd"]\n',
      errors: [{ messageId: 'missingClean', line: 2, column: 7 }],
      output: null,
    },
  ],
});
