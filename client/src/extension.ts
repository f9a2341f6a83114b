import * as vscode from 'vscode';
import { LanguageClient, TransportKind, type LanguageClientOptions, type ServerOptions } from 'vscode-languageclient/node';
import { SETTINGS_SECTION, WATCHED_FILES_GLOB } from '../../server/src/protocol';
import { registerScaffoldCommands } from './scaffold/commands';
import { registerWorkspaceCommands } from './workspaceCommands';

// The client only starts the server and hosts editor commands; it knows nothing about rules.
let client: LanguageClient | undefined;

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  const log = vscode.window.createOutputChannel('Container Standards', { log: true });
  context.subscriptions.push(log);
  const serverModule = context.asAbsolutePath('dist/server/server.js');
  const serverOptions: ServerOptions = {
    run: { module: serverModule, transport: TransportKind.ipc },
    debug: { module: serverModule, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6019'] } },
  };
  const clientOptions: LanguageClientOptions = {
    documentSelector: [
      { scheme: 'file', language: 'dockerfile' },
      { scheme: 'file', language: 'dockercompose' },
      { scheme: 'file', language: 'yaml' },
      // ECS task definitions; the server checks only JSON files that are one and ignores the rest.
      { scheme: 'file', language: 'json' },
      { scheme: 'untitled', language: 'dockerfile' },
      { scheme: 'untitled', language: 'dockercompose' },
      { scheme: 'untitled', language: 'yaml' },
      { scheme: 'untitled', language: 'json' },
    ],
    synchronize: {
      configurationSection: SETTINGS_SECTION,
      fileEvents: [
        vscode.workspace.createFileSystemWatcher(WATCHED_FILES_GLOB),
        // A folder created or deleted whole may be one event for the folder, which the glob above does not match: its
        // files must be indexed, or their findings cleared.
        vscode.workspace.createFileSystemWatcher('**/*', false, true, false),
      ],
    },
    outputChannel: log,
  };
  client = new LanguageClient('containerStandards', 'Container Standards', serverOptions, clientOptions);
  context.subscriptions.push(
    vscode.commands.registerCommand('containerStandards.restartServer', async () => {
      log.info('Restarting the language server');
      await client?.restart();
    }),
  );
  // Registered before the server starts, so the commands answer even while it is starting (or cannot start).
  registerScaffoldCommands(context);
  registerWorkspaceCommands(context, () => client);
  await client.start();
}

export async function deactivate(): Promise<void> {
  await client?.stop();
  client = undefined;
}
