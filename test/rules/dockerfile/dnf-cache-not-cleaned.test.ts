import { rule } from '../../../server/src/rules/dockerfile/dnf-cache-not-cleaned';
import { ruleTester } from '../../ruleTester';

ruleTester(rule, {
  valid: [
    {
      name: 'a builder stage that only COPY --from reads: its layers do not ship',
      code: 'FROM fedora:42 AS builder\nRUN dnf install -y gcc make\nFROM fedora:42\nCOPY --from=builder /out /out\n',
    },
    'FROM fedora:40\nRUN dnf install -y nginx && dnf clean all\n',
    { name: 'microdnf clean all', code: 'FROM registry.access.redhat.com/ubi9/ubi-minimal\nRUN microdnf install -y tar && microdnf clean all\n' },
    { name: 'rm of the dnf cache', code: 'FROM fedora:40\nRUN dnf install -y nginx && rm -rf /var/cache/dnf\n' },
    { name: 'rm of the yum cache, which hadolint accepts', code: 'FROM fedora:40\nRUN dnf install -y nginx && rm -rf /var/cache/yum/*\n' },
    { name: 'dnf5 cache folder', code: 'FROM fedora:41\nRUN dnf install -y nginx && rm -rf /var/cache/libdnf5\n' },
    { name: 'cache mount', code: 'FROM fedora:40\nRUN --mount=type=cache,target=/var/cache/dnf dnf install -y nginx\n' },
    { name: 'tmpfs mount on the cache', code: 'FROM fedora:40\nRUN --mount=type=tmpfs,target=/var/cache/dnf dnf install -y nginx\n' },
    { name: 'cache mount spelled dst', code: 'FROM fedora:40\nRUN --mount=type=cache,dst=/var/cache/dnf dnf install -y nginx\n' },
    { name: 'clean-up in sh -c', code: 'FROM fedora:40\nRUN sh -c "dnf install -y nginx && dnf clean all"\n' },
    { name: 'no install', code: 'FROM fedora:40\nRUN dnf upgrade -y --refresh\n' },
  ],
  invalid: [
    {
      code: 'FROM fedora:40\nRUN dnf install -y nginx\n',
      errors: [{ messageId: 'missingClean', line: 2, column: 5, endLine: 2, endColumn: 16, data: { program: 'dnf' } }],
      output: 'FROM fedora:40\nRUN dnf install -y nginx && dnf clean all\n',
    },
    {
      name: 'microdnf',
      code: 'FROM registry.access.redhat.com/ubi9/ubi-minimal\nRUN microdnf install -y tar\n',
      errors: [{ messageId: 'missingClean', line: 2, column: 5, data: { program: 'microdnf' } }],
      output: 'FROM registry.access.redhat.com/ubi9/ubi-minimal\nRUN microdnf install -y tar && microdnf clean all\n',
    },
    {
      name: 'a mount on another folder does not count',
      code: 'FROM fedora:40\nRUN --mount=type=tmpfs,target=/tmp dnf install -y nginx; echo ok\n',
      errors: [{ messageId: 'missingClean', line: 2, column: 36 }],
      output: 'FROM fedora:40\nRUN --mount=type=tmpfs,target=/tmp dnf install -y nginx && dnf clean all; echo ok\n',
    },
    {
      name: 'clean-up before the install',
      code: 'FROM fedora:40\nRUN dnf clean all && dnf install -y nginx\n',
      errors: [{ messageId: 'missingClean', line: 2, column: 22 }],
      output: 'FROM fedora:40\nRUN dnf clean all && dnf install -y nginx && dnf clean all\n',
    },
    {
      name: 'inside if, in an ONBUILD RUN',
      code: 'FROM fedora:40\nONBUILD RUN if [ -f pkgs ]; then dnf install -y nginx; fi\n',
      errors: [{ messageId: 'missingClean', line: 2, column: 34 }],
      output: 'FROM fedora:40\nONBUILD RUN if [ -f pkgs ]; then dnf install -y nginx && dnf clean all; fi\n',
    },
    {
      name: 'no fix inside an escaped sh -c script',
      code: 'FROM fedora:40\nRUN sh -c "dnf install -y \\"nginx\\""\n',
      errors: [{ messageId: 'missingClean', line: 2, column: 11 }],
      output: null,
    },
  ],
});
