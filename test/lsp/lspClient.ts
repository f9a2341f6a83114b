// A minimal LSP client that drives the real bundled language server over stdio, for protocol-level tests.
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { TestContext } from 'node:test';
import {
  CancellationTokenSource,
  CodeActionRequest,
  CompletionRequest,
  ConfigurationRequest,
  createProtocolConnection,
  DidChangeConfigurationNotification,
  DidChangeTextDocumentNotification,
  DidChangeWatchedFilesNotification,
  DidChangeWorkspaceFoldersNotification,
  DidCloseTextDocumentNotification,
  DidOpenTextDocumentNotification,
  DiagnosticRefreshRequest,
  DocumentDiagnosticRequest,
  WorkspaceDiagnosticRequest,
  type PreviousResultId,
  type WorkspaceDiagnosticReport,
  DocumentFormattingRequest,
  DocumentOnTypeFormattingRequest,
  DocumentRangeFormattingRequest,
  DocumentSymbolRequest,
  ErrorCodes,
  ExecuteCommandRequest,
  ExitNotification,
  FoldingRangeRequest,
  HoverRequest,
  InitializedNotification,
  InitializeRequest,
  LogMessageNotification,
  PublishDiagnosticsNotification,
  RegistrationRequest,
  ResponseError,
  ShowDocumentRequest,
  ShowMessageNotification,
  ShowMessageRequest,
  ShutdownRequest,
  StreamMessageReader,
  StreamMessageWriter,
  type ClientCapabilities,
  type CodeAction,
  type CompletionItem,
  type ConfigurationParams,
  type Command,
  type Diagnostic,
  type DocumentSymbol,
  type FileEvent,
  type FoldingRange,
  type FormattingOptions,
  type Hover,
  type InitializeResult,
  type Position,
  type ProtocolConnection,
  type PublishDiagnosticsParams,
  type Range,
  type RegistrationParams,
  type SymbolInformation,
  type TextDocumentContentChangeEvent,
  type TextEdit,
  type WorkspaceEdit,
} from 'vscode-languageserver-protocol/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { applyChange } from './textModel';

const SERVER_PATH = resolve(__dirname, '../../dist/server/server.js');
const SETTINGS_SECTION = 'containerStandards';
/** How long any single wait for the server may take before the test fails. */
const TIMEOUT_MS = 5_000;

export interface StartOptions {
  /** Sent as `initializationOptions`, as the VS Code client does. */
  initializationOptions?: unknown;
  /** Advertise `textDocument.diagnostic`, so the server answers pulls instead of publishing. */
  pull?: boolean;
  /** The `containerStandards` settings answered to `workspace/configuration`. */
  settings?: unknown;
  /** A folder on disk opened as the workspace; otherwise the client works in a fresh temporary folder. */
  workspaceFolder?: string;
  /**
   * Server-to-client requests this client does not implement, as some editors do not: it leaves out their
   * capabilities and answers them with "method not found".
   */
  lacks?: ('workspace/diagnostic/refresh' | 'window/showMessageRequest')[];
  /** Advertise workspace edits that create files (`documentChanges` with the `create` resource operation). */
  createsFiles?: boolean;
  /** Advertise dynamic registration of document, range and on-type formatting, as VS Code does. */
  registersFormatting?: boolean;
  /** Runs the server under a wrapper (e.g. `['unshare', '-rn']`) and with Node flags (e.g. the permission model). */
  launch?: { wrapper?: readonly string[]; nodeFlags?: readonly string[] };
  /** The `processId` of `initialize`: the editor process the server watches, this test process unless given. */
  processId?: number;
}

/** A message the server sent to the client, in arrival order. */
interface Received {
  method: string;
  params: unknown;
}

/** A code action rather than a bare command (both may answer textDocument/codeAction). */
export function isCodeAction(action: Command | CodeAction): action is CodeAction {
  return typeof action.command !== 'string';
}

/** Starts the bundled server for one test and stops it when the test ends, however it ends. */
export async function startServer(t: TestContext, options: StartOptions = {}): Promise<LspClient> {
  const client = new LspClient(options);
  t.after(() => client.stop());
  await client.initialize();
  return client;
}

export class LspClient {
  /** What the client answers to `workspace/configuration`; tests change it and then notify the server. */
  settings: unknown;
  initializeResult!: InitializeResult;
  readonly received: Received[] = [];

  private readonly child: ChildProcessWithoutNullStreams;
  private readonly connection: ProtocolConnection;
  /** How the server process ended (an exit code or a signal), once it has. */
  private exitedHow: string | undefined;
  private readonly exited: Promise<string>;
  private readonly folder: string;
  private stderr = '';
  private readonly documents = new Map<string, TextDocument>();
  private readonly lastPublished = new Map<string, Diagnostic[]>();
  private readonly lastPublishedVersion = new Map<string, number | undefined>();
  /** Re-evaluated on every message from the server. */
  private readonly listeners = new Set<() => void>();
  private readonly ownsFolder: boolean;

  constructor(private readonly options: StartOptions) {
    if (!existsSync(SERVER_PATH)) throw new Error(`${SERVER_PATH} is missing: build the bundle first with \`node esbuild.mjs\`.`);
    this.settings = options.settings ?? null;
    this.ownsFolder = options.workspaceFolder === undefined;
    this.folder = options.workspaceFolder ?? mkdtempSync(join(tmpdir(), 'container-standards-lsp-'));

    const [command = process.execPath, ...args] = [
      ...(options.launch?.wrapper ?? []),
      process.execPath,
      ...(options.launch?.nodeFlags ?? []),
      SERVER_PATH,
      '--stdio',
    ];
    this.child = spawn(command, args, { stdio: 'pipe' });
    this.child.stderr.on('data', (chunk: Buffer) => (this.stderr += chunk.toString()));
    this.exited = new Promise((resolveExit) => {
      this.child.on('exit', (code, signal) => {
        this.exitedHow = signal ?? `code ${code}`;
        resolveExit(this.exitedHow);
      });
    });
    this.connection = createProtocolConnection(new StreamMessageReader(this.child.stdout), new StreamMessageWriter(this.child.stdin));
    this.listenToServer();
    this.connection.listen();
  }

  /** The server's process id, to read its memory from /proc. */
  get pid(): number | undefined {
    return this.child.pid;
  }

  async initialize(): Promise<void> {
    this.initializeResult = await this.request(
      'initialize',
      this.connection.sendRequest(InitializeRequest.type, {
        processId: this.options.processId ?? process.pid,
        rootUri: null,
        capabilities: this.capabilities(),
        initializationOptions: this.options.initializationOptions,
        workspaceFolders: this.options.workspaceFolder ? [{ uri: pathToFileURL(this.options.workspaceFolder).href, name: 'workspace' }] : null,
      }),
    );
    await this.connection.sendNotification(InitializedNotification.type, {});
  }

  /** Opens a document in the client's folder and returns its URI. */
  async open(fileName: string, languageId: string, text: string): Promise<string> {
    const uri = this.uriOf(fileName);
    this.documents.set(uri, TextDocument.create(uri, languageId, 1, text));
    await this.connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId, version: 1, text } });
    return uri;
  }

  /** Replaces the whole text of an open document (a full-content change event). */
  async change(uri: string, text: string): Promise<void> {
    const current = this.document(uri);
    const next = TextDocument.create(uri, current.languageId, current.version + 1, text);
    this.documents.set(uri, next);
    await this.connection.sendNotification(DidChangeTextDocumentNotification.type, {
      textDocument: { uri, version: next.version },
      contentChanges: [{ text }],
    });
  }

  /**
   * Sends content changes (ranges replaced, in order) as one `didChange` and applies them to the client's copy of the
   * text with test/lsp/textModel.ts, not with the library the server uses. Returns the new version.
   */
  async changeRanges(uri: string, changes: TextDocumentContentChangeEvent[]): Promise<number> {
    const current = this.document(uri);
    const text = changes.reduce(applyChange, current.getText());
    const next = TextDocument.create(uri, current.languageId, current.version + 1, text);
    this.documents.set(uri, next);
    await this.connection.sendNotification(DidChangeTextDocumentNotification.type, { textDocument: { uri, version: next.version }, contentChanges: changes });
    return next.version;
  }

  version(uri: string): number {
    return this.document(uri).version;
  }

  async close(uri: string): Promise<void> {
    this.documents.delete(uri);
    await this.connection.sendNotification(DidCloseTextDocumentNotification.type, { textDocument: { uri } });
  }

  /** Applies a workspace edit the way an editor would: to the open documents, then tells the server. */
  async applyEdit(edit: WorkspaceEdit): Promise<void> {
    if (edit.documentChanges) throw new Error('applyEdit handles only `changes` edits');
    for (const [uri, edits] of Object.entries(edit.changes ?? {})) await this.change(uri, TextDocument.applyEdits(this.document(uri), edits));
  }

  text(uri: string): string {
    return this.document(uri).getText();
  }

  /**
   * The diagnostics last published for a document once they satisfy `until` (by default, once any arrived).
   * Waiting for the expected state, not for "the next publish", keeps tests immune to extra re-publishes.
   */
  published(uri: string, until: (diagnostics: Diagnostic[]) => boolean = () => true, timeoutMs = TIMEOUT_MS): Promise<Diagnostic[]> {
    return this.waitUntil(
      () => `published diagnostics of ${uri} in the expected state; last published: ${JSON.stringify(this.lastPublished.get(uri) ?? null)}`,
      () => {
        const diagnostics = this.lastPublished.get(uri);
        return diagnostics && until(diagnostics) ? diagnostics : undefined;
      },
      timeoutMs,
    );
  }

  /** Every diagnostics list published for a document so far, in order. */
  publishedLists(uri: string): Diagnostic[][] {
    return this.received
      .filter((message) => message.method === PublishDiagnosticsNotification.method && (message.params as PublishDiagnosticsParams).uri === uri)
      .map((message) => (message.params as PublishDiagnosticsParams).diagnostics);
  }

  /** The diagnostics of a document once the last publish names this version of it. */
  publishedFor(uri: string, version: number): Promise<Diagnostic[]> {
    return this.waitUntil(
      () => `diagnostics of ${uri} published for version ${version}; the last publish named version ${this.lastPublishedVersion.get(uri)}`,
      () => (this.lastPublishedVersion.get(uri) === version ? this.lastPublished.get(uri) : undefined),
    );
  }

  /** The versions every publish of a document's diagnostics named so far, in order. */
  publishedVersions(uri: string): (number | undefined)[] {
    return this.received
      .filter((message) => message.method === PublishDiagnosticsNotification.method && (message.params as PublishDiagnosticsParams).uri === uri)
      .map((message) => (message.params as PublishDiagnosticsParams).version);
  }

  async pull(uri: string): Promise<Diagnostic[]> {
    const report = await this.request('textDocument/diagnostic', this.connection.sendRequest(DocumentDiagnosticRequest.type, { textDocument: { uri } }));
    if (report.kind !== 'full') throw new Error(`expected a full diagnostic report, got ${JSON.stringify(report)}`);
    return report.items;
  }

  /** `workspace/diagnostic`; the server may hold it until something changes, so await it after causing the change. */
  pullWorkspace(previousResultIds: PreviousResultId[] = []): Promise<WorkspaceDiagnosticReport> {
    return this.request('workspace/diagnostic', this.connection.sendRequest(WorkspaceDiagnosticRequest.type, { previousResultIds }));
  }

  async codeActions(uri: string, diagnostics: Diagnostic[], only?: string[]): Promise<(Command | CodeAction)[]> {
    const range = diagnostics[0]?.range ?? { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
    const actions = await this.request(
      'textDocument/codeAction',
      this.connection.sendRequest(CodeActionRequest.type, { textDocument: { uri }, range, context: { diagnostics, ...(only ? { only } : {}) } }),
    );
    return actions ?? [];
  }

  /** The items of a completion list or array alike. */
  async completion(uri: string, position: Position): Promise<CompletionItem[]> {
    const result = await this.request('textDocument/completion', this.connection.sendRequest(CompletionRequest.type, { textDocument: { uri }, position }));
    return Array.isArray(result) ? result : (result?.items ?? []);
  }

  hover(uri: string, position: Position): Promise<Hover | null> {
    return this.request('textDocument/hover', this.connection.sendRequest(HoverRequest.type, { textDocument: { uri }, position }));
  }

  async documentSymbols(uri: string): Promise<DocumentSymbol[] | SymbolInformation[]> {
    return (await this.request('textDocument/documentSymbol', this.connection.sendRequest(DocumentSymbolRequest.type, { textDocument: { uri } }))) ?? [];
  }

  foldingRanges(uri: string): Promise<FoldingRange[] | null> {
    return this.request('textDocument/foldingRange', this.connection.sendRequest(FoldingRangeRequest.type, { textDocument: { uri } }));
  }

  async formatting(uri: string, options: FormattingOptions): Promise<TextEdit[]> {
    return (
      (await this.request('textDocument/formatting', this.connection.sendRequest(DocumentFormattingRequest.type, { textDocument: { uri }, options }))) ?? []
    );
  }

  async rangeFormatting(uri: string, range: Range, options: FormattingOptions): Promise<TextEdit[]> {
    const edits = await this.request(
      'textDocument/rangeFormatting',
      this.connection.sendRequest(DocumentRangeFormattingRequest.type, { textDocument: { uri }, range, options }),
    );
    return edits ?? [];
  }

  async onTypeFormatting(uri: string, position: Position, ch: string, options: FormattingOptions): Promise<TextEdit[]> {
    const edits = await this.request(
      'textDocument/onTypeFormatting',
      this.connection.sendRequest(DocumentOnTypeFormattingRequest.type, { textDocument: { uri }, position, ch, options }),
    );
    return edits ?? [];
  }

  /**
   * Sends a request and cancels it at once (`$/cancelRequest`); settles with the answer, or with the error the server
   * gave (RequestCancelled for a request it stopped). Either is fine: the server must answer, and keep answering.
   */
  async requestCancelled(method: string, params: unknown): Promise<{ result?: unknown; error?: ResponseError<unknown> }> {
    const source = new CancellationTokenSource();
    const response = this.connection.sendRequest(method, params, source.token);
    source.cancel();
    try {
      return { result: await this.request(method, response) };
    } catch (error) {
      if (error instanceof ResponseError) return { error };
      throw error;
    }
  }

  /** A request of the server's own protocol (`Requests` in server/src/protocol.ts). */
  customRequest<T>(method: string, params: unknown): Promise<T> {
    return this.request(method, this.connection.sendRequest<T>(method, params));
  }

  executeCommand(command: Command): Promise<unknown> {
    return this.request(
      'workspace/executeCommand',
      this.connection.sendRequest(ExecuteCommandRequest.type, { command: command.command, arguments: command.arguments ?? [] }),
    );
  }

  /** Any notification, as sent: for messages the other methods would refuse to send (about documents never opened). */
  notify(method: string, params: unknown): Promise<void> {
    return this.connection.sendNotification(method, params);
  }

  /** Settings are pulled, so the notification carries none, as in VS Code. */
  changeConfiguration(): Promise<void> {
    return this.connection.sendNotification(DidChangeConfigurationNotification.type, { settings: null });
  }

  changeWatchedFiles(changes: FileEvent[]): Promise<void> {
    return this.connection.sendNotification(DidChangeWatchedFilesNotification.type, { changes });
  }

  /** What the VS Code client's createFiles command sends once it has written files. */
  filesCreated(uris: string[]): Promise<void> {
    return this.connection.sendNotification('containerStandards/filesCreated', { uris });
  }

  changeWorkspaceFolders(added: string[], removed: string[]): Promise<void> {
    const folders = (paths: string[]) => paths.map((path) => ({ uri: pathToFileURL(path).href, name: path }));
    return this.connection.sendNotification(DidChangeWorkspaceFoldersNotification.type, { event: { added: folders(added), removed: folders(removed) } });
  }

  /** The options the server registered `method` with (`client/registerCapability`), once it has. */
  registered(method: string): Promise<unknown> {
    return this.waitUntil(
      () => `a registration of ${method}`,
      () =>
        this.received
          .filter((message) => message.method === RegistrationRequest.method)
          .flatMap((message) => (message.params as RegistrationParams).registrations)
          .find((registration) => registration.method === method)?.registerOptions,
    );
  }

  /** The params of the next message of this method the server sends after this call. */
  async next(method: string): Promise<unknown> {
    const seen = this.received.filter((message) => message.method === method).length;
    const message = await this.waitUntil(
      () => `a ${method} message from the server`,
      () => this.received.filter((candidate) => candidate.method === method)[seen],
    );
    return message.params;
  }

  /** The client goes away without a word: the server's stdin reaches its end. */
  closeInput(): void {
    this.child.stdin.end();
  }

  /** How the server process ended, once it has, or undefined when it is still running after `ms`. */
  exitWithin(ms: number): Promise<string | undefined> {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<undefined>((resolveTimeout) => {
      timer = setTimeout(() => resolveTimeout(undefined), ms);
    });
    return Promise.race([this.exited, timeout]).finally(() => clearTimeout(timer));
  }

  async stop(): Promise<void> {
    // A polite shutdown first, so a server that hangs or crashes on it is noticed; killed regardless.
    try {
      if (this.exitedHow === undefined) {
        await this.request('shutdown', this.connection.sendRequest(ShutdownRequest.type));
        await this.connection.sendNotification(ExitNotification.type);
      }
    } finally {
      this.connection.dispose();
      this.child.kill();
      await this.exited;
      if (this.ownsFolder) rmSync(this.folder, { recursive: true, force: true });
    }
  }

  private capabilities(): ClientCapabilities {
    return {
      workspace: {
        configuration: true,
        workspaceFolders: true,
        didChangeConfiguration: { dynamicRegistration: false },
        didChangeWatchedFiles: { dynamicRegistration: false },
        ...(this.options.pull && !this.lacks(DiagnosticRefreshRequest.method) ? { diagnostics: { refreshSupport: true } } : {}),
        ...(this.options.createsFiles ? { workspaceEdit: { documentChanges: true, resourceOperations: ['create' as const] } } : {}),
      },
      textDocument: {
        synchronization: { dynamicRegistration: false },
        publishDiagnostics: { codeDescriptionSupport: true, dataSupport: true },
        codeAction: {
          codeActionLiteralSupport: { codeActionKind: { valueSet: ['quickfix', 'source', 'source.fixAll'] } },
          isPreferredSupport: true,
        },
        ...(this.options.pull ? { diagnostic: { dynamicRegistration: false } } : {}),
        completion: { completionItem: { snippetSupport: true, documentationFormat: ['markdown', 'plaintext'], tagSupport: { valueSet: [1] } } },
        hover: { contentFormat: ['markdown', 'plaintext'] },
        documentSymbol: { hierarchicalDocumentSymbolSupport: true },
        foldingRange: { lineFoldingOnly: true },
        ...(this.options.registersFormatting
          ? { formatting: { dynamicRegistration: true }, rangeFormatting: { dynamicRegistration: true }, onTypeFormatting: { dynamicRegistration: true } }
          : {}),
      },
      window: { showDocument: { support: true }, showMessage: {} },
    };
  }

  private listenToServer(): void {
    this.connection.onNotification(PublishDiagnosticsNotification.type, (params) => {
      this.lastPublished.set(params.uri, params.diagnostics);
      this.lastPublishedVersion.set(params.uri, params.version);
      this.record(PublishDiagnosticsNotification.method, params);
    });
    for (const type of [LogMessageNotification.type, ShowMessageNotification.type]) {
      this.connection.onNotification(type, (params) => this.record(type.method, params));
    }
    this.answer(ConfigurationRequest.method, (params: ConfigurationParams) =>
      params.items.map((item) => (item.section === SETTINGS_SECTION ? this.settings : null)),
    );
    this.answer(ShowDocumentRequest.method, () => ({ success: true }));
    this.answer(ShowMessageRequest.method, () => null);
    this.answer(DiagnosticRefreshRequest.method, () => null);
    this.answer(RegistrationRequest.method, () => null);
  }

  /** Records a request of the server and answers it, unless this client lacks it. */
  private answer<P>(method: string, respond: (params: P) => unknown): void {
    this.connection.onRequest(method, (params: P) => {
      this.record(method, params);
      if (this.lacks(method)) throw new ResponseError(ErrorCodes.MethodNotFound, `Unhandled method ${method}`);
      return respond(params);
    });
  }

  private lacks(method: string): boolean {
    return this.options.lacks?.some((lacking) => lacking === method) ?? false;
  }

  private record(method: string, params: unknown): void {
    this.received.push({ method, params });
    this.notifyListeners();
  }

  /** The URI of a file of the client's folder. */
  uriOf(fileName: string): string {
    return pathToFileURL(join(this.folder, fileName)).href;
  }

  private document(uri: string): TextDocument {
    const document = this.documents.get(uri);
    if (!document) throw new Error(`${uri} is not open`);
    return document;
  }

  private notifyListeners(): void {
    for (const listener of this.listeners) listener();
  }

  private request<T>(method: string, response: Promise<T>): Promise<T> {
    return this.within(() => `the ${method} response`, response);
  }

  private waitUntil<T>(describe: () => string, probe: () => T | undefined, timeoutMs = TIMEOUT_MS): Promise<T> {
    let listener!: () => void;
    const found = new Promise<T>((resolveFound) => {
      listener = () => {
        const value = probe();
        if (value !== undefined) resolveFound(value);
      };
      this.listeners.add(listener);
      listener();
    });
    return this.within(describe, found, timeoutMs).finally(() => this.listeners.delete(listener));
  }

  /** Settles with `promise`, or fails when the server exits or the wait exceeds the timeout. */
  private within<T>(describe: () => string, promise: Promise<T>, timeoutMs = TIMEOUT_MS): Promise<T> {
    let timer: NodeJS.Timeout | undefined;
    const timedOut = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`Timed out after ${timeoutMs} ms waiting for ${describe()}`)), timeoutMs);
    });
    const crashed = this.exited.then((how): never => {
      throw new Error(`The language server exited (${how}) while the test waited for ${describe()}.\nServer stderr:\n${this.stderr}`);
    });
    return Promise.race([promise, timedOut, crashed]).finally(() => clearTimeout(timer));
  }
}
