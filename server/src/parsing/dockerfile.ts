import type { Arg, Dockerfile, From, Heredoc, Instruction, Onbuild } from 'dockerfile-ast';
import type { Range } from 'vscode-languageserver-types';
import { DockerfileParser } from './dockerfileAstCache';
import { hasVariable, parseImageReference, type ImageReference } from './imageReference';

export interface DockerfileStage {
  index: number;
  from: From;
  /** The `AS name`, lower-cased as Docker compares it. */
  name?: string;
  /** Instructions of the stage, FROM included. */
  instructions: Instruction[];
  /** The base image with global ARG defaults substituted, unless it is an earlier stage or unresolvable. */
  image?: ImageReference;
  /** The earlier stage this one builds on (`FROM builder`). */
  baseStage?: DockerfileStage;
}

export interface DockerfileModel {
  ast: Dockerfile;
  stages: DockerfileStage[];
  /** ARGs declared before the first FROM, with their defaults. */
  globalArgs: ReadonlyMap<string, string | undefined>;
}

export function parseDockerfile(text: string): DockerfileModel {
  const ast = DockerfileParser.parse(text);
  const globalArgs = new Map<string, string | undefined>();
  for (const arg of ast.getInitialARGs()) {
    for (const { name, value } of argDeclarations(arg)) globalArgs.set(name, value);
  }
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
      stages.at(-1)?.instructions.push(instruction);
    }
  }
  return { ast, stages, globalArgs };
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

export function finalStage(model: DockerfileModel): DockerfileStage | undefined {
  return model.stages.at(-1);
}

/** From the stage's FROM to the end of its last instruction. */
export function stageRange(stage: DockerfileStage): Range {
  return { start: stage.from.getRange().start, end: stage.instructions.at(-1)!.getRange().end };
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

/**
 * The ARGs an instruction declares, with their defaults. `ARG A B` declares two ARGs without defaults for the
 * builder, which dockerfile-ast reads as one property A with the value "B", so such a value is split into
 * declarations too.
 */
export function argDeclarations(instruction: Instruction): { name: string; value?: string }[] {
  return (instruction as Arg).getProperties().flatMap((property) => {
    const name = property.getName();
    const value = property.getValue() ?? undefined;
    if (property.getAssignmentOperator() === null && value) {
      const more = value.split(/\s+/).map((word) => {
        const [extraName = '', ...rest] = word.split('=');
        return rest.length ? { name: extraName, value: rest.join('=') } : { name: extraName };
      });
      return [{ name }, ...more].filter((declaration) => declaration.name !== '');
    }
    return name ? [{ name, value }] : [];
  });
}

/** The names an ARG declares (see argDeclarations). */
export function argNames(instruction: Instruction): string[] {
  return argDeclarations(instruction).map((declaration) => declaration.name);
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
  return (instruction as unknown as { getHeredocs(): Heredoc[] }).getHeredocs();
}
