import { rule } from '../../../server/src/rules/dockerfile/apt-no-install-recommends';
import { ruleTester } from '../../ruleTester';

ruleTester(rule, {
  valid: [
    {
      name: 'a builder stage that only COPY --from reads: its layers do not ship',
      code: 'FROM debian:bookworm AS builder\nRUN apt-get update && apt-get install -y build-essential\nFROM debian:bookworm-slim\nCOPY --from=builder /out /out\n',
    },
    'FROM debian:12\nRUN apt-get update && apt-get install -y --no-install-recommends curl\n',
    { name: 'flag before the subcommand', code: 'FROM debian:12\nRUN apt-get --no-install-recommends -y install curl\n' },
    { name: 'the apt option spelling', code: 'FROM debian:12\nRUN apt-get install -y -o APT::Install-Recommends=false curl\n' },
    { name: 'the option attached to -o', code: 'FROM debian:12\nRUN apt-get -oAPT::Install-Recommends=0 install -y curl\n' },
    { name: 'other apt-get subcommands', code: 'FROM debian:12\nRUN apt-get update && apt-get upgrade -y\n' },
    { name: 'apt-cache and apt-get download', code: 'FROM debian:12\nRUN apt-cache show install && apt-get download curl\n' },
    { name: 'install as an -o value is no subcommand', code: 'FROM debian:12\nRUN apt-get -o Debug::pkgProblemResolver=install update\n' },
    { name: 'echo mentioning apt-get install', code: 'FROM debian:12\nRUN echo "apt-get install curl"\n' },
  ],
  invalid: [
    {
      code: 'FROM debian:12\nRUN apt-get update && apt-get install -y curl\n',
      errors: [{ messageId: 'recommends', line: 2, column: 23, endLine: 2, endColumn: 38 }],
      output: 'FROM debian:12\nRUN apt-get update && apt-get install --no-install-recommends -y curl\n',
    },
    {
      name: 'options before the subcommand and continuation lines',
      code: 'FROM debian:12\nRUN apt-get update \\\n && apt-get -qq install \\\n      curl \\\n      git\n',
      errors: [{ messageId: 'recommends', line: 3, column: 5, endLine: 3, endColumn: 24 }],
      output: 'FROM debian:12\nRUN apt-get update \\\n && apt-get -qq install --no-install-recommends \\\n      curl \\\n      git\n',
    },
    {
      name: 'every apt-get install of the RUN, after ; and in if',
      code: 'FROM debian:12\nRUN apt-get install -y a; if true; then apt-get install -y b; fi\n',
      errors: [
        { messageId: 'recommends', line: 2, column: 5 },
        { messageId: 'recommends', line: 2, column: 41 },
      ],
      output: 'FROM debian:12\nRUN apt-get install --no-install-recommends -y a; if true; then apt-get install --no-install-recommends -y b; fi\n',
    },
    {
      name: 'Install-Recommends set to true does not count',
      code: 'FROM debian:12\nRUN apt-get install -y -o APT::Install-Recommends=true curl\n',
      errors: [{ messageId: 'recommends', line: 2, column: 5 }],
      output: 'FROM debian:12\nRUN apt-get install --no-install-recommends -y -o APT::Install-Recommends=true curl\n',
    },
    {
      name: 'heredoc script',
      code: 'FROM debian:12\nRUN <<EOF\nset -e\napt-get update\napt-get install -y curl\nEOF\n',
      errors: [{ messageId: 'recommends', line: 5, column: 1, endLine: 5, endColumn: 16 }],
      output: 'FROM debian:12\nRUN <<EOF\nset -e\napt-get update\napt-get install --no-install-recommends -y curl\nEOF\n',
    },
    {
      name: 'sh -c in shell form',
      code: "FROM debian:12\nRUN sh -c 'apt-get install -y curl'\n",
      errors: [{ messageId: 'recommends', line: 2, column: 12 }],
      output: "FROM debian:12\nRUN sh -c 'apt-get install --no-install-recommends -y curl'\n",
    },
    {
      name: 'exec form',
      code: 'FROM debian:12\nRUN ["apt-get", "install", "-y", "curl"]\n',
      errors: [{ messageId: 'recommends', line: 2, column: 7 }],
      output: 'FROM debian:12\nRUN ["apt-get", "install", "--no-install-recommends", "-y", "curl"]\n',
    },
    {
      name: 'exec-form sh -c',
      code: 'FROM debian:12\nRUN ["sh", "-c", "apt-get install -y curl"]\n',
      errors: [{ messageId: 'recommends', line: 2, column: 19 }],
      output: 'FROM debian:12\nRUN ["sh", "-c", "apt-get install --no-install-recommends -y curl"]\n',
    },
    {
      name: 'ONBUILD RUN',
      code: 'FROM debian:12\nONBUILD RUN apt-get install -y curl\n',
      errors: [{ messageId: 'recommends', line: 2, column: 13 }],
      output: 'FROM debian:12\nONBUILD RUN apt-get install --no-install-recommends -y curl\n',
    },
    {
      name: 'an escaped sh -c string gets no fix',
      code: 'FROM debian:12\nRUN sh -c "echo \\"x\\" && apt-get install -y curl"\n',
      errors: [{ messageId: 'recommends', line: 2, column: 11 }],
      output: null,
    },
  ],
});
