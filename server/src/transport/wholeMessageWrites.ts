import { WriteableStreamMessageWriter } from 'vscode-languageserver/node';

/**
 * vscode-jsonrpc writes a message's header and body to the stream as two writes, waiting for the first to complete:
 * on stdio that is two system calls and a turn of the event loop for every message. Writing them as one buffer
 * halves that. (Under VS Code the client talks over IPC, which this does not touch.)
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
