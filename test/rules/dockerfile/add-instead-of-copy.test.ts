import { rule } from '../../../server/src/rules/dockerfile/add-instead-of-copy';
import { ruleTester } from '../../ruleTester';

ruleTester(rule, {
  valid: [
    'FROM alpine:3.22\nCOPY app.conf /etc/app.conf\n',
    { name: 'a URL is downloaded', code: 'FROM alpine:3.22\nADD https://example.com/tool.bin /usr/local/bin/tool\n' },
    {
      name: 'a URL with a checksum',
      code: 'FROM alpine:3.22\nADD --checksum=sha256:24454f830cdb571e2c4ad15481119c43b3cafd48dd869a9b2945d1036d1dc68d https://example.com/tool.bin /usr/local/bin/tool\n',
    },
    { name: 'a git repository', code: 'FROM alpine:3.22\nADD --keep-git-dir=true https://github.com/moby/buildkit.git#v0.20.0 /src\n' },
    { name: 'an ssh git address', code: 'FROM alpine:3.22\nADD git@github.com:moby/buildkit.git /src\n' },
    { name: 'a local tar archive is unpacked', code: 'FROM alpine:3.22\nADD rootfs.tar.gz /\n' },
    { name: 'several archives', code: 'FROM alpine:3.22\nADD a.tgz b.tar.xz c.tar.bz2 d.tar /opt/\n' },
    { name: 'a variable may hold a URL', code: 'FROM alpine:3.22\nARG SOURCE_URL\nADD ${SOURCE_URL} /opt/tool\n' },
    { name: 'JSON form with a URL', code: 'FROM alpine:3.22\nADD ["https://example.com/a.bin", "/a.bin"]\n' },
  ],
  invalid: [
    {
      code: 'FROM alpine:3.22\nADD . /app\n',
      errors: [{ messageId: 'add', line: 2, column: 1, endLine: 2, endColumn: 4, data: { source: '.' } }],
      output: 'FROM alpine:3.22\nCOPY . /app\n',
    },
    {
      name: 'flags COPY accepts are kept',
      code: 'FROM alpine:3.22\nADD --chown=app:app --chmod=644 --link config/ /etc/app/\n',
      errors: [{ messageId: 'add', line: 2, column: 1 }],
      output: 'FROM alpine:3.22\nCOPY --chown=app:app --chmod=644 --link config/ /etc/app/\n',
    },
    {
      name: 'a zip file is copied, not unpacked',
      code: 'FROM alpine:3.22\nADD bundle.zip /opt/\n',
      errors: [{ messageId: 'add', line: 2, column: 1, data: { source: 'bundle.zip' } }],
      output: 'FROM alpine:3.22\nCOPY bundle.zip /opt/\n',
    },
    {
      name: 'one local file among URLs: COPY could not fetch them',
      code: 'FROM alpine:3.22\nADD https://example.com/a.bin b.bin /opt/\n',
      errors: [{ messageId: 'add', line: 2, column: 1, data: { source: 'b.bin' } }],
      output: null,
    },
    {
      name: 'one local file beside an archive: COPY would not unpack it',
      code: 'FROM alpine:3.22\nADD vendor.tar.gz notes.txt /opt/\n',
      errors: [{ messageId: 'add', line: 2, column: 1, data: { source: 'notes.txt' } }],
      output: null,
    },
    {
      name: 'JSON form and lower case',
      code: 'FROM alpine:3.22\nadd ["start.sh", "/usr/local/bin/"]\n',
      errors: [{ messageId: 'add', line: 2, column: 1, data: { source: 'start.sh' } }],
      output: 'FROM alpine:3.22\ncopy ["start.sh", "/usr/local/bin/"]\n',
    },
    {
      name: 'an ONBUILD trigger',
      code: 'FROM node:22\nONBUILD ADD . /usr/src/app\n',
      errors: [{ messageId: 'add', line: 2, column: 9 }],
      output: 'FROM node:22\nONBUILD COPY . /usr/src/app\n',
    },
    {
      name: 'a here-document',
      code: 'FROM alpine:3.22\nADD <<EOF /etc/motd\nhello\nEOF\n',
      errors: [{ messageId: 'add', line: 2, column: 1, data: { source: '<<EOF' } }],
      output: 'FROM alpine:3.22\nCOPY <<EOF /etc/motd\nhello\nEOF\n',
    },
    {
      name: 'an ADD-only flag has no COPY equivalent',
      code: 'FROM alpine:3.22\nADD --checksum=sha256:24454f830cdb571e2c4ad15481119c43b3cafd48dd869a9b2945d1036d1dc68d local.bin /opt/\n',
      errors: [{ messageId: 'add', line: 2, column: 1 }],
      output: null,
    },
  ],
});
