import { WriteableStreamMessageWriter } from 'vscode-languageserver/node';

/**
 * vscode-jsonrpc writes a message's header and body to the stream as two writes, waiting for the first to complete:
 * on stdio that is two system calls and a turn of the event loop for every message. Writing them as one buffer
 * halves that. (Under VS Code the client talks over IPC, which this does not touch.) Passing a writer of our own to
 * createConnection would lose what its `--stdio` mode sets up (console output sent as log messages, exit when stdin
 * closes), so the writer's method is replaced: vscode-languageserver is pinned (package.json, which pins its
 * vscode-jsonrpc), and test/lsp/wholeMessageWrites.test.ts fails when a message is no longer one write.
 */
type Writer = { writable: { write(data: Uint8Array): Promise<void> }; handleError(error: unknown, message: unknown): void };
const prototype = WriteableStreamMessageWriter.prototype as unknown as Record<string, unknown>;
if (typeof prototype.doWrite === 'function') {
  prototype.doWrite = async function doWrite(this: Writer, message: unknown, headers: string[], body: Uint8Array): Promise<void> {
    try {
      await this.writable.write(Buffer.concat([Buffer.from(headers.join(''), 'ascii'), body]));
    } catch (error) {
      this.handleError(error, message);
      throw error;
    }
  };
}
