import {
  createConnection,
  ProposedFeatures,
  TextDocuments,
  TextDocumentSyncKind,
  DidChangeConfigurationNotification,
  FileChangeType,
  type FileEvent,
  MessageType,
} from 'vscode-languageserver/node';
import './transport/wholeMessageWrites';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { CodeActionKind, type FormattingOptions } from 'vscode-languageserver-types';
import { ClientCommandIds, CommandIds, FIX_ALL_KIND, type FilesCreatedParams, type InitializationOptions, Notifications, Requests } from './protocol';
import { inBackground, showMessage } from './service/background';
import { asksFor, codeActions } from './service/codeActions';
import { COMPLETION_TRIGGER_CHARACTERS, completions } from './service/completion';
import { DiagnosticsPublisher } from './service/diagnosticsPublisher';
import { foldingRanges } from './service/folding';
import { FORMATTING_CAPABILITIES, formattingEdits, registerDockerfileFormatting, registersFormatting, type FormattingRequest } from './service/formatting';
import { configTemplate } from './service/configTemplate';
import { workspaceFixes } from './service/fixWorkspace';
import { hover } from './service/hover';
import { lintWorkspace } from './service/lintWorkspace';
import { ruleCatalogue, ruleDocsLinks, ruleDocumentation } from './service/ruleDocs';
import { Session } from './service/session';
import { documentSymbols } from './service/symbols';
import { keepHeapSmall } from './service/memoryPolicy';
import { warmUp } from './service/warmUp';
import { WorkspaceDiagnostics } from './service/workspaceDiagnostics';
import { containerFileUris } from './service/workspaceFiles';
import { applyFileEvents, forgetFolders, indexFolders } from './service/workspaceIndex';

// Wiring only: every request is answered by a module under service/.
const connection = createConnection(ProposedFeatures.all);
const documents = new TextDocuments(TextDocument);
let canPullSettings = false;
let canRegisterConfigurationChange = false;
let clientChangesFolders = false;
let clientRegistersFormatting = false;
let workspaceFolderUris: string[] = [];
const session = new Session(connection, () => canPullSettings);
let diagnostics!: DiagnosticsPublisher;
const workspaceDiagnostics = new WorkspaceDiagnostics(
  session,
  // A document of a file deleted on disk stays in the editor's memory for a while after its tab closed, without a
  // didClose: reported on, a deleted folder's problems would outlive it.
  () => documents.all().flatMap(({ uri, version }) => (session.workspace.isDeletedOnDisk(uri) ? [] : [{ uri, version }])),
  () => containerFileUris(session.workspace),
  (count) =>
    showMessage(
      connection,
      MessageType.Info,
      `Container Standards: this workspace has ${count} container file candidates, too many to check in the background; the Problems panel shows the open ones. Run "Container Standards: Lint Workspace" to check them all.`,
    ),
);

connection.onInitialize((params) => {
  const capabilities = params.capabilities;
  canPullSettings = capabilities.workspace?.configuration === true;
  const workspaceEdit = capabilities.workspace?.workspaceEdit;
  session.clientCreatesFiles = workspaceEdit?.documentChanges === true && workspaceEdit.resourceOperations?.includes('create') === true;
  const clientCommands = (params.initializationOptions as InitializationOptions | undefined)?.clientCommands;
  session.clientWritesFiles = Array.isArray(clientCommands) && clientCommands.includes(ClientCommandIds.createFiles);
  canRegisterConfigurationChange = capabilities.workspace?.didChangeConfiguration?.dynamicRegistration === true;
  clientChangesFolders = capabilities.workspace?.workspaceFolders === true;
  clientRegistersFormatting = registersFormatting(capabilities);
  session.ruleDocs = ruleDocsLinks(params.initializationOptions as InitializationOptions | undefined);
  workspaceFolderUris = params.workspaceFolders?.map((folder) => folder.uri) ?? (params.rootUri ? [params.rootUri] : []);
  const clientPulls = capabilities.textDocument?.diagnostic !== undefined;
  const clientRefreshes = capabilities.workspace?.diagnostics?.refreshSupport === true;
  diagnostics = new DiagnosticsPublisher(
    connection,
    session,
    () => documents.keys(),
    (uri) => documents.get(uri)?.version,
    clientPulls,
    clientRefreshes,
  );
  warmUp(session.linter.rules);
  keepHeapSmall();
  return {
    capabilities: {
      textDocumentSync: TextDocumentSyncKind.Incremental,
      codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix, FIX_ALL_KIND] },
      executeCommandProvider: { commands: [CommandIds.showRuleDocs, CommandIds.lintWorkspace, CommandIds.fixWorkspace] },
      completionProvider: { triggerCharacters: COMPLETION_TRIGGER_CHARACTERS },
      hoverProvider: true,
      documentSymbolProvider: true,
      foldingRangeProvider: true,
      ...(clientRegistersFormatting ? {} : FORMATTING_CAPABILITIES),
      ...(clientPulls ? { diagnosticProvider: { interFileDependencies: true, workspaceDiagnostics: true } } : {}),
      workspace: { workspaceFolders: { supported: true, changeNotifications: true } },
    },
    serverInfo: { name: 'container-standards-language-server' },
  };
});

connection.onInitialized(() => {
  if (canRegisterConfigurationChange) {
    inBackground(connection, 'Registering for configuration changes', connection.client.register(DidChangeConfigurationNotification.type, undefined));
  }
  if (clientRegistersFormatting) inBackground(connection, 'Registering Dockerfile formatting', registerDockerfileFormatting(connection));
  const indexed = indexFolders(session.workspace, workspaceFolderUris);
  connection.console.info(`Indexed ${indexed} container file candidates in ${workspaceFolderUris.length} workspace folder(s).`);
  if (clientChangesFolders) {
    connection.workspace.onDidChangeWorkspaceFolders(({ added, removed }) => {
      const removedUris = new Set(removed.map((folder) => folder.uri));
      workspaceFolderUris = [...workspaceFolderUris.filter((uri) => !removedUris.has(uri)), ...added.map((folder) => folder.uri)];
      forgetFolders(
        session.workspace,
        removed.map((folder) => folder.uri),
      );
      indexFolders(
        session.workspace,
        added.map((folder) => folder.uri),
      );
      diagnostics.refreshAll();
      workspaceDiagnostics.changed();
    });
  }
});

session.onTablesBuilt(() => {
  diagnostics.tablesBuilt();
  workspaceDiagnostics.changed();
});

documents.onDidChangeContent(({ document }) => {
  session.workspace.open(document.uri, document.getText(), document.languageId);
  inBackground(connection, `Checking ${document.uri}`, diagnostics.documentChanged(document.uri));
  workspaceDiagnostics.changed();
});

documents.onDidClose(({ document }) => {
  session.workspace.close(document.uri);
  session.forget(document.uri);
  diagnostics.documentClosed(document.uri);
  workspaceDiagnostics.changed();
});

connection.onDidChangeConfiguration(({ settings }) => {
  session.settings.changed(settings);
  diagnostics.refreshAll();
  workspaceDiagnostics.changed();
});

function filesChangedOnDisk(changes: readonly FileEvent[]): void {
  applyFileEvents(session.workspace, changes);
  diagnostics.filesChanged(changes.map((change) => change.uri));
  workspaceDiagnostics.changed();
}
connection.onDidChangeWatchedFiles(({ changes }) => filesChangedOnDisk(changes));
connection.onNotification(Notifications.filesCreated, ({ uris }: FilesCreatedParams) =>
  filesChangedOnDisk(uris.map((uri) => ({ uri, type: FileChangeType.Created }))),
);

connection.languages.diagnostics.on(async ({ textDocument }) => ({ kind: 'full', items: await diagnostics.diagnosticsFor(textDocument.uri) }));
connection.languages.diagnostics.onWorkspace(({ previousResultIds }, token) => workspaceDiagnostics.pull(previousResultIds, token));

connection.onCodeAction(async ({ textDocument, context }) => {
  // Fix-all asked for by name (on save, a command) waits for every rule; the light bulb's list goes without it meanwhile.
  const explicitFixAll = context.only !== undefined && asksFor(context.only, FIX_ALL_KIND);
  const result = await session.lint(textDocument.uri, { complete: explicitFixAll });
  return result
    ? codeActions({
        file: result.file,
        findings: result.findings,
        partial: result.deferredRules.length > 0,
        diagnostics: context.diagnostics,
        only: context.only,
        canCreateFile: (uri) => session.canCreateFile(uri),
        clientWritesFiles: session.clientWritesFiles,
        ruleDocs: session.ruleDocs,
      })
    : [];
});

connection.onCompletion(({ textDocument, position }) =>
  session.answerFast(() => completions(session.workspace.get(textDocument.uri), position, session.workspace)),
);
connection.onHover(async ({ textDocument, position }) => hover(await session.lint(textDocument.uri), position, session.linter.rules, session.ruleDocs));
connection.onDocumentSymbol(({ textDocument }) => documentSymbols(session.workspace.get(textDocument.uri)));
connection.onFoldingRanges(({ textDocument }) => foldingRanges(session.workspace.get(textDocument.uri)));

const formatting = async (uri: string, request: FormattingRequest, options: FormattingOptions) =>
  (await session.settings.formatEnabled(uri)) ? formattingEdits(session.workspace.get(uri), request, options) : [];
connection.onDocumentFormatting(({ textDocument, options }) => formatting(textDocument.uri, { kind: 'document' }, options));
connection.onDocumentRangeFormatting(({ textDocument, range, options }) => formatting(textDocument.uri, { kind: 'range', range }, options));
connection.onDocumentOnTypeFormatting(({ textDocument, position, ch, options }) =>
  formatting(textDocument.uri, { kind: 'onType', position, typed: ch }, options),
);

connection.onExecuteCommand(async ({ command, arguments: args }, token, progress) => {
  const scopeUri = typeof args?.[0] === 'string' ? args[0] : undefined;
  if (command === CommandIds.showRuleDocs && scopeUri) await connection.window.showDocument({ uri: scopeUri, takeFocus: true });
  // Asked for explicitly: the disk is read again, in case the file watcher missed or has not yet reported a change
  // (a folder copied whole, the file an applied fix just created).
  if (command === CommandIds.lintWorkspace || command === CommandIds.fixWorkspace) {
    session.workspace.forgetDiskReads();
    indexFolders(session.workspace, scopeUri ? [scopeUri] : workspaceFolderUris);
  }
  if (command === CommandIds.lintWorkspace) {
    const summary = await lintWorkspace(session, workspaceFolderUris, scopeUri, token, progress);
    if (diagnostics.clientPulls) workspaceDiagnostics.includeEveryFile();
    else if (!summary.cancelled) await diagnostics.publishClosedFiles(containerFileUris(session.workspace, scopeUri));
    return summary;
  }
  if (command === CommandIds.fixWorkspace) {
    const openVersion = (uri: string) => documents.get(uri)?.version;
    return workspaceFixes({ session, folderUris: workspaceFolderUris, scopeUri, openVersion, token, progress });
  }
  return null;
});

connection.onRequest(Requests.rules, () => ruleCatalogue(session.linter.rules));
connection.onRequest(Requests.ruleDocumentation, (params: { ruleId?: unknown }) =>
  typeof params?.ruleId === 'string' ? ruleDocumentation(session.linter.rules, params.ruleId) : null,
);
connection.onRequest(Requests.configTemplate, (params: { schemaUri?: unknown }) =>
  configTemplate(session.linter.rules, typeof params?.schemaUri === 'string' ? params.schemaUri : ''),
);

documents.listen(connection);
connection.listen();
