import assert from 'node:assert/strict';
import { Writable } from 'node:stream';
import { test } from 'node:test';
import { StreamMessageWriter, type NotificationMessage } from 'vscode-languageserver/node';
import '../../server/src/transport/wholeMessageWrites';

test('a message goes to the stream in one write: header and body together', async () => {
  const writes: Buffer[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      writes.push(Buffer.from(chunk));
      done();
    },
  });
  const writer = new StreamMessageWriter(stream);
  const message: NotificationMessage = { jsonrpc: '2.0', method: 'textDocument/publishDiagnostics', params: { uri: 'file:///a/Dockerfile', diagnostics: [] } };
  await writer.write(message);
  const second: NotificationMessage = { ...message, method: 'window/logMessage' };
  await writer.write(second);
  assert.equal(writes.length, 2);
  const body = JSON.stringify(message);
  assert.equal(writes[0]!.toString('utf8'), `Content-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`);
});
