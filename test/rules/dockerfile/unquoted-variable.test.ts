import { rule } from '../../../server/src/rules/dockerfile/unquoted-variable';
import { ruleTester } from '../../ruleTester';

ruleTester(rule, {
  valid: [
    { name: 'an ARG set to one word', code: 'FROM debian:12\nARG VERSION=1.2.3\nRUN curl -fsSLo /tmp/app.tgz https://example.com/$VERSION/app.tgz\n' },
    { name: 'a list written to be split', code: 'FROM debian:12\nRUN PKGS="curl git" && apt-get install -y $PKGS\n' },
    { name: 'an ENV list written to be split', code: 'FROM debian:12\nENV BUILD_DEPS="gcc make"\nRUN apt-get install -y $BUILD_DEPS\n' },
    { name: 'quoted', code: 'FROM debian:12\nRUN <<EOF\nfor f in /src/*.conf; do\n  cp "$f" /etc/app/\ndone\nEOF\n' },
    { name: 'an assignment does not split', code: 'FROM debian:12\nRUN <<EOF\nfirst=$1\necho "$first"\nEOF\n' },
    { name: 'a loop over literal words', code: 'FROM debian:12\nRUN for pkg in curl git; do apt-get install -y $pkg; done\n' },
    { name: 'a loop over a list variable gives single words', code: 'FROM debian:12\nARG MODULES="a b"\nRUN for m in $MODULES; do make -C $m; done\n' },
    { name: 'numbers: $#, $? and lengths', code: 'FROM debian:12\nRUN <<EOF\nstatus=$?\n[ $status -eq 0 ] && echo $# ${#HOME}\nEOF\n' },
    { name: 'the optional-argument idiom', code: 'FROM debian:12\nRUN <<EOF\n./configure ${1:+--prefix=/opt}\nEOF\n' },
    { name: 'output of a command, not run-time input', code: 'FROM debian:12\nRUN DIR=$(mktemp -d) && cd $DIR && ls\n' },
    { name: 'a platform ARG in a test', code: 'FROM debian:12\nARG TARGETARCH\nRUN if [ $TARGETARCH = arm64 ]; then echo arm; fi\n' },
    { name: '$@ is another check', code: "FROM debian:12\nRUN sh -c 'exec $@' _ echo hi\n" },
    { name: 'exec form runs no shell', code: 'FROM debian:12\nRUN ["cp", "$1", "/opt"]\n' },
    { name: 'hadolint ignore above the RUN', code: "FROM debian:12\n# hadolint ignore=SC2086\nRUN sh -c 'cp $1 /opt' _ a\n" },
    { name: 'shellcheck disable above the RUN', code: "FROM debian:12\n# shellcheck disable=SC2086\nRUN sh -c 'cp $1 /opt' _ a\n" },
  ],
  invalid: [
    {
      name: 'a file name from a glob, in a heredoc',
      code: 'FROM debian:12\nRUN <<EOF\nfor f in /src/*.conf; do\n  cp $f /etc/app/\ndone\nEOF\n',
      errors: [{ messageId: 'unquoted', line: 4, column: 6, endLine: 4, endColumn: 8, data: { text: '$f' } }],
      output: 'FROM debian:12\nRUN <<EOF\nfor f in /src/*.conf; do\n  cp "$f" /etc/app/\ndone\nEOF\n',
    },
    {
      name: 'an ARG without default in a test',
      code: 'FROM debian:12\nARG VERSION\nRUN if [ -n $VERSION ]; then echo "pinned to $VERSION"; fi\n',
      errors: [{ messageId: 'unquotedInTest', line: 3, column: 13, endColumn: 21, data: { text: '$VERSION' } }],
      output: 'FROM debian:12\nARG VERSION\nRUN if [ -n "$VERSION" ]; then echo "pinned to $VERSION"; fi\n',
    },
    {
      name: 'arguments of sh -c, one finding for the RUN',
      code: "FROM debian:12\nRUN sh -c 'cp $1 $2' _ a b\n",
      errors: [{ messageId: 'unquoted', line: 2, column: 15, data: { text: '$1', also: '$2 (line 2)' } }],
      output: 'FROM debian:12\nRUN sh -c \'cp "$1" "$2"\' _ a b\n',
    },
    {
      name: 'a line read from a file, copied into another variable',
      code: 'FROM debian:12\nRUN while read -r line; do name=$line; rm -f /opt/$name; done < /tmp/list\n',
      errors: [{ messageId: 'unquoted', line: 2, column: 51, data: { text: '$name' } }],
      output: 'FROM debian:12\nRUN while read -r line; do name=$line; rm -f /opt/"$name"; done < /tmp/list\n',
    },
    {
      name: 'a shellcheck directive inside the heredoc covers only the command below it',
      code: 'FROM debian:12\nRUN <<EOF\nset -e\n# shellcheck disable=SC2086\ncp $1 /opt\nrm $2\nEOF\n',
      errors: [{ messageId: 'unquoted', line: 6, column: 4, data: { text: '$2' } }],
      output: 'FROM debian:12\nRUN <<EOF\nset -e\n# shellcheck disable=SC2086\ncp $1 /opt\nrm "$2"\nEOF\n',
    },
  ],
});
