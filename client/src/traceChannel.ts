import * as vscode from 'vscode';

/**
 * The channel the language client traces the JSON-RPC traffic to. The client writes traffic at the Trace log level
 * and turns tracing off unless the channel's level is Trace, so `containerStandards.trace.server` alone showed
 * nothing: this channel reports the Trace level, letting the setting decide, and writes each line at Info into the
 * extension's output channel, where it shows at the default level.
 */
export function traceChannel(log: vscode.LogOutputChannel): vscode.LogOutputChannel {
  return {
    name: log.name,
    logLevel: vscode.LogLevel.Trace,
    onDidChangeLogLevel: new vscode.EventEmitter<vscode.LogLevel>().event,
    trace: (message, ...args) => log.info(message, ...args),
    debug: (message, ...args) => log.info(message, ...args),
    info: (message, ...args) => log.info(message, ...args),
    warn: (message, ...args) => log.warn(message, ...args),
    error: (error, ...args) => log.error(error, ...args),
    append: (value) => log.append(value),
    appendLine: (value) => log.appendLine(value),
    replace: (value) => log.replace(value),
    clear: () => log.clear(),
    // Of the two overloads, only `preserveFocus` matters for an output channel.
    show: (...args: unknown[]) => log.show(args.find((arg) => typeof arg === 'boolean')),
    hide: () => log.hide(),
    // The extension's channel is disposed with the extension, not by the client.
    dispose: () => {},
  };
}
