import { rule } from '../../../server/src/rules/dockerfile/apt-get-pin-versions';
import { ruleTester } from '../../ruleTester';

ruleTester(rule, {
  valid: [
    {
      name: 'a builder stage that only COPY --from reads',
      code: 'FROM debian:12 AS build\nRUN apt-get update && apt-get install -y --no-install-recommends build-essential\nFROM debian:12-slim\nCOPY --from=build /out /out\n',
    },
    'FROM debian:12\nRUN apt-get install -y --no-install-recommends curl=7.88.1-10+deb12u5\n',
    { name: 'local .deb files', code: 'FROM debian:12\nRUN apt-get install -y ./tool_1.0_amd64.deb /tmp/other.deb\n' },
    { name: 'a release suffix', code: 'FROM debian:12\nRUN apt-get install -y curl/bookworm-backports\n' },
    { name: 'variables are decided at build time', code: 'FROM debian:12\nRUN apt-get install -y "curl=${CURL_VERSION}" $EXTRA_PACKAGES\n' },
    { name: 'the -t value is a release, not a package', code: 'FROM debian:12\nRUN apt-get install -y -t bookworm-backports git=1:2.45.2-1~bpo12+1\n' },
    { name: 'no packages (fix broken installs)', code: 'FROM debian:12\nRUN apt-get install -f -y\n' },
    { name: 'apt-get update and upgrade', code: 'FROM debian:12\nRUN apt-get update && apt-get upgrade -y\n' },
  ],
  invalid: [
    {
      code: 'FROM debian:12\nRUN apt-get install -y curl\n',
      errors: [{ messageId: 'unpinned', line: 2, column: 24, endLine: 2, endColumn: 28, data: { package: 'curl' } }],
    },
    {
      name: 'the unpinned packages of one install, across continuation lines, once',
      code: 'FROM debian:12\nRUN apt-get update && apt-get install -y \\\n    ca-certificates=20230311 \\\n    git \\\n    curl\n',
      errors: [{ messageId: 'unpinned', line: 4, column: 5, endLine: 5, endColumn: 9, data: { packages: '"git", "curl"', first: 'git=<version>' } }],
    },
    {
      name: 'heredoc, sh -c, exec form and ONBUILD RUN',
      code: 'FROM debian:12\nRUN <<EOF\napt-get install -y a\nEOF\nRUN bash -c "apt-get install -y b"\nRUN ["apt-get", "install", "-y", "c"]\nONBUILD RUN apt-get -o Dpkg::Options::=--force-confnew install -y d\n',
      errors: [
        { messageId: 'unpinned', line: 3, column: 20, data: { package: 'a' } },
        { messageId: 'unpinned', line: 5, column: 33, data: { package: 'b' } },
        { messageId: 'unpinned', line: 6, column: 35, data: { package: 'c' } },
        { messageId: 'unpinned', line: 7, column: 67, data: { package: 'd' } },
      ],
    },
  ],
});
