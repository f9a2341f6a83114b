// Benchmark: our language server and CLI on Compose files against the Compose peers, paired in one run:
// @microsoft/compose-language-service and yaml-language-server (with the compose schema) over stdio, dclint as a CLI.
// Run with `npm run bench:compose` after `npm run build`. See bench/README.md.
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { type CliRun, runCli } from '../shared/cliRun';
import type { BenchServer, ServerSpec } from '../shared/lspServer';
import { type InTurn, type LspResult, type Samples, timeFileOpens, timeOpensAndEdits, withServers } from '../shared/pairedLsp';
import { fileIdentity, loadAverage, mib, ms, printTable, ratio, timed, writeResults } from '../shared/report';
import { BenchSetupError, runBench } from '../shared/runner';
import { round, type Summary, summarize } from '../shared/stats';
import { type BenchInput, type CorpusFile, corpusFiles, editCycle, generatedInputs } from './inputs';

const ROOT = resolve(__dirname, '../..');
/** The real-world corpus beside the repository; BENCH_CORPUS_DIR points elsewhere. */
const CORPUS = resolve(ROOT, process.env.BENCH_CORPUS_DIR ?? '../shared/corpus/compose');
const RESULTS_DIR = join(ROOT, 'bench/results');
const OURS_CLI = join(ROOT, 'dist/cli/main.js');
const DCLINT_CLI = join(ROOT, 'node_modules/dclint/bin/dclint.cjs');

/** Opens measured per server and generated input (fresh URI and text each), after one cold open reported apart. */
const OPEN_RUNS = 30;
/** Edits per server on each file of up to 1,000 lines, and on the 200-service file (yaml-language-server is slow there). */
const EDIT_RUNS = Number(process.env.BENCH_EDIT_RUNS ?? 240);
const EDIT_RUNS_200 = Number(process.env.BENCH_EDIT_RUNS_200 ?? 64);
/** Paired CLI rounds (ours, dclint, alternating which goes first). */
const CLI_ROUNDS = Number(process.env.BENCH_CLI_ROUNDS ?? 3);
const WAIT_TIMEOUT_MS = 30_000;
const CLI_TIMEOUT_MS = 120_000;
/** BENCH_ONLY=services-200,cli runs only those parts (small, medium, large, services-200, corpus, cli), e.g. to profile. */
const ONLY = process.env.BENCH_ONLY ? new Set(process.env.BENCH_ONLY.split(',').map((part) => part.trim())) : undefined;
const wanted = (part: string) => ONLY === undefined || ONLY.has(part);
/** The whole run; past it, every process is killed and the script fails. */
const DEADLINE_MS = 900_000;

/**
 * The compose schema yaml-language-server validates against: ours (schemas/compose/) when the tree has it, else the
 * compose-spec schema dclint ships. Read locally: yaml-language-server never goes to the network here.
 */
function composeSchema(): string {
  const ours = join(ROOT, 'schemas/compose');
  const candidates = existsSync(ours) ? readdirSync(ours).filter((file) => file.endsWith('.json')) : [];
  const file = candidates.find((name) => /compose/i.test(name)) ?? candidates[0];
  return file ? join(ours, file) : join(ROOT, 'node_modules/dclint/schemas/compose.schema.json');
}

const SCHEMA = composeSchema();
/** BENCH_YAML_LS_STOCK=1 runs yaml-language-server as shipped, with its fixed 200 ms validation delay: what users wait for. */
const YAML_LS_STOCK = process.env.BENCH_YAML_LS_STOCK === '1';
/** The file name every opened document gets, so that all three servers take it for a compose file. */
const DOCUMENT_NAME = 'compose.yaml';

const SERVERS: ServerSpec[] = [
  { name: 'ours', script: join(ROOT, 'dist/server/server.js'), languageId: 'dockercompose' },
  {
    name: 'compose-ls',
    script: join(ROOT, 'node_modules/@microsoft/compose-language-service/bin/docker-compose-langserver'),
    languageId: 'dockercompose',
    // Its default waits 1 s after the last change before checking (DiagnosticProvider.ts).
    initializationOptions: { diagnosticDelay: 0 },
    clearsOnClose: false,
  },
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
            // No schema catalogue from the web: only the local compose schema, for compose file names.
            schemaStore: { enable: false },
            kubernetesCRDStore: { enable: false },
            schemas: { [pathToFileURL(SCHEMA).href]: ['compose.yaml', 'compose.yml', 'docker-compose.yaml', 'docker-compose.yml'] },
          }
        : undefined,
  },
];
const PACKAGES: Record<string, string> = {
  'compose-ls': '@microsoft/compose-language-service',
  'yaml-ls': 'yaml-language-server',
  dclint: 'dclint',
};
const WHAT_IS_CHECKED: Record<string, string> = {
  ours: 'YAML syntax + compose schema + our compose rules',
  'compose-ls': 'YAML syntax only',
  'yaml-ls': 'YAML syntax + compose schema',
};

interface CliResult {
  tool: string;
  command: string;
  wall: Summary;
  samplesMs: number[];
  exitCodes: (number | null)[];
  filesReported: number;
  findings: number;
}

async function main(): Promise<void> {
  for (const path of [...SERVERS.map((spec) => spec.script), OURS_CLI, DCLINT_CLI]) {
    if (!existsSync(path)) {
      const hint = path.includes('/dist/') ? 'run `npm run build` first' : 'run `npm install` (the peers are devDependencies)';
      throw new BenchSetupError(`${relative(ROOT, path)} is missing: ${hint}.`);
    }
  }
  const inputs = generatedInputs().filter((input) => wanted(input.name));
  const corpus = corpusFiles(CORPUS);
  for (const input of inputs) console.log(`input ${input.name}: ${input.lines} lines, ${input.services} services (generated)`);
  if (corpus) console.log(`input corpus: ${corpus.length} files from ${CORPUS}`);
  else console.log(`Corpus not found at ${CORPUS}: skipping the corpus opens and the CLI rows.`);
  if (ONLY) console.log(`BENCH_ONLY: ${[...ONLY].join(', ')}`);
  console.log(`Load average (1, 5, 15 min) at the start: ${loadAverage()} on ${cpus().length} cores.`);
  console.log(`yaml-ls schema: ${relative(ROOT, SCHEMA)}; ours is the build of ${statSync(SERVERS[0]!.script).mtime.toISOString()}\n`);

  const workDir = mkdtempSync(join(tmpdir(), 'container-standards-bench-compose-'));
  const lsp: LspResult[] = [];
  let cli: CliResult[] = [];
  let folderWalk: { filesFound: number } | undefined;
  try {
    for (const input of inputs) {
      await timed(`${input.name}: ${SERVERS.map((spec) => spec.name).join(', ')}, in turns`, async () =>
        lsp.push(...(await runGenerated(input, join(workDir, input.name)))),
      );
    }
    if (corpus && wanted('corpus')) {
      await timed('corpus: opens, in turns', async () => lsp.push(...(await runCorpusOpens(corpus, join(workDir, 'corpus')))));
    }
    if (corpus && wanted('cli')) {
      await timed(`CLI: ${CLI_ROUNDS} paired rounds`, async () => (cli = await runCliRounds(corpus, workDir)));
      folderWalk = await oursOnTheFolder(workDir);
    }
  } finally {
    rmSync(workDir, { recursive: true, force: true });
  }

  console.log();
  if (lsp.length > 0) printLsp(inputs, corpus && wanted('corpus') ? corpus : undefined, lsp);
  if (corpus && cli.length > 0) printCli(corpus, cli, folderWalk);
  const file = writeResults(RESULTS_DIR, 'compose', {
    settings: { openRuns: OPEN_RUNS, editRuns: EDIT_RUNS, editRuns200: EDIT_RUNS_200, cliRounds: CLI_ROUNDS, waitTimeoutMs: WAIT_TIMEOUT_MS },
    servers: SERVERS.map((spec) => ({ name: spec.name, script: relative(ROOT, spec.script), ...identity(spec.name, spec.script) })),
    dclint: identity('dclint', DCLINT_CLI),
    yamlLsSchema: relative(ROOT, SCHEMA),
    yamlLsValidationDelay: YAML_LS_STOCK ? 'stock (200 ms)' : 'removed (0 ms)',
    inputs: [
      ...inputs.map((input) => ({ name: input.name, lines: input.lines, services: input.services, bytes: Buffer.byteLength(input.text), origin: 'generated' })),
      ...(corpus && wanted('corpus') ? [{ name: 'corpus', files: corpus.map((file) => file.path), origin: CORPUS }] : []),
    ],
    lsp,
    cli,
    folderWalk,
  });
  console.log(`\nRaw results: ${relative(ROOT, file)}`);
  console.log(`Load average (1, 5, 15 min) at the end: ${loadAverage()}; on a busy machine every figure grows, the ratios less so.`);
}

function identity(name: string, script: string): Record<string, string> {
  const pkg = PACKAGES[name];
  if (pkg) return { package: pkg, version: JSON.parse(readFileSync(join(ROOT, 'node_modules', pkg, 'package.json'), 'utf8')).version };
  // Our bundle changes with every build: its hash and time tell which build the figures belong to.
  return fileIdentity(script);
}

/** A generated file: opens, then edits (fewer on the 200-service file, where yaml-language-server is slow). */
function runGenerated(input: BenchInput, folder: string): Promise<LspResult[]> {
  const editRuns = input.lines > 1_000 ? EDIT_RUNS_200 : EDIT_RUNS;
  const cycle = editCycle(input.text);
  const measure = (servers: Samples[], inTurn: InTurn) =>
    timeOpensAndEdits(servers, inTurn, { folder, name: DOCUMENT_NAME, text: input.text, openRuns: OPEN_RUNS, cycle, editRuns });
  return withServers(SERVERS, WAIT_TIMEOUT_MS, input.name, measure, (servers) => checkTheSchemaApplies(yamlLs(servers), input.name));
}

/** Each real file opened once, all under the one compose file name. */
function runCorpusOpens(files: readonly CorpusFile[], folder: string): Promise<LspResult[]> {
  const named = files.map((file) => ({ name: DOCUMENT_NAME, text: file.text }));
  const measure = (servers: Samples[], inTurn: InTurn) => timeFileOpens(servers, inTurn, folder, named);
  return withServers(SERVERS, WAIT_TIMEOUT_MS, 'corpus', measure, (servers) => checkTheSchemaApplies(yamlLs(servers), 'corpus'));
}

function yamlLs(servers: readonly BenchServer[]): BenchServer {
  return servers.find((server) => server.spec.name === 'yaml-ls')!;
}

/**
 * yaml-language-server says nothing when no schema matches a file: a property the compose schema forbids must be
 * reported, else its figures would be those of a YAML syntax check and the run is wrong.
 */
async function checkTheSchemaApplies(server: BenchServer, input: string): Promise<void> {
  const uri = pathToFileURL(join(tmpdir(), 'container-standards-bench-probe', input, DOCUMENT_NAME)).href;
  const { published } = await server.open(uri, 'services:\n  probe:\n    image: nginx:1.27\n    not_a_compose_key: 1\n');
  await server.close(uri);
  if (!published.diagnostics.some((diagnostic) => JSON.stringify(diagnostic.message).includes('not_a_compose_key'))) {
    throw new Error(`yaml-ls did not apply the compose schema ${SCHEMA}: ${JSON.stringify(published.diagnostics)}`);
  }
}

/**
 * The CLI rows: ours and dclint, each given the corpus's files by path, in rounds (alternating which runs first).
 * Both write JSON to a file, as CI would.
 */
async function runCliRounds(files: readonly CorpusFile[], folder: string): Promise<CliResult[]> {
  const paths = files.map((file) => join(CORPUS, file.path));
  const placeholder = `<the ${paths.length} files>`;
  const tools = [
    {
      tool: 'ours',
      script: OURS_CLI,
      args: ['lint', ...paths, '--format', 'json'],
      command: `node dist/cli/main.js lint ${placeholder} --format json`,
      count: countOurs,
    },
    {
      tool: 'dclint',
      script: DCLINT_CLI,
      args: [...paths, '--formatter', 'json'],
      command: `node node_modules/dclint/bin/dclint.cjs ${placeholder} --formatter json`,
      count: countDclint,
    },
  ];
  const runs = new Map(tools.map((tool) => [tool.tool, [] as CliRun[]]));
  for (let round = 0; round < CLI_ROUNDS; round++) {
    for (const tool of round % 2 === 0 ? tools : [...tools].reverse()) {
      const run = await runCli(tool.script, tool.args, join(folder, `${tool.tool}.json`), CLI_TIMEOUT_MS);
      // 1 means "found problems" for both tools; anything else is a failure.
      if (run.exitCode !== 0 && run.exitCode !== 1) throw new Error(`${tool.tool} exited with ${run.exitCode}:\n${run.stderr}`);
      runs.get(tool.tool)!.push(run);
    }
  }
  return tools.map((tool) => {
    const samples = runs.get(tool.tool)!;
    return {
      tool: tool.tool,
      command: tool.command,
      wall: summarize(samples.map((run) => run.ms)),
      samplesMs: samples.map((run) => round(run.ms)),
      exitCodes: samples.map((run) => run.exitCode),
      ...tool.count(samples[0]!.stdout),
    };
  });
}

function countOurs(stdout: string): { filesReported: number; findings: number } {
  const report = JSON.parse(stdout) as { files: { kind: string; diagnostics: unknown[] }[] };
  return { filesReported: report.files.length, findings: report.files.reduce((sum, file) => sum + file.diagnostics.length, 0) };
}

function countDclint(stdout: string): { filesReported: number; findings: number } {
  const report = JSON.parse(stdout) as { messages: unknown[] }[];
  return { filesReported: report.length, findings: report.reduce((sum, file) => sum + file.messages.length, 0) };
}

/** How many files our CLI finds when given the corpus folder itself (discovery goes by file name). */
async function oursOnTheFolder(folder: string): Promise<{ filesFound: number }> {
  const run = await runCli(OURS_CLI, ['lint', CORPUS, '--format', 'json'], join(folder, 'ours-folder.json'), CLI_TIMEOUT_MS);
  return { filesFound: countOurs(run.stdout).filesReported };
}

/** The issue's targets, per row. */
const OPEN_200_TARGET = { 'compose-ls': 1.0, 'yaml-ls': 0.25 };
const EDIT_P95_TARGET_MS = 16;
const EDIT_TARGET_MAX_LINES = 1_000;
const CLI_TARGET = 0.5;

function printLsp(inputs: readonly BenchInput[], corpus: readonly CorpusFile[] | undefined, results: readonly LspResult[]): void {
  const peers = SERVERS.slice(1).map((spec) => spec.name);
  const header = ['input', 'metric', ...SERVERS.map((spec) => spec.name), ...peers.map((peer) => `ours/${peer}`), 'target'];
  const rows: string[][] = [];
  const cases = [...inputs.map((input) => ({ name: input.name, label: `${input.name} (${input.lines} lines)`, lines: input.lines }))];
  if (corpus) cases.push({ name: 'corpus', label: `corpus (${corpus.length} files)`, lines: 0 });
  for (const { name, label, lines } of cases) {
    const of = (server: string) => results.find((result) => result.server === server && result.input === name)!;
    const row = (metric: string, pick: (result: LspResult) => number | undefined, format: (value: number | undefined) => string, target = '') => {
      const values = SERVERS.map((spec) => pick(of(spec.name)));
      rows.push([label, metric, ...values.map(format), ...values.slice(1).map((value) => ratio(values[0], value)), target]);
    };
    const ours = of('ours');
    row('start→initialized', (r) => r.startMs, ms);
    row('open→diag cold (1st)', (r) => r.coldOpenMs, ms);
    let openTarget = '';
    if (name === 'services-200') {
      const met = Object.entries(OPEN_200_TARGET).every(([peer, limit]) => ours.open.medianMs <= limit * of(peer).open.medianMs);
      openTarget = `≤ ${Object.values(OPEN_200_TARGET)
        .map((limit) => limit.toFixed(2))
        .join(' / ≤ ')}: ${met ? 'met' : 'MISSED'}`;
    }
    row(`open→diag median (n=${ours.open.runs})`, (r) => r.open.medianMs, ms, openTarget);
    row('open→diag p95', (r) => r.open.p95Ms, ms);
    row('open CPU mean (/proc)', (r) => r.cpuPerOpenMs, ms);
    if (ours.edit) {
      const editTarget = lines <= EDIT_TARGET_MAX_LINES ? `ours ≤ ${EDIT_P95_TARGET_MS} ms: ${ours.edit.p95Ms <= EDIT_P95_TARGET_MS ? 'met' : 'MISSED'}` : '';
      row(`edit→diag median (n=${ours.edit.runs})`, (r) => r.edit?.medianMs, ms);
      row('edit→diag p95', (r) => r.edit?.p95Ms, ms, editTarget);
      row('edit CPU mean (/proc)', (r) => r.cpuPerEditMs, ms);
    }
    row('peak RSS (VmHWM)', (r) => r.peakRssKiB, mib);
    rows.push([
      label,
      name === 'corpus' ? 'diagnostics (all files)' : 'diagnostics (1st open)',
      ...SERVERS.map((spec) => String(of(spec.name).diagnostics.count)),
    ]);
  }
  printTable(header, rows);
  console.log(
    `\nours/<peer> ≤ 1.00 means ours is at least as fast (or as small). What each checks: ${SERVERS.map((spec) => `${spec.name}, ${WHAT_IS_CHECKED[spec.name]}`).join('; ')}.`,
  );
  console.log(
    YAML_LS_STOCK
      ? 'compose-ls runs with diagnosticDelay 0, yaml-ls as shipped (BENCH_YAML_LS_STOCK=1): its figures include a fixed 200 ms validation delay.'
      : 'compose-ls runs with diagnosticDelay 0 and yaml-ls with its fixed 200 ms validation delay removed: the figures compare work, not debounce.',
  );
  for (const result of results.filter((entry) => entry.unexpectedPublishes > 0)) {
    console.log(`note: ${result.server} × ${result.input} sent ${result.unexpectedPublishes} publish(es) nobody waited for.`);
  }
}

function printCli(corpus: readonly CorpusFile[], results: readonly CliResult[], folderWalk: { filesFound: number } | undefined): void {
  const [ours, dclint] = [results.find((result) => result.tool === 'ours')!, results.find((result) => result.tool === 'dclint')!];
  const label = `CLI, corpus (${corpus.length} files)`;
  const met = ours.wall.medianMs <= CLI_TARGET * dclint.wall.medianMs;
  console.log();
  printTable(
    ['input', 'metric', 'ours', 'dclint', 'ours/dclint', 'target'],
    [
      [
        label,
        `wall median (n=${ours.wall.runs})`,
        ms(ours.wall.medianMs),
        ms(dclint.wall.medianMs),
        ratio(ours.wall.medianMs, dclint.wall.medianMs),
        `≤ ${CLI_TARGET.toFixed(2)}: ${met ? 'met' : 'MISSED'}`,
      ],
      [label, 'wall p95', ms(ours.wall.p95Ms), ms(dclint.wall.p95Ms), ratio(ours.wall.p95Ms, dclint.wall.p95Ms), ''],
      [label, 'files reported', String(ours.filesReported), String(dclint.filesReported), '', ''],
      [label, 'findings', String(ours.findings), String(dclint.findings), '', ''],
    ],
  );
  console.log(`\n${ours.command}\n${dclint.command}`);
  if (folderWalk) {
    console.log(
      `note: given the corpus folder instead, ours finds ${folderWalk.filesFound} of ${corpus.length} files: discovery goes by name ((docker-)compose*.y(a)ml) and the corpus flattens paths into names (<repo>_<path>), so both tools get the files by path.`,
    );
  }
}

runBench(main, DEADLINE_MS);
