import { Cmd, Entrypoint, From, Healthcheck, type Dockerfile, type Instruction } from 'dockerfile-ast';
import type { ValidatorSettings } from 'dockerfile-utils';
import { Validator } from 'dockerfile-utils/lib/dockerValidator';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Diagnostic, Position, Range } from 'vscode-languageserver-types';
import type { VersionMemo } from './versionMemo';

/** A diagnostic of dockerfile-utils' validator, with the line of the instruction it is about (null for a parser directive). */
export interface BuilderProblem extends Diagnostic {
  instructionLine: number | null;
}

/** An instruction's own problems and the line it started on when they were worked out. */
export interface InstructionProblems {
  line: number;
  problems: readonly BuilderProblem[];
}

/**
 * The validator's methods that its `validate(document)` calls, which this module calls in the same order on a tree
 * already parsed. They are private in its type declarations; `test/parsing/dockerfileValidation.test.ts` compares the
 * result with `validate()`'s on real and broken files, so a release that changes them fails there (both libraries are
 * pinned to exact versions in package.json).
 */
interface ValidatorSteps {
  document: TextDocument;
  settings: ValidatorSettings;
  checkDirectives(dockerfile: Dockerfile, problems: BuilderProblem[]): void;
  createDuplicatesDiagnostics(
    problems: BuilderProblem[],
    severity: ValidatorSettings[keyof ValidatorSettings],
    keyword: string,
    instructions: Instruction[],
  ): void;
  createDuplicateBuildStageNameDiagnostics(problems: BuilderProblem[], froms: From[]): void;
  validateInstruction(
    document: TextDocument,
    escapeChar: string,
    instruction: Instruction,
    keyword: string,
    isTrigger: boolean,
    problems: BuilderProblem[],
  ): void;
  checkVariables(instruction: Instruction, problems: BuilderProblem[]): void;
}

const createNoSourceImage = (Validator as unknown as { createNoSourceImage(start: Position, end: Position): BuilderProblem }).createNoSourceImage;

/**
 * Instructions whose checks resolve variables that other instructions define (an undefined `$VAR` in FROM, the
 * expanded value of STOPSIGNAL and EXPOSE): their problems depend on more than their own text and are never reused.
 */
const CONTEXTUAL_KEYWORDS = new Set(['FROM', 'STOPSIGNAL', 'EXPOSE']);

/**
 * What dockerfile-utils' `validate(text, settings)` reports, worked out on the tree the model already parsed instead of
 * parsing the text again. With the memo of the document's previous version (`DockerfileModel.instructionProblems`,
 * which must always be used with the same settings), an instruction whose text is unchanged keeps its problems, moved
 * to the line it now starts on: an edit validates the instruction it changed, plus the file-wide checks.
 */
export function validateDockerfile(
  document: TextDocument,
  dockerfile: Dockerfile,
  settings: ValidatorSettings,
  memo?: VersionMemo<InstructionProblems>,
): BuilderProblem[] {
  const validator = new Validator(settings) as unknown as ValidatorSteps;
  validator.document = document;
  const problems: BuilderProblem[] = [];
  validator.checkDirectives(dockerfile, problems);
  const instructions = dockerfile.getInstructions();
  if (instructions.length === 0 || dockerfile.getARGs().length === instructions.length)
    problems.push(createNoSourceImage(document.positionAt(0), document.positionAt(0)));
  duplicateInstructions(validator, instructions, problems);
  validator.createDuplicateBuildStageNameDiagnostics(problems, dockerfile.getFROMs());
  const escapeChar = dockerfile.getEscapeCharacter();
  let hasFrom = false;
  for (const instruction of instructions) {
    const keyword = instruction.getKeyword();
    if (keyword === 'FROM') hasFrom = true;
    else if (!hasFrom && keyword !== 'ARG') {
      const range = instruction.getInstructionRange();
      problems.push(createNoSourceImage(range.start, range.end));
      hasFrom = true;
    }
    const own = (): BuilderProblem[] => {
      const found: BuilderProblem[] = [];
      try {
        validator.validateInstruction(document, escapeChar, instruction, keyword, false, found);
        validator.checkVariables(instruction, found);
      } catch {
        // dockerfile-ast 0.7.1 throws listing the here-documents of a continuation line that starts with an escaped
        // blank (`RUN \` then `\ x`); the other instructions are still checked.
      }
      return found;
    };
    if (!memo || CONTEXTUAL_KEYWORDS.has(keyword)) problems.push(...own());
    else problems.push(...ownProblems(document, instruction, escapeChar, memo, own));
  }
  for (const trigger of dockerfile.getOnbuildTriggers()) validator.validateInstruction(document, escapeChar, trigger, trigger.getKeyword(), true, problems);
  return withoutIgnored(dockerfile, problems);
}

/** Every CMD, ENTRYPOINT and HEALTHCHECK of a stage but its last, which alone takes effect. */
function duplicateInstructions(validator: ValidatorSteps, instructions: readonly Instruction[], problems: BuilderProblem[]): void {
  const { instructionCmdMultiple, instructionEntrypointMultiple, instructionHealthcheckMultiple } = validator.settings;
  let [cmds, entrypoints, healthchecks]: Instruction[][] = [[], [], []];
  const report = (): void => {
    validator.createDuplicatesDiagnostics(problems, instructionCmdMultiple, 'CMD', cmds);
    validator.createDuplicatesDiagnostics(problems, instructionEntrypointMultiple, 'ENTRYPOINT', entrypoints);
    validator.createDuplicatesDiagnostics(problems, instructionHealthcheckMultiple, 'HEALTHCHECK', healthchecks);
  };
  for (const instruction of instructions) {
    if (instruction instanceof Cmd) cmds.push(instruction);
    else if (instruction instanceof Entrypoint) entrypoints.push(instruction);
    else if (instruction instanceof Healthcheck) healthchecks.push(instruction);
    else if (instruction instanceof From) {
      report();
      [cmds, entrypoints, healthchecks] = [[], [], []];
    }
  }
  report();
}

/**
 * The instruction's problems from the memo, keyed by its text from the start of its first line (so that columns
 * are the same wherever it moves) and the escape character, moved to the line it starts on now.
 */
function ownProblems(
  document: TextDocument,
  instruction: Instruction,
  escapeChar: string,
  memo: VersionMemo<InstructionProblems>,
  compute: () => BuilderProblem[],
): readonly BuilderProblem[] {
  const range = instruction.getRange();
  const line = range.start.line;
  const text = document.getText().slice(document.offsetAt({ line, character: 0 }), document.offsetAt(range.end));
  const known = memo.get(`${escapeChar}${text}`, () => ({ line, problems: compute() }));
  const shift = line - known.line;
  return shift === 0 ? known.problems : known.problems.map((problem) => moved(problem, shift));
}

function moved(problem: BuilderProblem, lines: number): BuilderProblem {
  const at = (position: Position): Position => ({ line: position.line + lines, character: position.character });
  const range: Range = { start: at(problem.range.start), end: at(problem.range.end) };
  return { ...problem, range, instructionLine: problem.instructionLine === null ? null : problem.instructionLine + lines };
}

/** A `# dockerfile-utils: ignore` comment silences the problems of the instruction on the next line. */
function withoutIgnored(dockerfile: Dockerfile, problems: BuilderProblem[]): BuilderProblem[] {
  const ignoredLines = new Set<number>();
  for (const comment of dockerfile.getComments()) if (comment.getContent() === 'dockerfile-utils: ignore') ignoredLines.add(comment.getRange().start.line + 1);
  return ignoredLines.size === 0 ? problems : problems.filter((problem) => problem.instructionLine === null || !ignoredLines.has(problem.instructionLine));
}
