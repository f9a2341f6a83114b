// How long the first diagnostics of the document an editor opens at start-up take when the workspace holds 10,000
// container files (copies of examples/seed, three files per service folder) and when it holds none, and the server's
// peak memory (VmHWM, Linux). A client opens the document right after `initialized`, as VS Code does, and pushes are
// timed (the diagnostics of a pulling client wait on the same work): the first, which may leave out the rules that
// need the workspace's tables, and the last, once none came for --quiet ms. With `--lint`, Lint workspace then checks
// every file and the peak memory after it is reported too. Prints the figures; nothing fails on a slow one.
// Usage: node --import tsx bench/workspace/firstDiagnostics.ts [--files 10000] [--lint] [--open Dockerfile|docker-compose.yml|k8s/deployment.yaml] [--quiet 10000]
import { spawn } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import {
  ConfigurationRequest,
  createProtocolConnection,
  DidOpenTextDocumentNotification,
  ExecuteCommandRequest,
  ExitNotification,
  InitializedNotification,
  InitializeRequest,
  PublishDiagnosticsNotification,
  ShutdownRequest,
  StreamMessageReader,
  StreamMessageWriter,
} from 'vscode-languageserver-protocol/node';
import { CommandIds } from '../../server/src/protocol';

const { values } = parseArgs({
  options: {
    files: { type: 'string', default: '10000' },
    lint: { type: 'boolean', default: false },
    open: { type: 'string', default: 'Dockerfile' },
    quiet: { type: 'string', default: '10000' },
  },
});
/** The file of examples/seed opened: Dockerfile, docker-compose.yml or k8s/deployment.yaml. */
const OPENED = values.open;
const LANGUAGE_IDS: Record<string, string> = { Dockerfile: 'dockerfile', 'docker-compose.yml': 'dockercompose', 'k8s/deployment.yaml': 'yaml' };
const root = resolve(__dirname, '../..');
/** How long no diagnostics of the opened file must come before its last ones count as final. */
const QUIET_MS = Number(values.quiet);

/** Resident memory now and at its peak, in MiB. */
function memoryOf(pid: number | undefined): { rss: number; peak: number } {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const mib = (field: string) => Number(new RegExp(`^${field}:\\s+(\\d+)`, 'm').exec(status)?.[1] ?? Number.NaN) / 1024;
  return { rss: mib('VmRSS'), peak: mib('VmHWM') };
}

function workspaceOf(files: number): string {
  const folder = mkdtempSync(join(tmpdir(), 'container-standards-first-diagnostics-'));
  for (let index = 0; index < Math.ceil(files / 3); index++) cpSync(join(root, 'examples/seed'), join(folder, `service-${index}`), { recursive: true });
  return folder;
}

async function measure(files: number, lint: boolean): Promise<void> {
  const folder = workspaceOf(files);
  try {
    const started = performance.now();
    const child = spawn(process.execPath, [join(root, 'dist/server/server.js'), '--stdio'], { stdio: ['pipe', 'pipe', 'inherit'] });
    const connection = createProtocolConnection(new StreamMessageReader(child.stdout), new StreamMessageWriter(child.stdin));
    connection.onRequest(ConfigurationRequest.type, (params) => params.items.map(() => null));
    const uri = pathToFileURL(join(folder, 'service-0', OPENED)).href;
    const publishes: { at: number; count: number }[] = [];
    let published: () => void = () => {};
    const firstPublish = new Promise<void>((resolvePublish) => {
      published = resolvePublish;
    });
    connection.onNotification(PublishDiagnosticsNotification.type, (params) => {
      if (params.uri !== uri) return;
      publishes.push({ at: performance.now(), count: params.diagnostics.length });
      published();
    });
    connection.listen();
    await connection.sendRequest(InitializeRequest.type, {
      processId: process.pid,
      rootUri: null,
      capabilities: { workspace: { configuration: true, workspaceFolders: true } },
      workspaceFolders: [{ uri: pathToFileURL(folder).href, name: 'bench' }],
    });
    const initialized = performance.now();
    await connection.sendNotification(InitializedNotification.type, {});
    const opened = performance.now();
    await connection.sendNotification(DidOpenTextDocumentNotification.type, {
      textDocument: { uri, languageId: LANGUAGE_IDS[OPENED] ?? 'plaintext', version: 1, text: readFileSync(join(root, 'examples/seed', OPENED), 'utf8') },
    });
    await firstPublish;
    const first = publishes[0]!;
    const memory = memoryOf(child.pid);
    // The first diagnostics may leave out the rules that need the workspace's tables, built in the background: the
    // complete ones follow. Nothing is published for the file once QUIET_MS pass without a publish.
    while (performance.now() - publishes.at(-1)!.at < QUIET_MS) await new Promise((wait) => setTimeout(wait, 100));
    const last = publishes.at(-1)!;
    const complete = memoryOf(child.pid);
    console.log(
      `${files} files, ${OPENED} opened: initialize ${Math.round(initialized - started)} ms after spawn; first diagnostics ${Math.round(first.at - opened)} ms after didOpen ` +
        `(${Math.round(first.at - started)} ms after spawn, ${first.count} diagnostics); RSS ${memory.rss.toFixed(1)} MiB, peak ${memory.peak.toFixed(1)} MiB; ` +
        `${publishes.length} publishes, the last ${Math.round(last.at - opened)} ms after didOpen (${last.count} diagnostics), peak ${complete.peak.toFixed(1)} MiB`,
    );
    if (lint) {
      const lintStarted = performance.now();
      const summary = (await connection.sendRequest(ExecuteCommandRequest.type, { command: CommandIds.lintWorkspace, arguments: [] })) as {
        filesChecked: number;
      };
      const after = memoryOf(child.pid);
      console.log(
        `${files} files: Lint workspace checked ${summary.filesChecked} files in ${((performance.now() - lintStarted) / 1000).toFixed(1)} s; ` +
          `RSS ${after.rss.toFixed(1)} MiB, peak ${after.peak.toFixed(1)} MiB`,
      );
    }
    const exited = new Promise((resolveExit) => child.once('exit', resolveExit));
    await connection.sendRequest(ShutdownRequest.type);
    await connection.sendNotification(ExitNotification.type);
    await exited;
    connection.dispose();
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}

async function main(): Promise<void> {
  await measure(0, false);
  await measure(Number(values.files), values.lint);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
