import type { Instruction, JSONInstruction } from 'dockerfile-ast';
import { type DockerfileStage, parseDockerfile } from '../parsing/dockerfile';

/** The stage the Compose template builds (`build.target`). */
export const DEVELOPMENT_STAGE = 'development';

/** What the production stage runs, repeated in the development stage so `docker compose up` starts the app. */
const RUN_SETTINGS = new Set(['USER', 'EXPOSE', 'ENTRYPOINT', 'CMD']);

/**
 * The user's Dockerfile with a `development` stage for Compose to target, inserted so that `docker build` without
 * `--target` still builds the same final stage; undefined when it has that stage already or has no stage at all.
 */
export function withDevelopmentStage(text: string): string | undefined {
  const model = parseDockerfile(text);
  const final = model.finalStage;
  if (!final || model.stages.some((stage) => stage.name === DEVELOPMENT_STAGE)) return undefined;
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  const lines = text.split(/\r?\n/);
  const base = model.stages.length === 1 ? final : sourceStage(model.stages, final);
  // A FROM with more than the image (a template, a typo) cannot safely be given a name.
  if (!base.name && base.from.getArguments().length !== 1) return undefined;
  const taken = new Set(model.stages.flatMap((stage) => (stage.name ? [stage.name] : [])));
  if (model.stages.length === 1) return appendAfterOnlyStage(lines, final, taken).join(eol);
  const baseName = base.name ?? freeName(taken, 'build');
  if (!base.name) nameStage(lines, base, baseName);
  const stage = [
    `# Compose builds this stage for local development: the sources and tools of "${baseName}", started as the final stage is.`,
    `FROM ${baseName} AS ${DEVELOPMENT_STAGE}`,
    ...final.instructions.filter((instruction) => RUN_SETTINGS.has(instruction.getKeyword())).flatMap((instruction) => instructionLines(lines, instruction)),
    '',
  ];
  lines.splice(commentBlockStart(lines, final.from.getRange().start.line), 0, ...stage);
  return lines.join(eol);
}

/** One stage: it gets a name, the development stage builds on it, and a last `FROM <name>` keeps it the default build. */
function appendAfterOnlyStage(lines: string[], only: DockerfileStage, taken: ReadonlySet<string>): string[] {
  const name = only.name ?? freeName(taken, 'app');
  if (!only.name) nameStage(lines, only, name);
  while (lines.length && lines[lines.length - 1]?.trim() === '') lines.pop();
  return [
    ...lines,
    '',
    '# Compose builds this stage for local development (docker compose up).',
    `FROM ${name} AS ${DEVELOPMENT_STAGE}`,
    '',
    '# The last stage is what `docker build` builds by default: the image above, unchanged.',
    `FROM ${name}`,
    '',
  ];
}

/** The stage holding the sources: the last one the final stage copies from, else the one it builds on, else the first. */
function sourceStage(stages: readonly DockerfileStage[], final: DockerfileStage): DockerfileStage {
  const earlier = stages.slice(0, -1);
  const copiedFrom = final.instructions
    .filter((instruction) => instruction.getKeyword() === 'COPY')
    .flatMap((instruction) => (instruction as JSONInstruction).getFlags().filter((flag) => flag.getName().toLowerCase() === 'from'))
    .map((flag) => (flag.getValue() ?? '').toLowerCase())
    .map((reference) => earlier.find((stage) => stage.name === reference || String(stage.index) === reference))
    .filter((stage): stage is DockerfileStage => stage !== undefined);
  return copiedFrom.at(-1) ?? final.baseStage ?? (earlier[0] as DockerfileStage);
}

function freeName(taken: ReadonlySet<string>, preferred: string): string {
  let name = preferred;
  for (let suffix = 2; taken.has(name); suffix++) name = `${preferred}${suffix}`;
  return name;
}

/** Appends `AS name` to the stage's FROM, after its last argument (a FROM may continue over several lines). */
function nameStage(lines: string[], stage: DockerfileStage, name: string): void {
  const end = stage.from.getRange().end;
  const line = lines[end.line] ?? '';
  lines[end.line] = `${line.slice(0, end.character).trimEnd()} AS ${name}${line.slice(end.character)}`;
}

/** The lines an instruction was written on, as written (continuations included). */
function instructionLines(lines: readonly string[], instruction: Instruction): string[] {
  const { start, end } = instruction.getRange();
  if (start.line === end.line) return [(lines[start.line] ?? '').slice(start.character, end.character)];
  return [(lines[start.line] ?? '').slice(start.character), ...lines.slice(start.line + 1, end.line), (lines[end.line] ?? '').slice(0, end.character)];
}

/** The first line of the comments directly above a line, which describe it and stay with it. */
function commentBlockStart(lines: readonly string[], line: number): number {
  let start = line;
  while (start > 0 && /^\s*#/.test(lines[start - 1] ?? '')) start--;
  return start;
}
