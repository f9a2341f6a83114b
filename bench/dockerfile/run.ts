// Benchmark: our Dockerfile language server against dockerfile-language-server-nodejs, over stdio, as an editor
// sees them: open→diagnostics and edit→diagnostics latency, peak RSS, diagnostics produced.
// Run with `npm run bench:dockerfile` after `npm run build`. See bench/README.md.
import { existsSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import type { Diagnostic } from 'vscode-languageserver-protocol';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { BenchServer, type ServerSpec } from '../shared/lspServer';
import { countBySource, fileIdentity, mib, ms, printTable, ratio, writeResults } from '../shared/report';
import { BenchSetupError, liveProcesses, runBench } from '../shared/runner';
import { round, type Summary, summarize } from '../shared/stats';
import { editCycle, largeInput, smallInput, type BenchInput } from './inputs';

const ROOT = resolve(__dirname, '../..');
/** The real-world corpus beside the repository; BENCH_CORPUS_DIR points elsewhere. */
const CORPUS = resolve(ROOT, process.env.BENCH_CORPUS_DIR ?? '../shared/corpus/dockerfile');
const RESULTS_DIR = join(ROOT, 'bench/results');
const SERVERS: ServerSpec[] = [
  { name: 'ours', script: join(ROOT, 'dist/server/server.js'), languageId: 'dockerfile' },
  { name: 'peer', script: join(ROOT, 'node_modules/dockerfile-language-server-nodejs/bin/docker-langserver'), languageId: 'dockerfile' },
];

/** About 2,000 lines; BENCH_LARGE_LINES sets another size (the edit target is stated for files up to 1,000 lines). */
const LARGE_TARGET_LINES = Number(process.env.BENCH_LARGE_LINES ?? 2_000);
/** Opens measured per server and input (fresh URI each), after one cold open reported apart. */
const OPEN_RUNS = 30;
const EDIT_RUNS = 100;
/** Any single wait for a server. */
const WAIT_TIMEOUT_MS = 20_000;
/** The whole run; past it, servers are killed and the script fails. */
const DEADLINE_MS = 120_000;

interface CaseResult {
  server: string;
  input: string;
  /** Spawn → initialize response: what a user waits before the server answers anything. */
  startMs: number;
  /** The very first open of the process (cold JIT, first settings pull), not part of `open`. */
  coldOpenMs: number;
  open: Summary;
  edit: Summary;
  openSamplesMs: number[];
  editSamplesMs: number[];
  peakRssKiB: number | undefined;
  /** Found on the first open, then after each edit of the first cycle (shows whether the edits change findings). */
  diagnostics: { count: number; bySource: Record<string, number>; afterEachEditOfTheCycle: number[] };
  /** Publishes nobody waited for, e.g. re-publishes of an unchanged document. */
  unexpectedPublishes: number;
  publishesCarryVersion: boolean;
  /** Wall time of the input's whole run, both servers together. */
  wallMs: number;
}

async function main(): Promise<void> {
  for (const server of SERVERS) {
    if (!existsSync(server.script)) {
      const hint = server.name === 'ours' ? 'run `npm run build` first' : 'run `npm install` (it is a devDependency)';
      throw new BenchSetupError(`${relative(ROOT, server.script)} is missing: ${hint}.`);
    }
  }

  const inputs: BenchInput[] = [];
  const large = largeInput(CORPUS, LARGE_TARGET_LINES);
  if (large) inputs.push(large);
  else console.log(`Corpus not found at ${CORPUS}: skipping the large input, benchmarking the small file only.\n`);
  inputs.push(smallInput());

  const workDir = mkdtempSync(join(tmpdir(), 'container-standards-bench-'));
  const results: CaseResult[] = [];
  try {
    for (const input of inputs) {
      writeFileSync(join(workDir, `${input.name}.Dockerfile`), input.text);
      console.log(`input ${input.name}: ${input.lines} lines${input.name === 'large' ? ` from ${input.origin.length} corpus files` : ''}`);
    }
    console.log(`(inputs written to ${workDir}, removed at the end; ours is the build of ${statSync(SERVERS[0]!.script).mtime.toISOString()})\n`);
    for (const input of inputs) {
      process.stdout.write(`${input.name}: ${SERVERS.map((spec) => spec.name).join(' and ')}, in turns … `);
      const started = performance.now();
      results.push(...(await runInput(input, join(workDir, input.name))));
      console.log(`${((performance.now() - started) / 1000).toFixed(1)} s`);
    }
  } finally {
    rmSync(workDir, { recursive: true, force: true });
  }

  console.log();
  printResults(inputs, results);
  const file = writeDockerfileResults(inputs, results);
  console.log(`\nRaw results: ${relative(ROOT, file)}`);
}

/**
 * Both servers run side by side on the same input and are measured in turns, sample by sample (the order
 * alternating), so that background load on the machine weighs on both alike. Each has only one request in flight.
 */
async function runInput(input: BenchInput, folder: string): Promise<CaseResult[]> {
  const started = performance.now();
  const servers: BenchServer[] = [];
  try {
    for (const spec of SERVERS) {
      const server = await BenchServer.start(spec, WAIT_TIMEOUT_MS);
      liveProcesses.add(server);
      servers.push(server);
    }
    const inTurn = (run: number) => (run % 2 === 0 ? servers : [...servers].reverse());
    interface Samples {
      openSamples: number[];
      editSamples: number[];
      firstDiagnostics: Diagnostic[];
      cycleDiagnostics: number[];
    }
    const states = new Map<BenchServer, Samples>(
      servers.map((server) => [server, { openSamples: [], editSamples: [], firstDiagnostics: [], cycleDiagnostics: [] }]),
    );
    const state = (server: BenchServer) => states.get(server)!;

    // open→diagnostics, each time on a fresh URI, closed (and cleared) before the next. Run 0 is the cold open.
    // Each open gets a different text (a comment line more), as opening different files would: a server may
    // remember the parse of a text it has seen, which is not what opening a file costs.
    for (let run = 0; run <= OPEN_RUNS; run++) {
      const text = run === 0 ? input.text : `${input.text}# open ${run}\n`;
      for (const server of inTurn(run)) {
        const uri = pathToFileURL(join(folder, server.spec.name, `open-${run}`, 'Dockerfile')).href;
        const { sentAt, published } = await server.open(uri, text);
        if (run === 0) state(server).firstDiagnostics = published.diagnostics;
        state(server).openSamples.push(published.at - sentAt);
        await server.close(uri);
      }
    }

    // edit→diagnostics on one open document per server, replaying the same cycle of edits.
    const cycle = editCycle(input.text);
    const documents = new Map<BenchServer, TextDocument>();
    for (const server of servers) {
      const uri = pathToFileURL(join(folder, server.spec.name, 'edit', 'Dockerfile')).href;
      documents.set(server, TextDocument.create(uri, 'dockerfile', 1, input.text));
      await server.open(uri, input.text);
    }
    for (let run = 0; run < EDIT_RUNS; run++) {
      const change = cycle[run % cycle.length]!;
      for (const server of inTurn(run)) {
        const document = TextDocument.update(documents.get(server)!, [change], documents.get(server)!.version + 1);
        documents.set(server, document);
        const { sentAt, published } = await server.change(document.uri, document.version, [change]);
        state(server).editSamples.push(published.at - sentAt);
        if (run < cycle.length) state(server).cycleDiagnostics.push(published.diagnostics.length);
      }
    }
    if (EDIT_RUNS % cycle.length === 0 && [...documents.values()].some((document) => document.getText() !== input.text)) {
      throw new Error('the edit cycle did not restore the text');
    }

    const wallMs = performance.now() - started;
    return servers.map((server) => {
      const { openSamples, editSamples, firstDiagnostics, cycleDiagnostics } = state(server);
      const [coldOpenMs, ...warmOpens] = openSamples;
      return {
        server: server.spec.name,
        input: input.name,
        startMs: round(server.startMs),
        coldOpenMs: round(coldOpenMs!),
        open: summarize(warmOpens),
        edit: summarize(editSamples),
        openSamplesMs: openSamples.map(round),
        editSamplesMs: editSamples.map(round),
        peakRssKiB: server.peakRssKiB(),
        diagnostics: { count: firstDiagnostics.length, bySource: countBySource(firstDiagnostics), afterEachEditOfTheCycle: cycleDiagnostics },
        unexpectedPublishes: server.unexpectedPublishes,
        publishesCarryVersion: server.sawVersions,
        wallMs,
      };
    });
  } finally {
    for (const server of servers) {
      await server.stop();
      liveProcesses.delete(server);
    }
  }
}

function printResults(inputs: readonly BenchInput[], results: readonly CaseResult[]): void {
  const rows: string[][] = [];
  for (const input of inputs) {
    const ours = results.find((result) => result.server === 'ours' && result.input === input.name)!;
    const peer = results.find((result) => result.server === 'peer' && result.input === input.name)!;
    const row = (metric: string, pick: (result: CaseResult) => number | undefined, format: (value: number | undefined) => string) => {
      const [a, b] = [pick(ours), pick(peer)];
      rows.push([`${input.name} (${input.lines} lines)`, metric, format(a), format(b), ratio(a, b)]);
    };
    row('start→initialized', (r) => r.startMs, ms);
    row('open→diag cold (1st)', (r) => r.coldOpenMs, ms);
    row(`open→diag median (n=${OPEN_RUNS})`, (r) => r.open.medianMs, ms);
    row('open→diag p95', (r) => r.open.p95Ms, ms);
    row(`edit→diag median (n=${EDIT_RUNS})`, (r) => r.edit.medianMs, ms);
    row('edit→diag p95', (r) => r.edit.p95Ms, ms);
    row('peak RSS (VmHWM)', (r) => r.peakRssKiB, mib);
    row(
      'diagnostics',
      (r) => r.diagnostics.count,
      (value) => String(value ?? 'n/a'),
    );
  }
  printTable(['input', 'metric', 'ours', 'peer', 'ours/peer'], rows);
  console.log('\nours/peer ≤ 1.00 means ours is at least as fast (or as small). Diagnostics: the first open, default settings.');
  const stray = results.filter((result) => result.unexpectedPublishes > 0);
  for (const result of stray) console.log(`note: ${result.server} × ${result.input} sent ${result.unexpectedPublishes} publish(es) nobody waited for.`);
}

function writeDockerfileResults(inputs: readonly BenchInput[], results: readonly CaseResult[]): string {
  return writeResults(RESULTS_DIR, 'dockerfile', {
    settings: { openRuns: OPEN_RUNS, editRuns: EDIT_RUNS, waitTimeoutMs: WAIT_TIMEOUT_MS },
    // The bundle changes with every build: its hash and time tell which build these figures belong to.
    servers: SERVERS.map((spec) => ({ name: spec.name, script: relative(ROOT, spec.script), ...fileIdentity(spec.script) })),
    inputs: inputs.map((input) => ({ name: input.name, lines: input.lines, bytes: Buffer.byteLength(input.text), origin: input.origin })),
    results,
  });
}

runBench(main, DEADLINE_MS);
