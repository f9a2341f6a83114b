import { DockerfileParser, type Dockerfile } from 'dockerfile-ast';
import { format, formatOnType, formatRange } from 'dockerfile-utils';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { FormattingOptions, Position, Range, TextEdit } from 'vscode-languageserver-types';
import { builderView, heredocLines } from './builderView';

/** The edits to apply, and how many of dockerfile-utils' edits were withheld and why. */
export interface DockerfileFormatting {
  edits: TextEdit[];
  /** Edits that would have touched a heredoc or changed what the builder sees (whitespace inside quotes). */
  droppedForSafety: number;
  /** Edits that would have re-indented continuation lines laid out by hand. */
  keptAsAligned: number;
}

/** Indentation of the whole document: instructions and comments at column 0, continuation lines one level in. */
export function formatDockerfile(text: string, options: FormattingOptions): DockerfileFormatting {
  return safely(text, format(text, indentation(options)), options);
}

/** The same, for the lines `range` touches. */
export function formatDockerfileRange(text: string, range: Range, options: FormattingOptions): DockerfileFormatting {
  return safely(text, formatRange(text, range, indentation(options)), options);
}

/**
 * On typing the escape character at the end of a line (`position` just after it, `typed` the character), indents
 * the line it continues onto.
 */
export function formatDockerfileOnType(text: string, position: Position, typed: string, options: FormattingOptions): DockerfileFormatting {
  return safely(text, formatOnType(text, position, typed, indentation(options)), options);
}

/** Only the client's indentation: whether each instruction's continuations are re-indented is decided here. */
function indentation(options: FormattingOptions): FormattingOptions {
  return { tabSize: options.tabSize, insertSpaces: options.insertSpaces };
}

const leadingWhitespace = (line: string) => /^[ \t]*/.exec(line)?.[0] ?? '';
const isBlank = (line: string) => line.trim() === '';

/**
 * Continuation lines laid out by hand, which keep their indentation: those of an instruction whose continuation
 * lines (comments included) do not all share one indentation — nested shell blocks, packages listed under their
 * command, comments kept at column 0 — and those aligned under the first argument at a column that is not a whole
 * number of indentation levels (`LABEL a=1 \` over `      b=2`).
 */
function handAlignedLines(ast: Dockerfile, lines: readonly string[], options: FormattingOptions): Set<number> {
  const aligned = new Set<number>();
  for (const instruction of ast.getInstructions()) {
    const { start, end } = instruction.getRange();
    const continuations: number[] = [];
    // Blank lines carry no layout: emptying them is always fine.
    for (let line = start.line + 1; line <= end.line; line++) if (!isBlank(lines[line] ?? '')) continuations.push(line);
    if (continuations.length === 0) continue;
    const indents = new Set(continuations.map((line) => leadingWhitespace(lines[line])));
    const [indent] = indents;
    const firstArgumentColumn = /^\s*\S+\s+/.exec(lines[start.line])?.[0].length;
    const underFirstArgument = /^ +$/.test(indent) && indent.length === firstArgumentColumn && indent.length % options.tabSize !== 0;
    if (indents.size > 1 || underFirstArgument) for (const line of continuations) aligned.add(line);
  }
  return aligned;
}

function safely(text: string, proposed: TextEdit[], options: FormattingOptions): DockerfileFormatting {
  const lines = text.split('\n');
  const ast = DockerfileParser.parse(text);
  const heredocs = heredocLines(ast, lines);
  const aligned = handAlignedLines(ast, lines, options);
  let droppedForSafety = 0;
  let keptAsAligned = 0;
  let edits = proposed.filter((edit) => {
    const line = edit.range.start.line;
    if (heredocs.has(line)) droppedForSafety++;
    else if (aligned.has(line)) keptAsAligned++;
    else return true;
    return false;
  });
  const document = TextDocument.create('file:///Dockerfile', 'dockerfile', 0, text);
  const before = builderView(text);
  // Whatever still changes what the builder sees is withheld, instruction by instruction.
  while (edits.length > 0) {
    const after = builderView(TextDocument.applyEdits(document, edits));
    const changed =
      after.directives !== before.directives || after.instructions.length !== before.instructions.length
        ? [{ startLine: 0, endLine: lines.length }]
        : before.instructions.filter((instruction, index) => instruction.view !== after.instructions[index].view);
    if (changed.length === 0) break;
    const kept = edits.filter(
      (edit) => !changed.some((instruction) => edit.range.start.line >= instruction.startLine && edit.range.start.line <= instruction.endLine),
    );
    // A change no edit inside the instruction explains: nothing is safe.
    const next = kept.length === edits.length ? [] : kept;
    droppedForSafety += edits.length - next.length;
    edits = next;
  }
  return { edits, droppedForSafety, keptAsAligned };
}
