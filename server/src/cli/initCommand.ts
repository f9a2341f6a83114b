import { mkdirSync, statSync } from 'node:fs';
import { basename, dirname, relative, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { DEFAULT_PACKAGE_MANAGERS, defaultEntry, defaultPort } from '../scaffold/defaults';
import { detectProject, kubernetesName } from '../scaffold/detect';
import { pathInside } from '../scaffold/containment';
import { renderScaffold } from '../scaffold/render';
import { BACKING_SERVICES, type BackingService, type ScaffoldOptions, STACKS, type Stack, type StackFacts, TARGETS, type Target } from '../scaffold/types';
import { planWrites } from '../scaffold/writePlan';
import { createFile } from './fileWrites';
import type { CommandResult } from './lintCommand';
import { diskProjectReader, existingText } from './projectReader';
import type { Prompter } from './prompter';
import { UsageError } from './usageError';

/** `--with` values besides the targets: backing services (Compose, Kubernetes and the platforms), an Ingress and the kustomize layout. */
const WITH_VALUES: readonly string[] = [...TARGETS, ...BACKING_SERVICES, 'ingress', 'kustomize'];
const DEFAULT_WITH = ['compose'];
/** Stacks whose template starts a file or package the user may need to name. */
const ASKS_ENTRY: readonly Stack[] = ['node', 'python', 'go', 'dotnet'];

/** `container-standards init`: see the CLI contract. Prompts only through `prompter` (the caller closes it), never with --yes. */
export async function initCommand(args: readonly string[], cwd: string, prompter?: Prompter): Promise<CommandResult> {
  const { values, positionals } = parseArgs({
    args: [...args],
    allowPositionals: true,
    options: {
      stack: { type: 'string' },
      with: { type: 'string' },
      port: { type: 'string' },
      entry: { type: 'string' },
      yes: { type: 'boolean', default: false },
    },
  });
  if (positionals.length > 1) throw new UsageError('init takes at most one folder.');
  const stack = values.stack === undefined ? undefined : parseStack(values.stack, '--stack');
  const withValues = values.with === undefined ? undefined : parseWith(values.with);
  const port = values.port === undefined ? undefined : parsePort(values.port, '--port');
  if (values.entry !== undefined && values.entry.trim() === '') throw new UsageError('--entry takes a file or package name.');
  const folder = resolve(cwd, positionals[0] ?? '.');
  if (!statSync(folder, { throwIfNoEntry: false })?.isDirectory()) throw new UsageError(`${folder} is not a folder.`);

  const ask = values.yes ? undefined : prompter;
  const project = await chooseProject(folder, stack, ask);
  const options = await chooseOptions(project.facts, { withValues, port, entry: values.entry }, ask);
  return writeScaffold(project.folder, project.facts, options, cwd);
}

async function chooseProject(folder: string, stack: Stack | undefined, ask: Prompter | undefined): Promise<{ folder: string; facts: StackFacts }> {
  const detection = detectProject(diskProjectReader(folder), basename(folder));
  if (stack) {
    const facts =
      detection.facts?.stack === stack ? detection.facts : { name: kubernetesName(basename(folder)), stack, packageManager: DEFAULT_PACKAGE_MANAGERS[stack] };
    return { folder, facts };
  }
  if (detection.facts) return { folder, facts: detection.facts };
  const paths = detection.packages.map((found) => found.path);
  if (paths.length) {
    if (!ask) throw new UsageError(`${folder} is a monorepo: run init in one of its packages (${paths.join(', ')}), or pass --stack.`);
    const answer = await ask.ask(`Which package? ${paths.join(', ')}`, paths[0] ?? '');
    const chosen = detection.packages.find((found) => found.path === answer);
    if (!chosen) throw new UsageError(`"${answer}" is none of the packages (${paths.join(', ')}).`);
    // A package folder that is a link out of the folder is refused like any path that leads out.
    return { folder: pathInside(folder, chosen.path), facts: chosen.facts };
  }
  if (!ask) throw new UsageError(`Cannot detect the stack of ${folder}: pass --stack ${STACKS.join('|')}.`);
  const answer = await ask.ask(`Stack (${STACKS.join(', ')})`, 'node');
  const chosen = parseStack(answer, 'The stack');
  return { folder, facts: { name: kubernetesName(basename(folder)), stack: chosen, packageManager: DEFAULT_PACKAGE_MANAGERS[chosen] } };
}

interface Given {
  withValues: string[] | undefined;
  port: number | undefined;
  entry: string | undefined;
}

async function chooseOptions(facts: StackFacts, given: Given, ask: Prompter | undefined): Promise<ScaffoldOptions> {
  const withValues = given.withValues ?? (ask ? parseWith(await ask.ask(`Also add (${WITH_VALUES.join(', ')})`, DEFAULT_WITH.join(','))) : DEFAULT_WITH);
  const port =
    given.port ?? facts.port ?? (ask ? parsePort(await ask.ask('Port the app listens on', String(defaultPort(facts))), 'The port') : defaultPort(facts));
  const entry =
    given.entry ??
    facts.entry ??
    (ask && ASKS_ENTRY.includes(facts.stack) ? await ask.ask(entryQuestion(facts.stack), defaultEntry(facts)) : defaultEntry(facts));
  return {
    targets: TARGETS.filter((target: Target) => withValues.includes(target)),
    services: BACKING_SERVICES.filter((service: BackingService) => withValues.includes(service)),
    ingress: withValues.includes('ingress'),
    kustomize: withValues.includes('kustomize'),
    port,
    entry,
  };
}

function entryQuestion(stack: Stack): string {
  if (stack === 'go') return 'Package to build';
  if (stack === 'dotnet') return 'Assembly to run';
  return 'File the container starts';
}

function writeScaffold(folder: string, facts: StackFacts, options: ScaffoldOptions, cwd: string): CommandResult {
  const existing = (path: string) => existingText(folder, path);
  const plan = planWrites(
    renderScaffold(facts, options, (path) => existing(path) ?? undefined),
    existing,
  );
  // Every path is checked before anything is written: one that leads out of the folder (a link) refuses the whole run.
  const targets = plan.create.map((file) => ({ file, path: pathInside(folder, file.path) }));
  const created: string[] = [];
  for (const { file, path } of targets) {
    mkdirSync(dirname(path), { recursive: true });
    // Atomic, and never over a file that appeared since the plan was made: that one is kept like any other.
    if (createFile(path, file.text, file.path)) created.push(file.path);
    else plan.kept.push(file.path);
  }
  const where = relative(cwd, folder) || '.';
  const lines = [
    `${facts.stack} (${facts.packageManager}) in ${where}, port ${options.port}`,
    ...created.map((path) => `  created    ${path}`),
    ...plan.unchanged.map((path) => `  unchanged  ${path}`),
    ...plan.kept.map(
      (path) =>
        `  kept       ${path} (${path === '.gitignore' ? 'add a .env line: the secrets of .env.example go in .env' : 'it exists with different content; not overwritten'})`,
    ),
  ];
  if (plan.kept.length)
    lines.push(`${plan.kept.length} existing file(s) kept: compare them with what init would write, or move them aside and run init again.`);
  return { exitCode: plan.kept.length ? 1 : 0, stdout: `${lines.join('\n')}\n` };
}

function parseStack(value: string, what: string): Stack {
  const stack = STACKS.find((candidate) => candidate === value.trim().toLowerCase());
  if (!stack) throw new UsageError(`${what} must be one of ${STACKS.join(', ')}, not "${value}".`);
  return stack;
}

function parseWith(value: string): string[] {
  const items = value
    .split(',')
    .map((item) => item.trim().toLowerCase())
    .filter(Boolean);
  for (const item of items) {
    if (!WITH_VALUES.includes(item)) throw new UsageError(`--with takes ${WITH_VALUES.join(', ')}; "${item}" is none of them.`);
  }
  return items;
}

function parsePort(value: string, what: string): number {
  const port = /^\d+$/.test(value.trim()) ? Number(value.trim()) : Number.NaN;
  if (!(port >= 1 && port <= 65535)) throw new UsageError(`${what} must be a whole number from 1 to 65535, not "${value}".`);
  return port;
}
