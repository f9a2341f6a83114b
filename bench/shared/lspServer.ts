// A language server under benchmark: spawned over stdio, driven with the LSP node client API, and timed from
// the moment a notification is sent to the moment the matching publishDiagnostics arrives.
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import {
  ConfigurationRequest,
  createProtocolConnection,
  DidChangeTextDocumentNotification,
  DidCloseTextDocumentNotification,
  DidOpenTextDocumentNotification,
  ExitNotification,
  InitializedNotification,
  InitializeRequest,
  PublishDiagnosticsNotification,
  RegistrationRequest,
  ShowMessageRequest,
  ShutdownRequest,
  StreamMessageReader,
  StreamMessageWriter,
  UnregistrationRequest,
  WorkDoneProgressCreateRequest,
  type ClientCapabilities,
  type ConfigurationParams,
  type Diagnostic,
  type ProtocolConnection,
  type PublishDiagnosticsParams,
  type TextDocumentContentChangeEvent,
} from 'vscode-languageserver-protocol/node';

/** Extra Node.js options for the servers (and timed CLI runs), e.g. `--cpu-prof --cpu-prof-dir=/tmp/prof` to profile them. */
export const nodeArgs = (process.env.BENCH_NODE_ARGS ?? '').split(/\s+/).filter(Boolean);

export interface ServerSpec {
  /** Short label used in the table and the JSON. */
  name: string;
  /** A Node.js script started as `node <script> --stdio`, so that the spawned pid is the server itself. */
  script: string;
  /** The language id sent with didOpen. */
  languageId: string;
  initializationOptions?: unknown;
  /**
   * The value of each settings section the server pulls with `workspace/configuration`; absent (or undefined for a
   * section): null, i.e. the server's defaults.
   */
  settings?: (section: string | undefined) => unknown;
  /** Whether the server publishes an empty list when a document closes; only then does close wait for it. Default true. */
  clearsOnClose?: boolean;
  /** Whether start waits for the server's first settings pull, for a server that reads its settings (e.g. schemas) then. */
  pullsSettingsOnStart?: boolean;
}

/** A publishDiagnostics as the client saw it. */
export interface Published {
  /** `performance.now()` when the client had decoded the notification. */
  at: number;
  diagnostics: Diagnostic[];
  /** The document version, when the server sends one (none of the servers benchmarked does, as of writing). */
  version: number | undefined;
}

interface Waiter {
  accept: (published: PublishDiagnosticsParams) => boolean;
  resolve: (published: Published) => void;
}

/**
 * Every server is offered the same capabilities: diagnostics pushed with publishDiagnostics (no
 * `textDocument.diagnostic`, so ours does not switch to pull mode) and settings pulled with
 * `workspace/configuration`, as VS Code does.
 */
const CAPABILITIES: ClientCapabilities = {
  workspace: { configuration: true, didChangeConfiguration: { dynamicRegistration: false } },
  textDocument: {
    synchronization: { dynamicRegistration: false, didSave: false },
    publishDiagnostics: { relatedInformation: true, versionSupport: true, codeDescriptionSupport: true, dataSupport: true },
  },
};

export class BenchServer {
  /** Publishes nobody waited for (e.g. re-publishes); reported, since they cost the client work too. */
  unexpectedPublishes = 0;
  /** Whether any publish carried a document version. */
  sawVersions = false;
  /** From spawning the process to the initialize response: start-up, module loading and any warm-up. */
  startMs = 0;

  private readonly child: ChildProcessWithoutNullStreams;
  private readonly connection: ProtocolConnection;
  private readonly exited: Promise<string>;
  private exitedHow: string | undefined;
  private stderr = '';
  private readonly waiters = new Map<string, Waiter>();
  private settingsPulled: () => void = () => undefined;
  private readonly firstSettingsPull = new Promise<void>((resolve) => (this.settingsPulled = resolve));

  private constructor(
    readonly spec: ServerSpec,
    private readonly timeoutMs: number,
  ) {
    this.child = spawn(process.execPath, [...nodeArgs, spec.script, '--stdio'], { stdio: 'pipe' });
    this.child.stderr.on('data', (chunk: Buffer) => (this.stderr += chunk.toString()));
    this.exited = new Promise((resolveExit) => {
      this.child.on('exit', (code, signal) => {
        this.exitedHow = signal ?? `code ${code}`;
        resolveExit(this.exitedHow);
      });
    });
    this.connection = createProtocolConnection(new StreamMessageReader(this.child.stdout), new StreamMessageWriter(this.child.stdin));
    this.connection.onNotification(PublishDiagnosticsNotification.type, (params) => this.onPublish(params));
    // Settings: what the spec says, else null (the server's defaults). Other requests a server may send: accepted;
    // anything else is answered "method not found" by the connection.
    this.connection.onRequest(ConfigurationRequest.type, (params: ConfigurationParams) => {
      this.settingsPulled();
      return params.items.map((item) => spec.settings?.(item.section) ?? null);
    });
    for (const type of [RegistrationRequest.type, UnregistrationRequest.type, WorkDoneProgressCreateRequest.type]) {
      this.connection.onRequest(type.method, () => null);
    }
    this.connection.onRequest(ShowMessageRequest.type, () => null);
    this.connection.onError(() => undefined);
    this.connection.listen();
  }

  static async start(spec: ServerSpec, timeoutMs: number): Promise<BenchServer> {
    const spawnedAt = performance.now();
    const server = new BenchServer(spec, timeoutMs);
    await server.within(
      'the initialize response',
      server.connection.sendRequest(InitializeRequest.type, {
        processId: process.pid,
        rootUri: null,
        workspaceFolders: null,
        capabilities: CAPABILITIES,
        initializationOptions: spec.initializationOptions,
      }),
    );
    server.startMs = performance.now() - spawnedAt;
    await server.connection.sendNotification(InitializedNotification.type, {});
    if (spec.pullsSettingsOnStart) await server.within('the first workspace/configuration request', server.firstSettingsPull);
    return server;
  }

  get pid(): number | undefined {
    return this.child.pid;
  }

  /** Sends didOpen and resolves with the first publish for `uri` that follows it. */
  async open(uri: string, text: string): Promise<{ sentAt: number; published: Published }> {
    const next = this.nextPublish(uri, () => true);
    const sentAt = performance.now();
    await this.connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId: this.spec.languageId, version: 1, text } });
    return { sentAt, published: await next };
  }

  /**
   * Sends didChange and resolves with the publish for that version: the one that carries it if the server sends
   * versions, else the first one after the change (the caller never has two changes in flight).
   */
  async change(uri: string, version: number, contentChanges: TextDocumentContentChangeEvent[]): Promise<{ sentAt: number; published: Published }> {
    const next = this.nextPublish(uri, (params) => params.version === undefined || params.version === version);
    const sentAt = performance.now();
    await this.connection.sendNotification(DidChangeTextDocumentNotification.type, { textDocument: { uri, version }, contentChanges });
    return { sentAt, published: await next };
  }

  /** Sends didClose and, if the server clears a closed document's diagnostics, waits for that. */
  async close(uri: string): Promise<void> {
    const cleared = this.spec.clearsOnClose === false ? undefined : this.nextPublish(uri, (params) => params.diagnostics.length === 0);
    await this.connection.sendNotification(DidCloseTextDocumentNotification.type, { textDocument: { uri } });
    await cleared;
  }

  /** Peak resident set size of the server process so far, in KiB (Linux only). */
  peakRssKiB(): number | undefined {
    if (this.pid === undefined) return undefined;
    try {
      const match = /^VmHWM:\s+(\d+)\s+kB$/m.exec(readFileSync(`/proc/${this.pid}/status`, 'utf8'));
      return match ? Number(match[1]) : undefined;
    } catch {
      return undefined;
    }
  }

  /**
   * A polite shutdown and exit (so that `--cpu-prof` can write its profile), each with a short timeout; the process
   * is killed if it is still there after that.
   */
  async stop(): Promise<void> {
    const exitedOrLater = (ms: number) => Promise.race([this.exited, new Promise((resolveLater) => setTimeout(resolveLater, ms).unref())]);
    try {
      if (this.exitedHow === undefined) {
        await this.within('the shutdown response', this.connection.sendRequest(ShutdownRequest.type), 2_000);
        await this.connection.sendNotification(ExitNotification.type);
        await exitedOrLater(5_000);
      }
    } catch {
      // Killed below.
    } finally {
      this.kill();
      await exitedOrLater(2_000);
      this.connection.dispose();
    }
  }

  /** Synchronous last resort, for the global deadline. */
  kill(): void {
    if (this.exitedHow === undefined) this.child.kill('SIGKILL');
  }

  private nextPublish(uri: string, accept: (params: PublishDiagnosticsParams) => boolean): Promise<Published> {
    if (this.waiters.has(uri)) throw new Error(`already waiting for diagnostics of ${uri}`);
    const published = new Promise<Published>((resolve) => this.waiters.set(uri, { accept, resolve }));
    return this.within(`publishDiagnostics for ${uri}`, published).finally(() => this.waiters.delete(uri));
  }

  private onPublish(params: PublishDiagnosticsParams): void {
    const at = performance.now();
    if (params.version !== undefined) this.sawVersions = true;
    const waiter = this.waiters.get(params.uri);
    if (waiter?.accept(params)) {
      this.waiters.delete(params.uri);
      waiter.resolve({ at, diagnostics: params.diagnostics, version: params.version });
    } else {
      this.unexpectedPublishes++;
    }
  }

  /** Settles with `promise`, or fails when the server exits or the wait exceeds the timeout. */
  private within<T>(what: string, promise: Promise<T>, timeoutMs = this.timeoutMs): Promise<T> {
    let timer: NodeJS.Timeout | undefined;
    const timedOut = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`${this.spec.name}: timed out after ${timeoutMs} ms waiting for ${what}`)), timeoutMs);
    });
    const crashed = this.exited.then((how): never => {
      throw new Error(`${this.spec.name}: the server exited (${how}) while waiting for ${what}.\nServer stderr:\n${this.stderr}`);
    });
    return Promise.race([promise, timedOut, crashed]).finally(() => clearTimeout(timer));
  }
}
