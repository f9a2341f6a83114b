import { ShowMessageNotification, type Connection, type MessageType } from 'vscode-languageserver';

/**
 * Runs work nobody awaits, such as a request to the client that the client may answer with an error. Node ends
 * the process on an unhandled rejection, so a failure is logged instead: one refused message must not take
 * every diagnostic down with the server.
 */
export function inBackground(connection: Connection, what: string, work: Promise<unknown>): void {
  work.catch((error: unknown) => connection.console.error(`${what} failed: ${error instanceof Error ? error.message : String(error)}`));
}

/** A `window/showMessage` notification, not a `window/showMessageRequest`: no answer to wait for, or to be refused. */
export function showMessage(connection: Connection, type: MessageType, message: string): void {
  inBackground(connection, 'Showing a message', connection.sendNotification(ShowMessageNotification.type, { type, message }));
}
