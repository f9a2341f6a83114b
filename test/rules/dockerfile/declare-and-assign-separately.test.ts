import { rule } from '../../../server/src/rules/dockerfile/declare-and-assign-separately';
import { ruleTester } from '../../ruleTester';

ruleTester(rule, {
  valid: [
    { name: 'assigned, then exported', code: 'FROM golang:1.24\nRUN GOPATH=$(go env GOPATH) && export GOPATH && make install\n' },
    { name: 'a value without a command', code: 'FROM debian:12\nRUN export PATH=/opt/bin:$PATH && make\n' },
    { name: 'a command that cannot fail', code: 'FROM debian:12\nRUN set -eux; export GNUPGHOME="$(mktemp -d)"; gpg --list-keys\n' },
    {
      name: 'a pipeline whose last command cannot fail',
      code: 'FROM debian:12\nRUN export TAG=$(git ls-remote --tags https://example.com/x | tail -n 1) && echo "$TAG"\n',
    },
    { name: 'followed by ; without set -e: the failure is ignored either way', code: 'FROM debian:12\nRUN export VERSION=$(cat /VERSION); echo "$VERSION"\n' },
  ],
  invalid: [
    {
      code: 'FROM golang:1.24\nRUN export GOPATH=$(go env GOPATH) && make install\n',
      errors: [{ messageId: 'masked', line: 2, column: 5, endColumn: 35, data: { text: 'export GOPATH=$(go env GOPATH)', builtin: 'export' } }],
      output: 'FROM golang:1.24\nRUN GOPATH=$(go env GOPATH) && export GOPATH && make install\n',
    },
    {
      name: 'under set -e, a statement of its own: split with ;',
      code: 'FROM debian:12\nRUN <<EOF\nset -e\nexport VERSION="$(cat /src/VERSION)"\nmake VERSION="$VERSION"\nEOF\n',
      errors: [{ messageId: 'masked', line: 4, column: 1 }],
      output: 'FROM debian:12\nRUN <<EOF\nset -e\nVERSION="$(cat /src/VERSION)"; export VERSION\nmake VERSION="$VERSION"\nEOF\n',
    },
    {
      name: 'local in a function: declared first',
      code: 'FROM debian:12\nRUN <<EOF\nset -e\nfetch() {\n  local sum=$(curl -fsSL "$1.sha256")\n  echo "$sum"\n}\nfetch https://example.com/app\nEOF\n',
      errors: [{ messageId: 'masked', line: 5, column: 3, data: { builtin: 'local' } }],
      output:
        'FROM debian:12\nRUN <<EOF\nset -e\nfetch() {\n  local sum; sum=$(curl -fsSL "$1.sha256")\n  echo "$sum"\n}\nfetch https://example.com/app\nEOF\n',
    },
    {
      name: 'several assignments in one export: no fix',
      code: 'FROM debian:12\nRUN export A=1 B=$(git rev-parse HEAD) && make\n',
      errors: [{ messageId: 'masked', line: 2, column: 5 }],
      output: null,
    },
  ],
});
