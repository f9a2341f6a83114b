import { rule } from '../../../server/src/rules/dockerfile/dnf-pin-versions';
import { ruleTester } from '../../ruleTester';

ruleTester(rule, {
  valid: [
    'FROM fedora:40\nRUN dnf install -y nginx-1.24.0 && dnf clean all\n',
    { name: 'microdnf with a full version-release', code: 'FROM registry.access.redhat.com/ubi9/ubi-minimal\nRUN microdnf install -y tar-1.34-6.el9\n' },
    { name: 'version with tilde and caret', code: 'FROM fedora:40\nRUN dnf install -y pkg-1.0~rc1 other-2.0^git1\n' },
    { name: 'module with a stream and profile', code: 'FROM fedora:40\nRUN dnf module install -y nodejs:20/common\n' },
    { name: 'group installs have no versions', code: 'FROM fedora:40\nRUN dnf group install -y "Development Tools"\n' },
    { name: 'rpm files and URLs', code: 'FROM fedora:40\nRUN dnf install -y ./app.rpm https://example.com/repo-release.rpm\n' },
    { name: 'setopt values are no packages', code: 'FROM fedora:40\nRUN dnf --setopt install_weak_deps=False install -y jq-1.7\n' },
    { name: 'yum is another rule', code: 'FROM centos:7\nRUN yum install -y jq\n' },
  ],
  invalid: [
    {
      code: 'FROM fedora:40\nRUN dnf install -y nginx\n',
      errors: [{ messageId: 'unpinned', line: 2, column: 20, endLine: 2, endColumn: 25, data: { package: 'nginx' } }],
    },
    {
      name: 'a name part that is not a version',
      code: 'FROM fedora:40\nRUN microdnf install -y shadow-utils java-17-openjdk\n',
      errors: [{ messageId: 'unpinned', line: 2, column: 25, data: { package: 'shadow-utils' } }],
    },
    {
      name: 'module without a stream',
      code: 'FROM fedora:40\nRUN dnf module install -y nodejs\n',
      errors: [{ messageId: 'unpinned', line: 2, column: 27, data: { package: 'nodejs' } }],
    },
    {
      name: 'sh -c and exec form',
      code: 'FROM fedora:40\nRUN sh -c "dnf install -y jq"\nRUN ["dnf", "install", "-y", "wget"]\n',
      errors: [
        { messageId: 'unpinned', line: 2, column: 27, data: { package: 'jq' } },
        { messageId: 'unpinned', line: 3, column: 31, data: { package: 'wget' } },
      ],
    },
  ],
});
