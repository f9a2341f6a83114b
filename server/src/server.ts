import { createConnection, ProposedFeatures, TextDocuments, TextDocumentSyncKind, DidChangeConfigurationNotification } from 'vscode-languageserver/node';
import './transport/wholeMessageWrites';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { CodeActionKind, type FormattingOptions } from 'vscode-languageserver-types';
import { ClientCommandIds, CommandIds, FIX_ALL_KIND, Requests, type InitializationOptions } from './protocol';
import { inBackground } from './service/background';
import { codeActions } from './service/codeActions';
import { COMPLETION_TRIGGER_CHARACTERS, completions } from './service/completion';
import { DiagnosticsPublisher } from './service/diagnosticsPublisher';
import { foldingRanges } from './service/folding';
import { FORMATTING_CAPABILITIES, formattingEdits, registerDockerfileFormatting, registersFormatting, type FormattingRequest } from './service/formatting';
import { configTemplate } from './service/configTemplate';
import { hover } from './service/hover';
import { ruleCatalogue, ruleDocsLinks, ruleDocumentation } from './service/ruleDocs';
import { Session } from './service/session';
import { documentSymbols } from './service/symbols';
import { warmUp } from './service/warmUp';
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
  diagnostics = new DiagnosticsPublisher(connection, session, () => documents.keys(), clientPulls, clientRefreshes);
  warmUp(session.linter.rules);
  return {
    capabilities: {
      textDocumentSync: TextDocumentSyncKind.Incremental,
      codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix, FIX_ALL_KIND] },
      executeCommandProvider: { commands: [CommandIds.showRuleDocs] },
      completionProvider: { triggerCharacters: COMPLETION_TRIGGER_CHARACTERS },
      hoverProvider: true,
      documentSymbolProvider: true,
      foldingRangeProvider: true,
      ...(clientRegistersFormatting ? {} : FORMATTING_CAPABILITIES),
      ...(clientPulls ? { diagnosticProvider: { interFileDependencies: true, workspaceDiagnostics: false } } : {}),
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
      forgetFolders(
        session.workspace,
        removed.map((folder) => folder.uri),
      );
      indexFolders(
        session.workspace,
        added.map((folder) => folder.uri),
      );
      diagnostics.refreshAll();
    });
  }
});

documents.onDidChangeContent(({ document }) => {
  session.workspace.open(document.uri, document.getText(), document.languageId);
  inBackground(connection, `Checking ${document.uri}`, diagnostics.documentChanged(document.uri));
});

documents.onDidClose(({ document }) => {
  session.workspace.close(document.uri);
  session.forget(document.uri);
  diagnostics.documentClosed(document.uri);
});

connection.onDidChangeConfiguration(({ settings }) => {
  session.settings.changed(settings);
  diagnostics.refreshAll();
});

connection.onDidChangeWatchedFiles(({ changes }) => {
  applyFileEvents(session.workspace, changes);
  diagnostics.filesChanged(changes.map((change) => change.uri));
});

connection.languages.diagnostics.on(async ({ textDocument }) => ({ kind: 'full', items: await diagnostics.diagnosticsFor(textDocument.uri) }));

connection.onCodeAction(async ({ textDocument, context }) => {
  const result = await session.lint(textDocument.uri);
  return result
    ? codeActions({
        file: result.file,
        findings: result.findings,
        diagnostics: context.diagnostics,
        only: context.only,
        canCreateFile: (uri) => session.canCreateFile(uri),
        clientWritesFiles: session.clientWritesFiles,
        ruleDocs: session.ruleDocs,
      })
    : [];
});

connection.onCompletion(({ textDocument, position }) => completions(session.workspace.get(textDocument.uri), position, session.workspace));
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

connection.onExecuteCommand(async ({ command, arguments: args }) => {
  if (command === CommandIds.showRuleDocs && typeof args?.[0] === 'string') await connection.window.showDocument({ uri: args[0], takeFocus: true });
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
