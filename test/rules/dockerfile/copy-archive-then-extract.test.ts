import { rule } from '../../../server/src/rules/dockerfile/copy-archive-then-extract';
import { ruleTester } from '../../ruleTester';

ruleTester(rule, {
  valid: [
    'FROM alpine:3.22\nADD app.tar.gz /opt/app/\n',
    { name: 'an archive copied but not unpacked', code: 'FROM alpine:3.22\nCOPY app.tar.gz /srv/downloads/\n' },
    { name: 'a zip, which ADD would not unpack', code: 'FROM alpine:3.22\nCOPY site.zip /tmp/\nRUN unzip /tmp/site.zip -d /srv\n' },
    { name: 'tar creates rather than extracts', code: 'FROM alpine:3.22\nCOPY app.tgz /tmp/\nRUN tar -czf /tmp/backup.tgz /etc\n' },
    { name: 'a different archive is extracted', code: 'FROM alpine:3.22\nCOPY app.tgz /tmp/\nRUN tar -xzf /tmp/other.tgz -C /opt\n' },
    {
      name: 'stripping path components needs tar',
      code: 'FROM alpine:3.22\nCOPY node.tar.xz /tmp/\nRUN tar -xJf /tmp/node.tar.xz -C /usr/local --strip-components=1\n',
    },
    {
      name: 'an archive from another stage',
      code: 'FROM alpine:3.22 AS fetch\nRUN wget -q https://example.com/app.tgz\nFROM alpine:3.22\nCOPY --from=fetch /app.tgz /tmp/\nRUN tar -xzf /tmp/app.tgz -C /opt\n',
    },
    { name: 'the extraction happens in another stage', code: 'FROM alpine:3.22 AS a\nCOPY app.tgz /tmp/\nFROM alpine:3.22\nRUN tar -xzf /tmp/app.tgz\n' },
  ],
  invalid: [
    {
      code: 'FROM alpine:3.22\nCOPY app.tar.gz /tmp/\nRUN tar -xzf /tmp/app.tar.gz -C /opt\n',
      errors: [{ messageId: 'extract', line: 2, column: 6, endLine: 2, endColumn: 16, data: { archive: 'app.tar.gz', line: 3 } }],
    },
    {
      name: 'old-style bundled options without a dash',
      code: 'FROM debian:bookworm-slim\nCOPY vendor/deps.tgz /build/\nRUN cd /build && tar xzf deps.tgz\n',
      errors: [{ messageId: 'extract', line: 2, column: 6, data: { archive: 'vendor/deps.tgz' } }],
    },
    {
      name: 'extracted under the name of the destination, with --file',
      code: 'FROM alpine:3.22\nCOPY release-1.2.tar.xz /tmp/release.tar.xz\nRUN tar --extract --file=/tmp/release.tar.xz --directory /opt\n',
      errors: [{ messageId: 'extract', line: 2, column: 6 }],
    },
    {
      name: 'inside sh -c in exec form',
      code: 'FROM alpine:3.22\nCOPY ["rootfs.tar", "/tmp/"]\nRUN ["sh", "-c", "tar -xf /tmp/rootfs.tar -C / && rm /tmp/rootfs.tar"]\n',
      errors: [{ messageId: 'extract', line: 2, column: 8 }],
    },
  ],
});
