import type { Range } from 'vscode-languageserver-types';
import type { DockerfileFile } from './containerFile';
import { instructionAtLine, instructionEndingAtOrAfter } from './dockerfile';
import { runInstructions, type RunScript } from './dockerfileRun';
import { splitList, type SuppressionDirective } from './suppressionDirectives';

/**
 * ShellCheck's own `# shellcheck disable=SC2086,SC2046` (also `2086`, `all` and ranges such as `SC3000-SC4000`). Above an instruction it covers the
 * instruction. Inside a RUN (a heredoc script, or a comment line of a continued RUN) it covers, as ShellCheck reads
 * it, the statement below it, or the rest of the script when no command of that script comes before it.
 */
export function shellcheckSuppressions(file: DockerfileFile): SuppressionDirective[] {
  const text = file.document.getText();
  if (!text.includes('shellcheck')) return [];
  const suppressions: SuppressionDirective[] = [];
  for (const [index, line] of text.split(/\r?\n/).entries()) {
    const disabled = /^\s*#\s*shellcheck\s+(?:.*\s)?disable=([\w,-]+)/.exec(line)?.[1];
    if (!disabled) continue;
    const codes = splitList(disabled).flatMap(codesOf);
    const lines = coveredLines(file, index);
    if (lines) suppressions.push({ lines, tokens: new Set(codes.map((code) => `shellcheck:${code}`)) });
  }
  return suppressions;
}

/** `SC2086` (or `2086`), `all`, or a range `SC3000-SC4000`, as the codes it names. */
function codesOf(item: string): string[] {
  if (item === 'all') return ['*'];
  const range = /^(?:SC)?(\d+)-(?:SC)?(\d+)$/i.exec(item);
  if (!range) return [/^\d+$/.test(item) ? `SC${item}` : item.toUpperCase()];
  const [first, last] = [Number(range[1]), Number(range[2])];
  return last - first > 10000 ? [] : Array.from({ length: Math.max(0, last - first + 1) }, (_, offset) => `SC${first + offset}`);
}

function coveredLines(file: DockerfileFile, line: number): { first: number; last: number } | undefined {
  const model = file.dockerfile;
  const holder = instructionAtLine(model, line);
  if (!holder) {
    const below = instructionEndingAtOrAfter(model, line + 1)?.getRange();
    return below && { first: below.start.line, last: below.end.line };
  }
  const restOfInstruction = { first: line + 1, last: holder.getRange().end.line };
  const script = runInstructions(file).find((run) => run.holder === holder)?.script;
  const statement = script && statementBelow(script, line);
  return statement ?? restOfInstruction;
}

/** The lines of the outermost statement that starts first below the line; undefined when it is its script's first. */
function statementBelow(script: RunScript, line: number): { first: number; last: number } | undefined {
  let below: { range: Range; script: number } | undefined;
  for (const statement of script.parsed.statements) {
    const range = script.rangeOf(statement.start, statement.end);
    if (range.start.line <= line) continue;
    if (!below || isBefore(range.start, below.range.start) || (sameStart(range, below.range) && isBefore(below.range.end, range.end))) {
      below = { range, script: statement.script };
    }
  }
  if (!below) return undefined;
  const target = below.script;
  const isFirstOfScript = !script.parsed.statements.some(
    (statement) => statement.script === target && script.rangeOf(statement.start, statement.start).start.line <= line,
  );
  return isFirstOfScript ? undefined : { first: below.range.start.line, last: below.range.end.line };
}

function isBefore(a: Range['start'], b: Range['start']): boolean {
  return a.line < b.line || (a.line === b.line && a.character < b.character);
}

function sameStart(a: Range, b: Range): boolean {
  return a.start.line === b.start.line && a.start.character === b.start.character;
}
