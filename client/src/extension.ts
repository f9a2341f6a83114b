import * as vscode from 'vscode';
import { LanguageClient, TransportKind, type LanguageClientOptions, type ServerOptions } from 'vscode-languageclient/node';
import { ClientCommandIds, CommandIds, SETTINGS_SECTION, WATCHED_FILES_GLOB, type InitializationOptions } from '../../server/src/protocol';
import { createConfigFile } from './createConfigFile';
import { registerCreateFilesCommand } from './createFiles';
import { registerRuleDocs } from './ruleDocs';
import { registerScaffoldCommands } from './scaffold/commands';
import { showRules } from './showRules';
import { registerStatusBar } from './statusBar';
import { traceChannel } from './traceChannel';
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
    traceOutputChannel: traceChannel(log),
    initializationOptions: {
      clientCommands: [ClientCommandIds.createFiles],
      openRuleDocsCommand: CommandIds.openRuleDocs,
    } satisfies InitializationOptions,
    // The server links rule documentation to this command in hovers; no other command runs from server Markdown.
    markdown: { isTrusted: { enabledCommands: [CommandIds.openRuleDocs] } },
  };
  const languageClient = new LanguageClient('containerStandards', 'Container Standards', serverOptions, clientOptions);
  client = languageClient;
  context.subscriptions.push(
    vscode.commands.registerCommand('containerStandards.restartServer', async () => {
      log.info('Restarting the language server');
      await client?.restart();
    }),
    vscode.commands.registerCommand('containerStandards.showRules', () => showRules(languageClient)),
    vscode.commands.registerCommand('containerStandards.createConfigFile', () => createConfigFile(languageClient, context.extensionUri)),
    vscode.commands.registerCommand('containerStandards.openWalkthrough', () =>
      vscode.commands.executeCommand('workbench.action.openWalkthrough', `${context.extension.id}#gettingStarted`, false),
    ),
  );
  registerRuleDocs(context, languageClient);
  registerStatusBar(context, languageClient, log);
  // Registered before the server starts, so the commands answer even while it is starting (or cannot start).
  registerScaffoldCommands(context);
  registerCreateFilesCommand(context, () => client);
  registerWorkspaceCommands(context, () => client);
  await languageClient.start();
}

export async function deactivate(): Promise<void> {
  await client?.stop();
  client = undefined;
}
