// The CLI and the language server open no network connection and start no child process: each runs once normally and
// once isolated, in a network namespace without network (`unshare -rn`) and under Node's permission model without
// --allow-child-process or --allow-worker (a spawn, fork or worker would throw ERR_ACCESS_DENIED), and the two runs
// must agree byte for byte. Where `unshare -rn` is unavailable (no unprivileged user namespaces), the runs are still
// compared with child processes forbidden, and the test is reported skipped with the reason. Node 20's permission model
// also refuses fsync and fchmod, which the atomic writes of `lint --fix` and `init` use: those two run in the network
// namespace only (the static scan covers their code for child processes).
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { cpSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { type AddressInfo, createServer } from 'node:net';
import { join, relative } from 'node:path';
import { type TestContext, test } from 'node:test';
import { pathToFileURL } from 'node:url';
import { type Diagnostic, DiagnosticSeverity } from 'vscode-languageserver-protocol/node';
import { repoRoot, tempFolder } from '../helpers/cli';
import { startServer, type StartOptions } from '../lsp/lspClient';

const CLI = join(repoRoot, 'dist/cli/main.js');
/** Where the runs work, one after the other in the same folder (SARIF names it): isolated runs may write only here. */
const scratch = tempFolder();

/** Why the network cannot be isolated here, or undefined when it can. */
const networkUnavailable = (() => {
  const probe = spawnSync('unshare', ['-rn', 'true'], { encoding: 'utf8' });
  if (probe.error) return `unshare is not installed (${(probe.error as NodeJS.ErrnoException).code})`;
  return probe.status === 0 ? undefined : `unshare -rn failed: ${probe.stderr.trim() || `exit code ${probe.status}`}`;
})();

const PERMISSION_FLAG = Number(process.versions.node.split('.')[0]) >= 23 ? '--permission' : '--experimental-permission';
/** Reads anywhere (the bundles, the files linted), writes only below the scratch folder, no child process, no worker. */
const isolated = {
  wrapper: networkUnavailable ? [] : ['unshare', '-rn'],
  nodeFlags: [PERMISSION_FLAG, '--allow-fs-read=*', `--allow-fs-write=${scratch}/*`],
};

/** Node's notice that the permission model is experimental: the only stderr an isolated run may add. */
const PERMISSION_NOTICE =
  /^\(node:\d+\) ExperimentalWarning: Permission is an experimental feature.*\n(\(Use `node --trace-warnings \.\.\.` to show where the warning was created\)\n)?/m;

interface Run {
  status: number | null;
  stdout: string;
  stderr: string;
  /** The files of the folder the command ran in, afterwards (relative path → content). */
  files: Record<string, string>;
}

function runCli(args: readonly string[], cwd: string, launch?: { wrapper: string[]; nodeFlags: string[] }): Run {
  const argv = [...(launch?.wrapper ?? []), process.execPath, ...(launch?.nodeFlags ?? []), CLI, ...args];
  const result = spawnSync(argv[0]!, argv.slice(1), { cwd, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  if (result.error) throw result.error;
  return { status: result.status, stdout: result.stdout, stderr: result.stderr.replace(PERMISSION_NOTICE, ''), files: filesOf(cwd) };
}

function filesOf(folder: string): Record<string, string> {
  const files: Record<string, string> = {};
  const walk = (path: string) => {
    for (const entry of readdirSync(path)) {
      const full = join(path, entry);
      if (statSync(full).isDirectory()) walk(full);
      else files[relative(folder, full)] = readFileSync(full, 'utf8');
    }
  };
  walk(folder);
  return files;
}

function reportSkippedNetwork(t: TestContext): void {
  if (networkUnavailable) t.skip(`network isolation skipped: ${networkUnavailable}; the runs were compared with child processes forbidden only`);
}

/** Each command in a fresh copy of `files` (a folder of the repository, or nothing), normally and isolated. */
const CLI_RUNS: { name: string; args: string[]; copy?: string; writes?: boolean }[] = [
  { name: 'lint --format json of the examples', args: ['lint', '--format', 'json', join(repoRoot, 'examples')] },
  { name: 'lint --fix --format sarif of the seed example', args: ['lint', '--fix', '--format', 'sarif', '.'], copy: 'examples/seed', writes: true },
  {
    name: 'init --yes with every target',
    args: ['init', '--yes', '--stack', 'node', '--with', 'compose,kubernetes,ci,cloud-run,ecs,render,railway,postgres'],
    writes: true,
  },
  { name: 'rules --format json', args: ['rules', '--format', 'json'] },
];

test('the CLI, without network and with child processes forbidden, prints, exits and writes byte for byte as in a normal run', async (t) => {
  for (const { name, args, copy, writes } of CLI_RUNS) {
    await t.test(name, () => {
      const folder = join(scratch, 'cwd');
      const fresh = () => {
        rmSync(folder, { recursive: true, force: true });
        cpSync(copy ? join(repoRoot, copy) : join(repoRoot, 'examples/README.md'), copy ? folder : join(folder, 'README.md'), { recursive: true });
      };
      fresh();
      const normal = runCli(args, folder);
      fresh();
      const inIsolation = runCli(args, folder, writes ? { ...isolated, nodeFlags: [] } : isolated);
      assert.ok(normal.stdout.length > 0 && normal.status !== 2, `normal run: exit ${normal.status}, ${normal.stderr}`);
      assert.deepEqual(inIsolation, normal);
    });
  }
  reportSkippedNetwork(t);
});

/** The answers of one scripted editor session over stdio on examples/seed, in order. */
async function session(t: TestContext, launch?: StartOptions['launch']): Promise<unknown[]> {
  const folder = join(repoRoot, 'examples/seed');
  const client = await startServer(t, { workspaceFolder: folder, pull: true, launch });
  const answers: unknown[] = [client.initializeResult];
  const documents: [string, string][] = [
    ['Dockerfile', 'dockerfile'],
    ['docker-compose.yml', 'dockercompose'],
    ['k8s/deployment.yaml', 'yaml'],
  ];
  for (const [path, languageId] of documents) {
    const uri = await client.open(path, languageId, readFileSync(join(folder, path), 'utf8'));
    assert.equal(uri, pathToFileURL(join(folder, path)).href);
    const diagnostics: Diagnostic[] = await client.pull(uri);
    answers.push(
      diagnostics,
      await client.codeActions(uri, diagnostics),
      await client.hover(uri, { line: 0, character: 2 }),
      await client.completion(uri, { line: 1, character: 0 }),
      await client.documentSymbols(uri),
      await client.formatting(uri, { tabSize: 2, insertSpaces: true }),
    );
  }
  assert.ok(
    (answers[1] as Diagnostic[]).some((diagnostic) => diagnostic.severity === DiagnosticSeverity.Warning),
    'the seed Dockerfile has warnings',
  );
  return answers;
}

test('the language server over stdio, without network and with child processes forbidden, answers byte for byte as in a normal run', async (t) => {
  const normal = await session(t);
  const inIsolation = await session(t, isolated);
  assert.equal(JSON.stringify(inIsolation), JSON.stringify(normal));
  reportSkippedNetwork(t);
});

test('the isolation is real: a child process is refused, and a server listening on this machine cannot be reached', async (t) => {
  const listener = createServer((socket) => socket.end('reached\n'));
  await new Promise<void>((resolveListening) => listener.listen(0, '127.0.0.1', resolveListening));
  t.after(() => listener.close());
  const { port } = listener.address() as AddressInfo;
  const probe = `
    try { require('node:child_process').spawnSync('true'); console.log('spawned'); } catch (error) { console.log(error.code); }
    const socket = require('node:net').connect(${port}, '127.0.0.1');
    socket.on('data', () => { console.log('reached'); socket.destroy(); });
    socket.on('error', (error) => console.log(error.code));`;
  const argv = [...isolated.wrapper, process.execPath, ...isolated.nodeFlags, '-e', probe];
  const run = spawnSync(argv[0]!, argv.slice(1), { encoding: 'utf8' });
  const [spawned, connected] = run.stdout.trim().split('\n');
  assert.equal(spawned, 'ERR_ACCESS_DENIED');
  if (networkUnavailable) reportSkippedNetwork(t);
  else assert.match(connected ?? '', /^E[A-Z]+$/, 'the connection must fail');
});
