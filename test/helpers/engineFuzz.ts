// Mutation fuzzing of the engine in process: seed files of every kind, broken in the ways files are broken while
// being typed (test/helpers/mutations.ts), opened one after another in a workspace that holds a small project
// around them (so cross-file rules run, and each parse re-uses the previous one as the editor's would), and linted
// through the Linter the CLI and the server use. What must hold for every input is in `violations`.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Range, TextEdit } from 'vscode-languageserver-types';
import { applyEdits, collectSafeFixes } from '../../server/src/engine/fixes';
import { fixUntilStable, MAX_FIX_PASSES } from '../../server/src/engine/fixpoint';
import { INTERNAL_ERROR_PREFIX, type Finding } from '../../server/src/engine/lint';
import { Linter } from '../../server/src/engine/linter';
import { rules } from '../../server/src/rules';
import { Workspace } from '../../server/src/workspace/workspace';
import { repoRoot } from './cli';
import { CORPUS_KINDS, corpus, corpusFiles } from './corpus';
import { mutate, type Random } from './mutations';
import { seededRandom } from './random';

/** Where each kind of file sits in the fuzzed project, and how the editor opens it. */
const PLACES = {
  dockerfile: { path: 'Dockerfile', languageId: 'dockerfile' },
  compose: { path: 'compose.yaml', languageId: 'dockercompose' },
  kubernetes: { path: 'k8s/deployment.yaml', languageId: 'yaml' },
  ecs: { path: 'task-definition.json', languageId: 'json' },
  render: { path: 'render.yaml', languageId: 'yaml' },
  railway: { path: 'railway.json', languageId: 'json' },
} as const;

export type FuzzKind = keyof typeof PLACES;

const ROOT = 'file:///fuzz/';
export const uriOf = (kind: FuzzKind) => ROOT + PLACES[kind].path;

const DOCKERFILE_FRAGMENTS = [
  'FROM ',
  'RUN ',
  'COPY --from=',
  ' AS ',
  'ARG A=',
  'ONBUILD ',
  'USER ',
  ':latest',
  '@sha256:',
  '--mount=type=cache,target=/x ',
  '&&',
  '|',
  '$',
  '#',
];
const YAML_FRAGMENTS = [
  ': ',
  '- ',
  '&a ',
  '*a',
  '<<: *a',
  '!!str ',
  '!!binary ',
  '---\n',
  '...\n',
  '? ',
  '%YAML 1.1\n',
  'image: ',
  'services:\n',
  'kind: Deployment\n',
  '#',
];
const JSON_FRAGMENTS = ['{', '}', '[', ']', ',', ':', '"image"', '"containerDefinitions": [', 'null', '1e999', '"\\u', '//'];
const FRAGMENTS: Record<FuzzKind, readonly string[]> = {
  dockerfile: DOCKERFILE_FRAGMENTS,
  compose: YAML_FRAGMENTS,
  kubernetes: YAML_FRAGMENTS,
  render: YAML_FRAGMENTS,
  ecs: JSON_FRAGMENTS,
  railway: JSON_FRAGMENTS,
};

/** The project around the fuzzed file: the clean example (whose files build and run one image), plus what rules read. */
function projectFiles(): Map<string, string> {
  const example = (path: string) => readFileSync(join(repoRoot, 'examples/clean', path), 'utf8');
  return new Map([
    [uriOf('dockerfile'), example('Dockerfile')],
    [uriOf('compose'), example('compose.yaml')],
    [uriOf('kubernetes'), example('k8s/deployment.yaml')],
    [`${ROOT}.dockerignore`, example('.dockerignore')],
    [`${ROOT}.env`, 'DATABASE_URL=postgres://db/app\n'],
    [`${ROOT}package.json`, '{"name":"app","scripts":{"start":"node server.js"}}\n'],
    [`${ROOT}k8s/kustomization.yaml`, 'resources:\n  - deployment.yaml\nimages:\n  - name: app\n    newTag: 1.0.0\n'],
    [`${ROOT}skaffold.yaml`, 'apiVersion: skaffold/v4beta11\nkind: Config\nbuild:\n  artifacts:\n    - image: app\n'],
  ]);
}

export interface Seed {
  kind: FuzzKind;
  /** Where it comes from, for failure reports. */
  origin: string;
  text: string;
}

const CORPUS_FOLDER_KIND: Record<string, FuzzKind> = { dockerfile: 'dockerfile', compose: 'compose', k8s: 'kubernetes' };

/**
 * The corpus (when it is there), the examples, the Helm fixtures (templates read as plain manifests: `{{ }}` everywhere)
 * and every rule's failing and passing example, of all six kinds.
 */
export function fuzzSeeds(): { seeds: Seed[]; corpusPresent: boolean } {
  const seeds: Seed[] = [];
  const corpusPresent = existsSync(corpus);
  if (corpusPresent) {
    for (const { folder } of CORPUS_KINDS) {
      for (const { path, text } of corpusFiles(join(corpus, folder))) seeds.push({ kind: CORPUS_FOLDER_KIND[folder]!, origin: `corpus/${path}`, text });
    }
  }
  for (const [path, kind] of [
    ['examples/seed/Dockerfile', 'dockerfile'],
    ['examples/seed/docker-compose.yml', 'compose'],
    ['examples/seed/k8s/deployment.yaml', 'kubernetes'],
    ['examples/clean/Dockerfile', 'dockerfile'],
    ['examples/clean/compose.yaml', 'compose'],
    ['examples/clean/k8s/deployment.yaml', 'kubernetes'],
    ['test/fixtures/helm/podinfo/templates/deployment.yaml', 'kubernetes'],
    ['test/fixtures/helm/podinfo/templates/hpa.yaml', 'kubernetes'],
    ['test/fixtures/helm/webapp/charts/redis/templates/statefulset.yaml', 'kubernetes'],
  ] as const) {
    seeds.push({ kind, origin: path, text: readFileSync(join(repoRoot, path), 'utf8') });
  }
  for (const rule of rules) {
    const explanation = rule.meta.explanation;
    if (!explanation) continue;
    seeds.push({ kind: rule.kind, origin: `${rule.id} (bad example)`, text: explanation.bad });
    seeds.push({ kind: rule.kind, origin: `${rule.id} (good example)`, text: explanation.good });
  }
  return { seeds, corpusPresent };
}

/** The lines of a text as the LSP counts them (\r\n, \r and \n end a line), without their line breaks. */
export function lineLengths(text: string): number[] {
  return text.split(/\r\n|\r|\n/).map((line) => line.length);
}

function rangeProblem(range: Range, lengths: readonly number[]): string | undefined {
  const inside = ({ line, character }: Range['start']) =>
    Number.isInteger(line) && Number.isInteger(character) && line >= 0 && character >= 0 && line < lengths.length && character <= lengths[line]!;
  if (!inside(range.start) || !inside(range.end)) return `range ${show(range)} outside the document (${lengths.length} lines)`;
  if (range.start.line > range.end.line || (range.start.line === range.end.line && range.start.character > range.end.character))
    return `range ${show(range)} ends before it starts`;
  return undefined;
}

const show = (range: Range) => `${range.start.line}:${range.start.character}-${range.end.line}:${range.end.character}`;
const before = (a: Range['start'], b: Range['start']) => a.line < b.line || (a.line === b.line && a.character < b.character);

/** Edits overlap when one starts strictly inside another (touching, and insertions at one point, are allowed by LSP). */
function overlapping(edits: readonly TextEdit[]): [TextEdit, TextEdit] | undefined {
  const sorted = [...edits].sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character);
  for (let index = 1; index < sorted.length; index++) {
    const previous = sorted[index - 1]!;
    if (before(sorted[index]!.range.start, previous.range.end)) return [previous, sorted[index]!];
  }
  return undefined;
}

function editProblems(edits: readonly TextEdit[], text: string): string[] {
  const lengths = lineLengths(text);
  const problems = edits.flatMap((edit) => {
    const problem = rangeProblem(edit.range, lengths);
    return problem ? [`edit ${problem}`] : [];
  });
  const clash = overlapping(edits);
  if (clash) problems.push(`edits ${show(clash[0].range)} and ${show(clash[1].range)} overlap`);
  return problems;
}

/** What is wrong with a lint's findings on `text`: rules that failed, ranges outside it, fixes that would corrupt it. */
export function violations(findings: readonly Finding[], text: string, readText: (uri: string) => string | undefined): string[] {
  const lengths = lineLengths(text);
  const problems: string[] = [];
  for (const finding of findings) {
    const at = `${finding.ruleId} at ${show(finding.range)}`;
    if (finding.message.startsWith(INTERNAL_ERROR_PREFIX)) problems.push(`${at}: ${finding.message}`);
    const range = rangeProblem(finding.range, lengths);
    if (range) problems.push(`${at}: ${range}`);
    let fixes: Finding['fixes'];
    try {
      fixes = finding.fixes;
    } catch (error) {
      problems.push(`${at}: building its fixes threw ${(error as Error).stack ?? error}`);
      continue;
    }
    for (const fix of fixes) {
      for (const problem of editProblems(fix.edits, text)) problems.push(`${at} fix "${fix.title}": ${problem}`);
      for (const other of fix.editFiles ?? []) {
        const otherText = readText(other.uri);
        if (otherText === undefined) problems.push(`${at} fix "${fix.title}" edits ${other.uri}, which is not there`);
        else for (const problem of editProblems(other.edits, otherText)) problems.push(`${at} fix "${fix.title}" in ${other.uri}: ${problem}`);
      }
    }
  }
  return problems;
}

export interface FuzzFailure {
  /** Reproduces the input: `npm run fuzz -- --seed <seed> --case <case>`. */
  label: string;
  problems: string[];
  text: string;
}

export interface FuzzStats {
  inputs: number;
  fixAllRuns: number;
  byKind: Map<FuzzKind, number>;
  slowest: { label: string; cpuMs: number; wallMs: number };
  failures: FuzzFailure[];
}

export interface FuzzOptions {
  /** Inputs to lint (each case opens one seed and lints `STEPS_PER_CASE` mutants of it in turn). */
  inputs: number;
  seed?: number;
  /** Only this case (a failure's label names it). */
  onlyCase?: number;
  /** CPU time an input may take. */
  limitMs?: number;
  /** Fix-all runs on one input in this many (default FIX_ALL_EVERY). */
  fixAllEvery?: number;
  /**
   * The files around the fuzzed one are linted, and the lint compared with a first lint of the same text, on one input
   * in this many (default 1: all). The deterministic subset in npm test spends its time on more inputs instead.
   */
  crossChecksEvery?: number;
  /** Called after each case, for progress. */
  onCase?: (stats: FuzzStats) => void;
}

const STEPS_PER_CASE = 8;
/** On every this many inputs (by case and step, so that a case replays alone), fix-all runs to its fixpoint on the input too (as `--fix` and fix-all on save would). */
const FIX_ALL_EVERY = 5;

const cpuMs = () => {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
};

/** Lints `inputs` mutants, case by case, and returns what went wrong. Deterministic for a given seed. */
export function fuzzEngine(seeds: readonly Seed[], options: FuzzOptions): FuzzStats {
  const runSeed = options.seed ?? 1;
  const limitMs = options.limitMs ?? 1_000;
  const stats: FuzzStats = { inputs: 0, fixAllRuns: 0, byKind: new Map(), slowest: { label: '', cpuMs: 0, wallMs: 0 }, failures: [] };
  const project = projectFiles();
  const seedsByKind = new Map<FuzzKind, Seed[]>();
  for (const seed of seeds) seedsByKind.set(seed.kind, [...(seedsByKind.get(seed.kind) ?? []), seed]);
  for (let caseIndex = 0; stats.inputs < options.inputs; caseIndex++) {
    if (options.onlyCase !== undefined && caseIndex !== options.onlyCase) {
      if (caseIndex > options.onlyCase) break;
      continue;
    }
    const random = seededRandom(runSeed * 1_000_003 + caseIndex);
    const seed = pickSeed(seedsByKind, random);
    runCase(
      seed,
      random,
      project,
      {
        label: `seed ${runSeed} case ${caseIndex} (${seed.origin})`,
        caseIndex,
        fixAllEvery: options.fixAllEvery ?? FIX_ALL_EVERY,
        crossChecksEvery: options.crossChecksEvery ?? 1,
      },
      stats,
      limitMs,
      Math.min(STEPS_PER_CASE, options.inputs - stats.inputs),
    );
    options.onCase?.(stats);
  }
  return stats;
}

/** The three main kinds a third of the time each, whatever their share of the seeds; ECS, Render and Railway in between. */
const KIND_WEIGHTS: readonly [FuzzKind, number][] = [
  ['dockerfile', 0.3],
  ['compose', 0.3],
  ['kubernetes', 0.3],
  ['ecs', 0.04],
  ['render', 0.03],
  ['railway', 0.03],
];

function pickSeed(seedsByKind: ReadonlyMap<FuzzKind, readonly Seed[]>, random: Random): Seed {
  let roll = random();
  let kind = KIND_WEIGHTS[0]![0];
  for (const [candidate, weight] of KIND_WEIGHTS) {
    kind = candidate;
    roll -= weight;
    if (roll < 0) break;
  }
  const seeds = seedsByKind.get(kind)!;
  return seeds[Math.floor(random() * seeds.length)]!;
}

function runCase(
  seed: Seed,
  random: Random,
  project: ReadonlyMap<string, string>,
  { label, caseIndex, fixAllEvery, crossChecksEvery }: { label: string; caseIndex: number; fixAllEvery: number; crossChecksEvery: number },
  stats: FuzzStats,
  limitMs: number,
  steps: number,
): void {
  const texts = new Map(project);
  const workspace = new Workspace({ readFile: (uri) => texts.get(uri) });
  for (const uri of texts.keys()) workspace.index(uri);
  const linter = new Linter(workspace, rules);
  const uri = uriOf(seed.kind);
  const { languageId } = PLACES[seed.kind];
  for (let step = 0; step < steps; step++) {
    const { text, applied } = mutate(seed.text, random, FRAGMENTS[seed.kind]);
    const where = `${label} step ${step} [${applied.join(', ')}]`;
    stats.inputs++;
    stats.byKind.set(seed.kind, (stats.byKind.get(seed.kind) ?? 0) + 1);
    const problems: string[] = [];
    const cpuBefore = cpuMs();
    const wallBefore = performance.now();
    try {
      workspace.open(uri, text, languageId);
      const result = linter.lint(uri);
      // The files around it read the mutant too (the compose build of the Dockerfile, the image a manifest runs).
      const crossChecks = (caseIndex + step) % crossChecksEvery === 0;
      const neighbours = crossChecks
        ? (['dockerfile', 'compose', 'kubernetes'] as const).filter((kind) => kind !== seed.kind).map((kind) => linter.lint(uriOf(kind)))
        : [];
      const spentCpu = cpuMs() - cpuBefore;
      const spentWall = performance.now() - wallBefore;
      if (spentCpu > stats.slowest.cpuMs) stats.slowest = { label: where, cpuMs: spentCpu, wallMs: spentWall };
      if (spentCpu > limitMs) problems.push(`took ${Math.round(spentCpu)} ms of CPU (limit ${limitMs} ms)`);
      if (!result) problems.push('the linter could not read the open file');
      else {
        problems.push(...violations(result.findings, text, (other) => workspace.readText(other)));
        if (crossChecks) problems.push(...differencesFromFresh(result.findings, text, seed.kind, project));
      }
      for (const neighbour of neighbours) {
        if (neighbour)
          problems.push(
            ...violations(neighbour.findings, workspace.readText(neighbour.file.uri)!, (other) => workspace.readText(other)).map(
              (p) => `in ${neighbour.file.uri}: ${p}`,
            ),
          );
      }
      if ((caseIndex + step) % fixAllEvery === 0) {
        stats.fixAllRuns++;
        problems.push(...fixAllProblems(linter, uri, texts));
        workspace.open(uri, text, languageId);
      }
    } catch (error) {
      problems.push(`threw ${(error as Error).stack ?? error}`);
    }
    if (problems.length > 0) stats.failures.push({ label: where, problems, text });
  }
}

const findingLine = (finding: Finding) => `${finding.ruleId} ${show(finding.range)} ${finding.message}`;

/**
 * What the lint of an edited file, which re-uses what it can of the previous version's parse and findings, gives
 * that a first lint of the same text does not, or the other way round.
 */
function differencesFromFresh(findings: readonly Finding[], text: string, kind: FuzzKind, project: ReadonlyMap<string, string>): string[] {
  const workspace = new Workspace({ readFile: (uri) => project.get(uri) });
  for (const uri of project.keys()) workspace.index(uri);
  workspace.open(uriOf(kind), text, PLACES[kind].languageId);
  const fresh = new Linter(workspace, rules).lint(uriOf(kind))?.findings.map(findingLine) ?? [];
  const kept = findings.map(findingLine);
  return [
    ...kept.filter((line) => !fresh.includes(line)).map((line) => `after the previous version, not on its own: ${line}`),
    ...fresh.filter((line) => !kept.includes(line)).map((line) => `on its own, not after the previous version: ${line}`),
  ];
}

/** Fix-all to its fixpoint, in the editor's buffer: every pass's edits valid, and a last lint that offers nothing more. */
function fixAllProblems(linter: Linter, uri: string, texts: Map<string, string>): string[] {
  const problems: string[] = [];
  const workspace = linter.workspace;
  const saved = new Map(texts);
  fixUntilStable(
    linter,
    uri,
    undefined,
    (target, text) => {
      if (target === uri) workspace.open(uri, text);
      else {
        texts.set(target, text);
        workspace.changedOnDisk(target);
      }
    },
    (pass) => {
      if (pass.before !== undefined)
        for (const problem of editProblems(
          pass.edits.map(({ edit }) => edit),
          pass.before,
        ))
          problems.push(`fix-all in ${pass.uri}: ${problem}`);
    },
  );
  const last = linter.lint(uri);
  if (last) {
    const text = workspace.readText(uri)!;
    const { edits } = collectSafeFixes(last.findings);
    if (edits.length > 0 && applyEdits(text, edits) !== text)
      problems.push(
        `fix-all stopped after ${MAX_FIX_PASSES} passes with fixes still to apply: ${collectSafeFixes(last.findings)
          .taken.map(({ ruleId }) => ruleId)
          .join(', ')}`,
      );
  }
  // The created and edited neighbours go back to what they were, for the next input.
  for (const changed of new Set([...texts.keys(), ...saved.keys()])) {
    if (texts.get(changed) === saved.get(changed)) continue;
    if (saved.has(changed)) texts.set(changed, saved.get(changed)!);
    else texts.delete(changed);
    workspace.changedOnDisk(changed);
  }
  return problems;
}
