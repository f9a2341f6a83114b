import type { Dockerfile, From, Heredoc, Instruction, Onbuild } from 'dockerfile-ast';
import type { Range } from 'vscode-languageserver-types';
import { DockerfileParser } from './dockerfileAstCache';
import './dockerfileAstFixes';
import { exposedPortsOf, userOf, type DockerfileUser, type ExposedPort } from './dockerfileImageConfig';
import { declarationsOf, DockerfileVariables } from './dockerfileScope';
import { hasVariable, parseImageReference, type ImageReference } from './imageReference';
import type { ShellRun } from './dockerfileRun';
import type { InstructionProblems } from './dockerfileValidation';
import type { ParsedScript } from './shellScript';
import { VersionMemo, type RecentMemo } from './versionMemo';

export interface DockerfileStage {
  index: number;
  from: From;
  /** The `AS name`, lower-cased as Docker compares it. */
  name?: string;
  /** Instructions of the stage, FROM included. */
  instructions: Instruction[];
  /** From the FROM to the end of the stage's last instruction. */
  range: Range;
  /** The base image with global ARG defaults substituted, unless it is an earlier stage or unresolvable. */
  image?: ImageReference;
  /** The earlier stage this one builds on (`FROM builder`). */
  baseStage?: DockerfileStage;
}

/**
 * A parsed Dockerfile: its stages, and what rules, completions and hovers ask of them (variables in scope, the
 * final USER and EXPOSEd ports), each worked out once per parse when first asked for.
 */
export class DockerfileModel {
  readonly stages: readonly DockerfileStage[];
  /** ARGs declared before the first FROM, with their defaults. */
  readonly globalArgs: ReadonlyMap<string, string | undefined>;
  private scopes?: DockerfileVariables;
  private finalPorts?: readonly ExposedPort[];
  /** Wrapped, as a final stage may set no USER. */
  private user?: { found: DockerfileUser | undefined };
  private shipped?: ReadonlySet<DockerfileStage>;
  /** The shell scripts of RUN, CMD and ENTRYPOINT instructions, parsed (see parseScript), by text. */
  readonly scripts: VersionMemo<ParsedScript>;
  /** Each instruction's problems as dockerfile/syntax's validator settings find them (see validateDockerfile), by text. */
  readonly instructionProblems: VersionMemo<InstructionProblems>;
  /** What each shell-form RUN's text says (its commands, mounts, script), by its text from the start of its first line. */
  readonly shellRuns: VersionMemo<ShellRun>;

  /**
   * `previous`: the model of the document's previous version, whose memos this one takes over; `recent`: what other
   * documents parsed lately.
   */
  constructor(
    readonly ast: Dockerfile,
    previous?: DockerfileModel,
    recent?: RecentParses,
  ) {
    this.scripts = new VersionMemo(previous?.scripts, recent?.scripts);
    this.instructionProblems = new VersionMemo(previous?.instructionProblems);
    this.shellRuns = new VersionMemo(previous?.shellRuns);
    this.globalArgs = new Map(
      ast
        .getInitialARGs()
        .flatMap(declarationsOf)
        .map(({ name, value }) => [name, value]),
    );
    this.stages = stagesOf(ast, this.globalArgs);
  }

  /** The stage `docker build` builds without `--target`: the last one. */
  get finalStage(): DockerfileStage | undefined {
    return this.stages.at(-1);
  }

  /**
   * The stages whose layers are in the image `docker build` makes without `--target`: the final stage and the stages
   * it builds on (`FROM base`). A stage that other stages only `COPY --from` leaves no layer in it.
   */
  get shippedStages(): ReadonlySet<DockerfileStage> {
    if (!this.shipped) {
      const shipped = new Set<DockerfileStage>();
      for (let stage = this.finalStage; stage; stage = stage.baseStage) shipped.add(stage);
      this.shipped = shipped;
    }
    return this.shipped;
  }

  /** The USER the final stage sets (itself or a stage it builds on); undefined when the Dockerfile sets none. */
  get finalUser(): DockerfileUser | undefined {
    const final = this.finalStage;
    this.user ??= { found: final && userOf(final) };
    return this.user.found;
  }

  /** The ports the final stage EXPOSEs (itself or a stage it builds on). */
  get exposedPorts(): readonly ExposedPort[] {
    const final = this.finalStage;
    this.finalPorts ??= final ? exposedPortsOf(final) : [];
    return this.finalPorts;
  }

  /** ARG and ENV scopes: which variables the builder has at any point. */
  get variables(): DockerfileVariables {
    this.scopes ??= new DockerfileVariables(this);
    return this.scopes;
  }

  /** The stage a line belongs to: the last one whose FROM starts on or before it; none above the first FROM. */
  stageAt(line: number): DockerfileStage | undefined {
    let found: DockerfileStage | undefined;
    for (const stage of this.stages) if (stage.from.getRange().start.line <= line) found = stage;
    return found;
  }
}

/** What a workspace's Dockerfiles parsed lately (see Workspace), for documents parsed anew. */
export interface RecentParses {
  scripts: RecentMemo<ParsedScript>;
  /** Trees by text: copies of one Dockerfile (a service per folder, generated projects) are parsed once. */
  trees: RecentMemo<Dockerfile>;
}

export function parseDockerfile(text: string, previous?: DockerfileModel, recent?: RecentParses): DockerfileModel {
  let ast = recent?.trees.get(text);
  if (!ast) {
    ast = DockerfileParser.parse(dockerfileAstText(text));
    recent?.trees.set(text, ast);
  }
  return new DockerfileModel(ast, previous, recent);
}

/**
 * The text dockerfile-ast is given: a carriage return not followed by a line feed becomes one. The editor (LSP)
 * counts a lone CR as a line break, so offsets and positions stay the same; dockerfile-ast half does, and threw on
 * a line continued by a backslash before a lone CR and followed by a comment (`RUN a \␍# c`).
 */
export function dockerfileAstText(text: string): string {
  return text.includes('\r') ? text.replace(/\r(?!\n)/g, '\n') : text;
}

function stagesOf(ast: Dockerfile, globalArgs: ReadonlyMap<string, string | undefined>): DockerfileStage[] {
  const stages: DockerfileStage[] = [];
  /** The first stage of each name, which is the one `FROM <name>` builds on. */
  const stagesByName = new Map<string, DockerfileStage>();
  for (const instruction of ast.getInstructions()) {
    if (instruction.getKeyword() === 'FROM') {
      const from = instruction as From;
      const stage: DockerfileStage = {
        index: stages.length,
        from,
        name: from.getBuildStage()?.toLowerCase() ?? undefined,
        instructions: [instruction],
        range: from.getRange(),
      };
      const written = from.getImage();
      if (written) {
        const resolved = substituteVariables(written, globalArgs);
        stage.baseStage = stagesByName.get(resolved.toLowerCase());
        if (!stage.baseStage && !hasVariable(resolved)) stage.image = parseImageReference(resolved);
      }
      stages.push(stage);
      if (stage.name !== undefined && !stagesByName.has(stage.name)) stagesByName.set(stage.name, stage);
    } else {
      const stage = stages.at(-1);
      if (stage) {
        stage.instructions.push(instruction);
        stage.range = { start: stage.range.start, end: instruction.getRange().end };
      }
    }
  }
  return stages;
}

/**
 * Substitutes `$NAME`, `${NAME}`, `${NAME:-default}` and `${NAME:+alternative}` the way the builder does for FROM.
 * A variable with no value is left in place, so callers can tell the reference is not fully known.
 */
export function substituteVariables(text: string, variables: ReadonlyMap<string, string | undefined>): string {
  return text.replace(
    /\$(?:\{([A-Za-z_][A-Za-z0-9_]*)(?:(:?[-+])([^}]*))?\}|([A-Za-z_][A-Za-z0-9_]*))/g,
    (whole, bracedName: string | undefined, operator: string | undefined, operand: string | undefined, bareName: string | undefined) => {
      const name = bracedName ?? bareName ?? '';
      const value = variables.get(name);
      const isSet = value !== undefined && (operator?.startsWith(':') ? value !== '' : true);
      if (operator?.endsWith('-')) return isSet ? value : (operand ?? '');
      if (operator?.endsWith('+')) return isSet ? (operand ?? '') : '';
      return value ?? whole;
    },
  );
}

/** Whether substituteVariables evaluates the text fully: plain `$A`, `${A}`, `${A:-x}`, `${A-x}`, `${A:+x}`, `${A+x}`, no quotes. */
export function canSubstitute(text: string): boolean {
  if (/["']/.test(text)) return false;
  return [...text.matchAll(/\$\{[A-Za-z_][A-Za-z0-9_]*(:?.)?/g)].every((match) => ['}', '-', '+', ':-', ':+'].includes(match[1] ?? ''));
}

/** The instruction whose lines (continuations and heredocs included) cover the 0-based line. */
export function instructionAtLine(model: DockerfileModel, line: number): Instruction | undefined {
  const instruction = instructionEndingAtOrAfter(model, line);
  return instruction && instruction.getRange().start.line <= line ? instruction : undefined;
}

/** The first instruction that ends on or after the line: instructions come in order, so a binary search finds it. */
export function instructionEndingAtOrAfter(model: DockerfileModel, line: number): Instruction | undefined {
  const instructions = model.ast.getInstructions();
  let [low, high] = [0, instructions.length];
  while (low < high) {
    const middle = (low + high) >> 1;
    if (instructions[middle]!.getRange().end.line >= line) high = middle;
    else low = middle + 1;
  }
  return instructions[low];
}

/** The instructions whose `<<NAME` words open here-documents for the builder; ONBUILD ones included. */
const HEREDOC_KEYWORDS = new Set(['RUN', 'COPY', 'ADD']);

/**
 * The here-documents of an instruction, as the builder reads them. dockerfile-ast finds `<<NAME` in every
 * instruction but declares the accessor public only on RUN and COPY; the builder takes them in RUN, COPY and ADD
 * (behind ONBUILD too), and in no other instruction.
 */
export function heredocsOf(instruction: Instruction): Heredoc[] {
  const keyword = instruction.getKeyword();
  const effective = keyword === 'ONBUILD' ? (instruction as Onbuild).getTriggerInstruction()?.getKeyword() : keyword;
  if (!effective || !HEREDOC_KEYWORDS.has(effective)) return [];
  try {
    return (instruction as unknown as { getHeredocs(): Heredoc[] }).getHeredocs();
  } catch {
    // dockerfile-ast 0.7.1 throws on a continuation line that starts with an escaped blank (`RUN \` then `\ x`): such
    // an instruction has no here-document it could find.
    return [];
  }
}
