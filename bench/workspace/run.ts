// Workspace diagnostics on a folder of 2,000 container files (copies of examples/seed: a Dockerfile, a compose file
// and a Kubernetes manifest per service folder): how long the first `workspace/diagnostic` pull takes to report
// every file, how long the pull after one file changed on disk takes, and how long Fix workspace takes to work out
// its edit. Prints the figures; nothing fails on a slow one.
import { spawn } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync, writeFileSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import {
  ConfigurationRequest,
  createProtocolConnection,
  DidChangeWatchedFilesNotification,
  ExitNotification,
  ExecuteCommandRequest,
  FileChangeType,
  InitializedNotification,
  InitializeRequest,
  ShutdownRequest,
  StreamMessageReader,
  StreamMessageWriter,
  WorkspaceDiagnosticRequest,
  type WorkspaceDocumentDiagnosticReport,
} from 'vscode-languageserver-protocol/node';
import { CommandIds } from '../../server/src/protocol';

const FILES = Number(process.env.BENCH_WORKSPACE_FILES ?? 2000);
const root = resolve(__dirname, '../..');
const folder = mkdtempSync(join(tmpdir(), 'container-standards-workspace-bench-'));
const services = Math.ceil(FILES / 3);
for (let i = 0; i < services; i++) cpSync(join(root, 'examples/seed'), join(folder, `service-${i}`), { recursive: true });

async function main(): Promise<void> {
  // BENCH_SERVER_NODE_ARGS passes node options to the server, e.g. "--cpu-prof --cpu-prof-dir=/tmp/profile".
  const nodeArgs = process.env.BENCH_SERVER_NODE_ARGS?.split(' ').filter(Boolean) ?? [];
  const child = spawn(process.execPath, [...nodeArgs, join(root, 'dist/server/server.js'), '--stdio'], { stdio: ['pipe', 'pipe', 'inherit'] });
  const connection = createProtocolConnection(new StreamMessageReader(child.stdout), new StreamMessageWriter(child.stdin));
  connection.onRequest(ConfigurationRequest.type, (params) => params.items.map(() => null));
  connection.onRequest('client/registerCapability', () => null);
  connection.onRequest('workspace/diagnostic/refresh', () => null);
  connection.listen();
  let started = performance.now();
  await connection.sendRequest(InitializeRequest.type, {
    processId: process.pid,
    rootUri: null,
    capabilities: { workspace: { configuration: true, diagnostics: { refreshSupport: true } }, textDocument: { diagnostic: {} } },
    workspaceFolders: [{ uri: pathToFileURL(folder).href, name: 'bench' }],
  });
  await connection.sendNotification(InitializedNotification.type, {});
  // Beyond BACKGROUND_FILE_LIMIT files the background check waits for Lint workspace, which is what a user runs.
  const pulled = connection.sendRequest(WorkspaceDiagnosticRequest.type, { previousResultIds: [] });
  await connection.sendRequest(ExecuteCommandRequest.type, { command: CommandIds.lintWorkspace, arguments: [] });
  const first = await pulled;
  const firstMs = performance.now() - started;
  const items = first.items as WorkspaceDocumentDiagnosticReport[];
  const findings = items.reduce((count, item) => count + (item.kind === 'full' ? item.items.length : 0), 0);
  console.log(
    `Lint workspace and the first pull: ${items.length} files reported, ${findings} findings, in ${Math.round(firstMs)} ms (start and index included)`,
  );

  const previousResultIds = items.flatMap((item) => (item.resultId ? [{ uri: item.uri, value: item.resultId }] : []));
  const dockerfile = join(folder, 'service-0/Dockerfile');
  const next = connection.sendRequest(WorkspaceDiagnosticRequest.type, { previousResultIds });
  started = performance.now();
  writeFileSync(dockerfile, readFileSync(dockerfile, 'utf8').replace('FROM node:18-alpine AS production', 'FROM node:latest AS production'));
  await connection.sendNotification(DidChangeWatchedFilesNotification.type, {
    changes: [{ uri: pathToFileURL(dockerfile).href, type: FileChangeType.Changed }],
  });
  const second = await next;
  console.log(`pull after one file changed on disk: ${second.items.length} files reported in ${Math.round(performance.now() - started)} ms`);

  started = performance.now();
  const fixes = (await connection.sendRequest(ExecuteCommandRequest.type, { command: CommandIds.fixWorkspace, arguments: [] })) as {
    changeCount: number;
    fileCount: number;
  };
  console.log(`Fix workspace: ${fixes.changeCount} changes in ${fixes.fileCount} files worked out in ${Math.round(performance.now() - started)} ms`);
  // Shut down as a client does, so that a server run with --cpu-prof writes its profile.
  const exited = new Promise((resolve) => child.once('exit', resolve));
  await connection.sendRequest(ShutdownRequest.type);
  await connection.sendNotification(ExitNotification.type);
  await exited;
  connection.dispose();
}

main()
  .catch((error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  })
  .finally(() => rmSync(folder, { recursive: true, force: true }));
