// Benchmark: our language server against yaml-language-server on Kubernetes manifests, paired in one run: a
// generated ~17,000-line multi-document manifest (opens, edits inside one document, peak RSS) and the real files of
// the corpus (opens). Run with `npm run bench:k8s` after `npm run build`. See bench/README.md.
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import type { Diagnostic } from 'vscode-languageserver-protocol';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { BenchServer, type ServerSpec } from '../shared/lspServer';
import { countBySource, fileIdentity, mib, ms, printTable, ratio, writeResults } from '../shared/report';
import { BenchSetupError, liveProcesses, runBench } from '../shared/runner';
import { round, type Summary, summarize } from '../shared/stats';
import { type BenchInput, type CorpusFile, corpusFiles, editCycle, manifestInput } from './inputs';

const ROOT = resolve(__dirname, '../..');
/** The real-world corpus beside the repository; BENCH_CORPUS_DIR points elsewhere. */
const CORPUS = resolve(ROOT, process.env.BENCH_CORPUS_DIR ?? '../shared/corpus/k8s');
const RESULTS_DIR = join(ROOT, 'bench/results');

/** Opens of the manifest measured per server (fresh URI and text each), after one cold open reported apart. */
const OPEN_RUNS = Number(process.env.BENCH_OPEN_RUNS ?? 20);
/** Edits per server on the manifest: eight cycles of eight. */
const EDIT_RUNS = Number(process.env.BENCH_EDIT_RUNS ?? 64);
const WAIT_TIMEOUT_MS = 60_000;
/** BENCH_ONLY=manifest or corpus runs only that part, e.g. to profile. */
const ONLY = process.env.BENCH_ONLY ? new Set(process.env.BENCH_ONLY.split(',').map((part) => part.trim())) : undefined;
const wanted = (part: string) => ONLY === undefined || ONLY.has(part);
/** The whole run; past it, every process is killed and the script fails. */
const DEADLINE_MS = 900_000;

/** BENCH_YAML_LS_STOCK=1 runs yaml-language-server as shipped, with its fixed 200 ms validation delay: what users wait for. */
const YAML_LS_STOCK = process.env.BENCH_YAML_LS_STOCK === '1';
/** A name that says nothing of the content: both servers decide from the text (ours: documents with apiVersion and kind). */
const DOCUMENT_NAME = 'manifests.yaml';

/** BENCH_OURS_SCRIPT runs another build of our server (another branch's dist/server/server.js), for before/after figures. */
const OURS_SCRIPT = process.env.BENCH_OURS_SCRIPT ? resolve(process.env.BENCH_OURS_SCRIPT) : join(ROOT, 'dist/server/server.js');

const SERVERS: ServerSpec[] = [
  { name: 'ours', script: OURS_SCRIPT, languageId: 'yaml' },
  {
    name: 'yaml-ls',
    script: join(ROOT, YAML_LS_STOCK ? 'node_modules/yaml-language-server/bin/yaml-language-server' : 'bench/compose/yamlLanguageServerNoDelay.cjs'),
    languageId: 'yaml',
    pullsSettingsOnStart: true,
    settings: (section) =>
      section === 'yaml'
        ? {
            validate: true,
            hover: false,
            completion: false,
            format: { enable: false },
            // No schema at all, and nothing from the web: yaml-ls checks YAML syntax only.
            schemaStore: { enable: false },
            kubernetesCRDStore: { enable: false },
            schemas: {},
          }
        : undefined,
  },
];
const WHAT_IS_CHECKED: Record<string, string> = {
  ours: 'YAML syntax + every Kubernetes rule of the build, each document',
  'yaml-ls': 'YAML syntax only (no schema)',
};

/** The issue's targets: ours / yaml-ls on the manifest. */
const TARGETS = { openMedian: 0.3, editP95: 0.25, peakRss: 0.5 };

interface LspResult {
  server: string;
  input: string;
  startMs: number;
  coldOpenMs: number;
  open: Summary;
  edit: Summary | undefined;
  openSamplesMs: number[];
  editSamplesMs: number[];
  cpuPerOpenMs: number | undefined;
  cpuPerEditMs: number | undefined;
  peakRssKiB: number | undefined;
  /** Found on the first open (over every file for the corpus), then after each edit of the first cycle. */
  diagnostics: { count: number; bySource: Record<string, number>; afterEachEditOfTheCycle: number[] };
  unexpectedPublishes: number;
  publishesCarryVersion: boolean;
}

async function main(): Promise<void> {
  for (const spec of SERVERS) {
    if (!existsSync(spec.script)) {
      const hint = spec.script.includes('/dist/') ? 'run `npm run build` first' : 'run `npm install` (yaml-language-server is a devDependency)';
      throw new BenchSetupError(`${relative(ROOT, spec.script)} is missing: ${hint}.`);
    }
  }
  const manifest = manifestInput();
  const corpus = corpusFiles(CORPUS);
  console.log(`input manifest: ${manifest.lines} lines, ${manifest.documents} documents (generated): ${kindList(manifest.kinds)}`);
  if (corpus) console.log(`input corpus: ${corpus.length} YAML files from ${CORPUS}`);
  else console.log(`Corpus not found at ${CORPUS}: skipping the corpus opens.`);
  if (ONLY) console.log(`BENCH_ONLY: ${[...ONLY].join(', ')}`);
  console.log(`Load average (1, 5, 15 min) at the start: ${loadAverage()} on ${cpus().length} cores.`);
  console.log(
    `ours is the build of ${statSync(SERVERS[0]!.script).mtime.toISOString()}; yaml-ls ${YAML_LS_STOCK ? 'as shipped (200 ms delay)' : 'without its 200 ms delay'}\n`,
  );

  const workDir = mkdtempSync(join(tmpdir(), 'container-standards-bench-k8s-'));
  const lsp: LspResult[] = [];
  try {
    if (wanted('manifest'))
      await timed(`manifest: ${SERVERS.map((spec) => spec.name).join(', ')}, in turns`, async () =>
        lsp.push(...(await runManifest(manifest, join(workDir, 'manifest')))),
      );
    if (corpus && wanted('corpus')) await timed('corpus: opens, in turns', async () => lsp.push(...(await runCorpusOpens(corpus, join(workDir, 'corpus')))));
  } finally {
    rmSync(workDir, { recursive: true, force: true });
  }

  console.log();
  if (lsp.length > 0) printLsp(manifest, corpus && wanted('corpus') ? corpus : undefined, lsp);
  const file = writeResults(RESULTS_DIR, 'k8s', {
    settings: { openRuns: OPEN_RUNS, editRuns: EDIT_RUNS, waitTimeoutMs: WAIT_TIMEOUT_MS },
    servers: SERVERS.map((spec) => ({ name: spec.name, script: relative(ROOT, spec.script), ...identity(spec.name, spec.script) })),
    yamlLsValidationDelay: YAML_LS_STOCK ? 'stock (200 ms)' : 'removed (0 ms)',
    inputs: [
      {
        name: manifest.name,
        lines: manifest.lines,
        documents: manifest.documents,
        kinds: manifest.kinds,
        bytes: Buffer.byteLength(manifest.text),
        origin: 'generated',
      },
      ...(corpus && wanted('corpus') ? [{ name: 'corpus', files: corpus.map((entry) => entry.path), origin: CORPUS }] : []),
    ],
    lsp,
  });
  console.log(`\nRaw results: ${relative(ROOT, file)}`);
  console.log(`Load average (1, 5, 15 min) at the end: ${loadAverage()}; on a busy machine every figure grows, the ratios less so.`);
}

function kindList(kinds: Record<string, number>): string {
  return Object.entries(kinds)
    .map(([kind, count]) => `${count} ${kind}`)
    .join(', ');
}

function loadAverage(): string {
  return loadavg()
    .map((load) => load.toFixed(2))
    .join(', ');
}

async function timed(label: string, run: () => Promise<unknown>): Promise<void> {
  process.stdout.write(`${label} … `);
  const started = performance.now();
  await run();
  console.log(`${((performance.now() - started) / 1000).toFixed(1)} s`);
}

function identity(name: string, script: string): Record<string, string> {
  if (name === 'yaml-ls') {
    const version = JSON.parse(readFileSync(join(ROOT, 'node_modules/yaml-language-server/package.json'), 'utf8')).version;
    return { package: 'yaml-language-server', version };
  }
  // Our bundle changes with every build: its hash and time tell which build the figures belong to.
  return fileIdentity(script);
}

interface Samples {
  server: BenchServer;
  open: number[];
  edit: number[];
  firstDiagnostics: Diagnostic[];
  cycleDiagnostics: number[];
  cpu: { openMs?: number; editMs?: number };
}

/**
 * Starts both servers, runs `measure` with them, and stops them (also on failure). They run side by side and are
 * measured in turns, the order rotating sample by sample, so that background load weighs on both alike.
 */
async function withServers(input: string, measure: (servers: Samples[], inTurn: (run: number) => Samples[]) => Promise<void>): Promise<LspResult[]> {
  const samples: Samples[] = [];
  try {
    for (const spec of SERVERS) {
      const server = await BenchServer.start(spec, WAIT_TIMEOUT_MS);
      liveProcesses.add(server);
      samples.push({ server, open: [], edit: [], firstDiagnostics: [], cycleDiagnostics: [], cpu: {} });
    }
    const inTurn = (run: number) => samples.map((_, index) => samples[(index + run) % samples.length]!);
    await measure(samples, inTurn);
    await checkSyntaxOnly(samples.find((entry) => entry.server.spec.name === 'yaml-ls')!.server, input);
    return samples.map(({ server, open, edit, firstDiagnostics, cycleDiagnostics, cpu }) => {
      const [coldOpenMs, ...warmOpens] = open;
      return {
        server: server.spec.name,
        input,
        startMs: round(server.startMs),
        coldOpenMs: round(coldOpenMs!),
        open: summarize(warmOpens),
        edit: edit.length > 0 ? summarize(edit) : undefined,
        openSamplesMs: open.map(round),
        editSamplesMs: edit.map(round),
        cpuPerOpenMs: cpu.openMs === undefined ? undefined : round(cpu.openMs / warmOpens.length),
        cpuPerEditMs: cpu.editMs === undefined || edit.length === 0 ? undefined : round(cpu.editMs / edit.length),
        peakRssKiB: server.peakRssKiB(),
        diagnostics: { count: firstDiagnostics.length, bySource: countBySource(firstDiagnostics), afterEachEditOfTheCycle: cycleDiagnostics },
        unexpectedPublishes: server.unexpectedPublishes,
        publishesCarryVersion: server.sawVersions,
      };
    });
  } finally {
    for (const { server } of samples) {
      await server.stop();
      liveProcesses.delete(server);
    }
  }
}

/** Runs `phase` and records each server's CPU time over it in `cpu[key]`. */
async function measureCpu(servers: readonly Samples[], key: keyof Samples['cpu'], phase: () => Promise<void>): Promise<void> {
  const before = servers.map((entry) => entry.server.cpuMs());
  await phase();
  servers.forEach((entry, index) => {
    const [start, end] = [before[index], entry.server.cpuMs()];
    entry.cpu[key] = start === undefined || end === undefined ? undefined : end - start;
  });
}

/** Times one open → first diagnostics on a fresh URI, then closes the document. */
async function timeOpen(entry: Samples, folder: string, text: string, name = DOCUMENT_NAME): Promise<Diagnostic[]> {
  const uri = pathToFileURL(join(folder, entry.server.spec.name, name)).href;
  const { sentAt, published } = await entry.server.open(uri, text);
  entry.open.push(published.at - sentAt);
  await entry.server.close(uri);
  return published.diagnostics;
}

/**
 * open→diagnostics: run 0 is the cold open, then OPEN_RUNS more, each on a fresh URI with a text of its own (a
 * comment line more), as opening different files would be. Then edit→diagnostics on one open document per server.
 */
function runManifest(input: BenchInput, folder: string): Promise<LspResult[]> {
  return withServers(input.name, async (servers, inTurn) => {
    for (const entry of inTurn(0)) entry.firstDiagnostics = await timeOpen(entry, join(folder, 'open-0'), input.text);
    await measureCpu(servers, 'openMs', async () => {
      for (let run = 1; run <= OPEN_RUNS; run++) {
        for (const entry of inTurn(run)) await timeOpen(entry, join(folder, `open-${run}`), `${input.text}# open ${run}\n`);
      }
    });

    const cycle = editCycle(input.text);
    const documents = new Map<Samples, TextDocument>();
    for (const entry of servers) {
      const uri = pathToFileURL(join(folder, entry.server.spec.name, 'edit', DOCUMENT_NAME)).href;
      documents.set(entry, TextDocument.create(uri, entry.server.spec.languageId, 1, input.text));
      await entry.server.open(uri, input.text);
    }
    await measureCpu(servers, 'editMs', async () => {
      for (let run = 0; run < EDIT_RUNS; run++) {
        const change = cycle[run % cycle.length]!;
        for (const entry of inTurn(run)) {
          const document = TextDocument.update(documents.get(entry)!, [change], documents.get(entry)!.version + 1);
          documents.set(entry, document);
          const { sentAt, published } = await entry.server.change(document.uri, document.version, [change]);
          entry.edit.push(published.at - sentAt);
          if (run < cycle.length) entry.cycleDiagnostics.push(published.diagnostics.length);
        }
      }
    });
    if (EDIT_RUNS % cycle.length === 0 && [...documents.values()].some((document) => document.getText() !== input.text)) {
      throw new Error('the edit cycle did not restore the text');
    }
    for (const [entry, document] of documents) await entry.server.close(document.uri);
  });
}

/** open→diagnostics on each real file once (after a cold open of the first, reported apart), under its own name. */
function runCorpusOpens(files: readonly CorpusFile[], folder: string): Promise<LspResult[]> {
  const nameOf = (file: CorpusFile) => file.path.replace(/[/\\]/g, '_');
  return withServers('corpus', async (servers, inTurn) => {
    for (const entry of inTurn(0)) await timeOpen(entry, join(folder, 'open-0'), files[0]!.text, nameOf(files[0]!));
    await measureCpu(servers, 'openMs', async () => {
      for (const [index, file] of files.entries()) {
        for (const entry of inTurn(index + 1)) {
          entry.firstDiagnostics.push(...(await timeOpen(entry, join(folder, `open-${index + 1}`), file.text, nameOf(file))));
        }
      }
    });
  });
}

/**
 * yaml-ls must check syntax (a broken document is reported) and nothing else (no schema: a misspelt field of a
 * Deployment is not), else its figures would not be those of a syntax check and the run is wrong.
 */
async function checkSyntaxOnly(server: BenchServer, input: string): Promise<void> {
  const probe = async (name: string, text: string) => {
    const uri = pathToFileURL(join(tmpdir(), 'container-standards-bench-probe', input, name, DOCUMENT_NAME)).href;
    const { published } = await server.open(uri, text);
    await server.close(uri);
    return published.diagnostics;
  };
  const broken = await probe('broken', 'apiVersion: v1\nkind: ConfigMap\ndata:\n  key: "unclosed\n');
  if (broken.length === 0) throw new Error('yaml-ls reported no syntax error in a broken manifest: is validation on?');
  const misspelt = await probe('misspelt', 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: probe\nspec:\n  replicaz: 1\n');
  if (misspelt.length > 0) throw new Error(`yaml-ls applied a schema to a manifest: ${JSON.stringify(misspelt)}`);
}

function printLsp(manifest: BenchInput, corpus: readonly CorpusFile[] | undefined, results: readonly LspResult[]): void {
  const header = ['input', 'metric', ...SERVERS.map((spec) => spec.name), 'ours/yaml-ls', 'target'];
  const rows: string[][] = [];
  const cases: { name: string; label: string }[] = [];
  if (results.some((result) => result.input === manifest.name))
    cases.push({ name: manifest.name, label: `manifest (${manifest.lines} lines, ${manifest.documents} docs)` });
  if (corpus) cases.push({ name: 'corpus', label: `corpus (${corpus.length} files)` });
  for (const { name, label } of cases) {
    const of = (server: string) => results.find((result) => result.server === server && result.input === name)!;
    const [ours, peer] = [of('ours'), of('yaml-ls')];
    const row = (metric: string, pick: (result: LspResult) => number | undefined, format: (value: number | undefined) => string, target?: number) => {
      const [mine, theirs] = [pick(ours), pick(peer)];
      const verdict =
        target === undefined || name !== manifest.name
          ? ''
          : `≤ ${target.toFixed(2)}: ${mine !== undefined && theirs !== undefined && mine <= target * theirs ? 'met' : 'MISSED'}`;
      rows.push([label, metric, format(mine), format(theirs), ratio(mine, theirs), verdict]);
    };
    row('start→initialized', (r) => r.startMs, ms);
    row('open→diag cold (1st)', (r) => r.coldOpenMs, ms);
    row(`open→diag median (n=${ours.open.runs})`, (r) => r.open.medianMs, ms, TARGETS.openMedian);
    row('open→diag p95', (r) => r.open.p95Ms, ms);
    row('open CPU mean (/proc)', (r) => r.cpuPerOpenMs, ms);
    if (ours.edit) {
      row(`edit→diag median (n=${ours.edit.runs})`, (r) => r.edit?.medianMs, ms);
      row('edit→diag p95', (r) => r.edit?.p95Ms, ms, TARGETS.editP95);
      row('edit CPU mean (/proc)', (r) => r.cpuPerEditMs, ms);
    }
    row('peak RSS (VmHWM)', (r) => r.peakRssKiB, mib, name === 'corpus' ? undefined : TARGETS.peakRss);
    rows.push([
      label,
      name === 'corpus' ? 'diagnostics (all files)' : 'diagnostics (1st open)',
      String(ours.diagnostics.count),
      String(peer.diagnostics.count),
    ]);
  }
  printTable(header, rows);
  console.log(
    `\nours/yaml-ls ≤ 1.00 means ours is at least as fast (or as small). What each checks: ${SERVERS.map((spec) => `${spec.name}, ${WHAT_IS_CHECKED[spec.name]}`).join('; ')}.`,
  );
  console.log(
    YAML_LS_STOCK
      ? 'yaml-ls runs as shipped (BENCH_YAML_LS_STOCK=1): its figures include a fixed 200 ms validation delay.'
      : 'yaml-ls runs with its fixed 200 ms validation delay removed: the figures compare work, not debounce.',
  );
  const ours = results.find((result) => result.server === 'ours' && result.input === manifest.name);
  if (ours) console.log(`ours on the manifest, by rule: ${JSON.stringify(ours.diagnostics.bySource)}`);
  for (const result of results.filter((entry) => entry.unexpectedPublishes > 0)) {
    console.log(`note: ${result.server} × ${result.input} sent ${result.unexpectedPublishes} publish(es) nobody waited for.`);
  }
}

runBench(main, DEADLINE_MS);
