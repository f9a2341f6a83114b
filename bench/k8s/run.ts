// Benchmark: our language server against yaml-language-server on Kubernetes manifests, paired in one run: a
// generated ~17,000-line multi-document manifest (opens, edits inside one document, peak RSS) and the real files of
// the corpus (opens). Run with `npm run bench:k8s` after `npm run build`. See bench/README.md.
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { BenchServer, ServerSpec } from '../shared/lspServer';
import { type InTurn, type LspResult, type Samples, timeFileOpens, timeOpensAndEdits, withServers } from '../shared/pairedLsp';
import { fileIdentity, loadAverage, mib, ms, printTable, ratio, timed, writeResults } from '../shared/report';
import { BenchSetupError, runBench } from '../shared/runner';
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

function identity(name: string, script: string): Record<string, string> {
  if (name === 'yaml-ls') {
    const version = JSON.parse(readFileSync(join(ROOT, 'node_modules/yaml-language-server/package.json'), 'utf8')).version;
    return { package: 'yaml-language-server', version };
  }
  // Our bundle changes with every build: its hash and time tell which build the figures belong to.
  return fileIdentity(script);
}

/** The manifest: opens, then edits inside one of its documents. */
function runManifest(input: BenchInput, folder: string): Promise<LspResult[]> {
  const cycle = editCycle(input.text);
  const measure = (servers: Samples[], inTurn: InTurn) =>
    timeOpensAndEdits(servers, inTurn, { folder, name: DOCUMENT_NAME, text: input.text, openRuns: OPEN_RUNS, cycle, editRuns: EDIT_RUNS });
  return withServers(SERVERS, WAIT_TIMEOUT_MS, input.name, measure, (servers) => checkSyntaxOnly(yamlLs(servers), input.name));
}

/** Each real file opened once under its own name (its path, flattened). */
function runCorpusOpens(files: readonly CorpusFile[], folder: string): Promise<LspResult[]> {
  const named = files.map((file) => ({ name: file.path.replace(/[/\\]/g, '_'), text: file.text }));
  const measure = (servers: Samples[], inTurn: InTurn) => timeFileOpens(servers, inTurn, folder, named);
  return withServers(SERVERS, WAIT_TIMEOUT_MS, 'corpus', measure, (servers) => checkSyntaxOnly(yamlLs(servers), 'corpus'));
}

function yamlLs(servers: readonly BenchServer[]): BenchServer {
  return servers.find((server) => server.spec.name === 'yaml-ls')!;
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
