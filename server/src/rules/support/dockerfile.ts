import type { Instruction, Property } from 'dockerfile-ast';
import type { TextEdit } from 'vscode-languageserver-types';
import type { DockerfileFile } from '../../parsing/containerFile';
import { heredocsOf, type DockerfileStage } from '../../parsing/dockerfile';
import { runInstructions, type RunInstruction } from '../../parsing/dockerfileRun';
import { indentationOf, lineStart } from '../../parsing/lineStart';

/** Shared queries and edits for Dockerfile rules. */

/** The stage's instructions of these keywords, in file order. */
export function instructionsNamed(stage: DockerfileStage, ...keywords: string[]): Instruction[] {
  const index = keywordIndex(stage);
  if (keywords.length === 1) return [...(index.get(keywords[0]!) ?? [])];
  return keywords.flatMap((keyword) => index.get(keyword) ?? []).sort((a, b) => a.getRange().start.line - b.getRange().start.line);
}

const keywordIndexes = new WeakMap<DockerfileStage, Map<string, Instruction[]>>();

/** Rules ask each stage for its RUNs, ENVs or USERs again and again: sorting them out once keeps that linear. */
function keywordIndex(stage: DockerfileStage): Map<string, Instruction[]> {
  let index = keywordIndexes.get(stage);
  if (!index) {
    index = new Map();
    for (const instruction of stage.instructions) {
      const keyword = instruction.getKeyword();
      const named = index.get(keyword);
      if (named) named.push(instruction);
      else index.set(keyword, [instruction]);
    }
    keywordIndexes.set(stage, index);
  }
  return index;
}

/**
 * The stage and the stages it builds on (`FROM builder`), nearest first. A stage only ever builds on an earlier one
 * (parseDockerfile resolves the name before adding the stage), so the chain cannot loop.
 */
export function stageChain(stage: DockerfileStage): DockerfileStage[] {
  const chain: DockerfileStage[] = [];
  for (let current: DockerfileStage | undefined = stage; current; current = current.baseStage) chain.push(current);
  return chain;
}

/** The stage at the end of the chain, whose FROM names the image the stage is built on. */
export function rootStage(stage: DockerfileStage): DockerfileStage {
  return stageChain(stage).at(-1)!;
}

/**
 * Whether the stage only gathers files, for `docker build --output` or another stage's `COPY --from`: built on
 * scratch with no CMD or ENTRYPOINT, it has no program to start, so no container ever runs from it.
 */
export function isFilesOnlyStage(stage: DockerfileStage): boolean {
  return builtOnScratch(stage) && stageChain(stage).every((current) => instructionsNamed(current, 'CMD', 'ENTRYPOINT').length === 0);
}

/** Whether the stage's chain starts `FROM scratch`: an empty filesystem whose working directory is `/`. */
export function builtOnScratch(stage: DockerfileStage): boolean {
  const base = rootStage(stage).image;
  return base?.repository === 'scratch' && !base.registry;
}

/** The RUN instructions (ONBUILD triggers included) of one stage. */
export function runsOfStage(file: DockerfileFile, stage: DockerfileStage): readonly RunInstruction[] {
  let byStage = runsByStage.get(file);
  if (!byStage) {
    byStage = new Map();
    for (const run of runInstructions(file)) {
      const runs = byStage.get(run.stage);
      if (runs) runs.push(run);
      else byStage.set(run.stage, [run]);
    }
    runsByStage.set(file, byStage);
  }
  return byStage.get(stage) ?? [];
}

/** Rules ask for each stage's RUNs, stage after stage: they are sorted out once per parse. */
const runsByStage = new WeakMap<DockerfileFile, Map<DockerfileStage, RunInstruction[]>>();

/**
 * The value ENV gives a name where a RUN runs: inherited ENVs and the stage's own ENVs above it. ONBUILD triggers
 * run in a later build, after the whole stage, so they see all of them.
 */
export function envValueAt(file: DockerfileFile, run: RunInstruction, name: string): string | undefined {
  return file.dockerfile.variables.of(run.stage).envValue(name, run.onbuild ? undefined : run.instruction.getRange().start);
}

export function isRootUser(user: string): boolean {
  return /^(root|0)(:.*)?$/.test(user);
}

/** Leading white space of the instruction's first line, to indent inserted instructions alike. */
function instructionIndentation(file: DockerfileFile, instruction: Instruction): string {
  const line = instruction.getRange().start.line;
  return indentationOf(file.document.getText({ start: { line, character: 0 }, end: { line: line + 1, character: 0 } }));
}

/** Inserts whole lines above an instruction. */
export function insertLinesBefore(file: DockerfileFile, instruction: Instruction, lines: readonly string[]): TextEdit {
  const indentation = instructionIndentation(file, instruction);
  const position = lineStart(file.document, instruction.getRange().start.line);
  return { range: { start: position, end: position }, newText: lines.map((line) => `${indentation}${line}${eolOf(file)}`).join('') };
}

/**
 * Inserts whole lines after an instruction (after its last continuation or heredoc line). An instruction whose
 * last lines end in continuations with nothing after them (the end of a file being written) would take the new
 * lines in as its own, so those dangling escape characters are dropped: they continued into nothing. Undefined
 * when the new lines could not stand on their own: after a here-document that is never closed, or after a line
 * that would still end in an escape (`\\`).
 */
export function insertLinesAfter(file: DockerfileFile, instruction: Instruction, lines: readonly string[]): TextEdit | undefined {
  if (heredocsOf(instruction).some((heredoc) => !heredoc.getDelimiterRange())) return undefined;
  const indentation = instructionIndentation(file, instruction);
  const end = instruction.getRange().end;
  const eol = eolOf(file);
  const inserted = lines.map((line) => `${eol}${indentation}${line}`).join('');
  const escapes = danglingEscapes(file, instruction);
  if (escapes === undefined) return undefined;
  if (escapes.length === 0) return { range: { start: end, end }, newText: inserted };
  const document = file.document;
  const text = document.getText();
  // Comment lines the continuation ran into stay; the blank lines at the end give way to the new lines.
  let kept = '';
  let from = escapes[0]!.end;
  for (const dangling of escapes.slice(1)) {
    kept += text.slice(from, dangling.start);
    from = dangling.end;
  }
  kept += text.slice(from, document.offsetAt(end));
  return { range: { start: document.positionAt(escapes[0]!.start), end }, newText: `${kept.replace(/\s+$/, '')}${inserted}${eol}` };
}

/**
 * The escape characters (each with the blanks before it) that continue the instruction's last line of content
 * into nothing, in file order: that line's, and those of the lines holding only an escape after it. Undefined when
 * that line would still end in an escape without its last one.
 */
function danglingEscapes(file: DockerfileFile, instruction: Instruction): { start: number; end: number }[] | undefined {
  const document = file.document;
  const escapeCharacter = file.dockerfile.ast.getEscapeCharacter();
  const start = document.offsetAt(instruction.getRange().start);
  const lines = document.getText().slice(start, document.offsetAt(instruction.getRange().end)).split('\n');
  const escapes: { start: number; end: number }[] = [];
  let offset = start + lines.reduce((total, line) => total + line.length + 1, 0);
  for (const line of lines.reverse()) {
    offset -= line.length + 1;
    // The builder continues a line whose escape is followed by blanks (spaces and tabs only).
    const content = line.replace(/[ \t\r]+$/, '');
    if (content.trim() === '' || content.trimStart().startsWith('#')) continue;
    if (!content.endsWith(escapeCharacter)) break;
    const before = content.slice(0, -1).replace(/[ \t]+$/, '');
    if (content.slice(0, -1).endsWith(escapeCharacter)) return undefined;
    escapes.unshift({ start: offset + before.length, end: offset + content.length });
    if (before.trim() !== '') break;
  }
  return escapes;
}

/** Deletes an instruction with its line(s). */
export function deleteInstruction(file: DockerfileFile, instruction: Instruction): TextEdit {
  const range = instruction.getRange();
  const nextLine = range.end.line + 1;
  const end = nextLine < file.document.lineCount ? { line: nextLine, character: 0 } : range.end;
  return { range: { start: { line: range.start.line, character: 0 }, end }, newText: '' };
}

export function eolOf(file: DockerfileFile): string {
  return file.document.getText().includes('\r\n') ? '\r\n' : '\n';
}

/** The `key=value` (or legacy `key value`) pairs of an ARG, ENV or LABEL. */
export function propertiesOf(instruction: Instruction): Property[] {
  return (instruction as Instruction & { getProperties(): Property[] }).getProperties();
}
