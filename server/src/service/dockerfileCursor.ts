import type { Instruction } from 'dockerfile-ast';
import type { Position, Range } from 'vscode-languageserver-types';
import type { DockerfileFile } from '../parsing/containerFile';
import { heredocsOf, instructionAtLine } from '../parsing/dockerfile';
import { escapeRegExp } from '../parsing/patterns';

/** Where the cursor is in a Dockerfile, as far as completions care. */
export type CursorContext =
  | { kind: 'nothing' }
  /** At the start of a line, typing an instruction keyword. */
  | { kind: 'keyword'; typed: string; range: Range }
  | ArgumentsContext;

export interface ArgumentsContext {
  kind: 'arguments';
  /** The instruction's keyword, upper-cased. */
  keyword: string;
  /** The keyword was typed in lower case, so keywords completed after it should be too. */
  lowerCase: boolean;
  /** The line where the instruction starts. */
  instructionLine: number;
  /** The whitespace-separated words between the keyword and the one under the cursor. */
  earlierWords: string[];
  /** The part of the word under the cursor before it (possibly empty). */
  word: string;
  wordStart: Position;
  /** The cursor, clamped into the document. */
  position: Position;
}

export function cursorContext(file: DockerfileFile, requested: Position): CursorContext {
  const document = file.document;
  const offset = document.offsetAt(requested);
  const position = document.positionAt(offset);
  const lineBefore = document.getText({ start: { line: position.line, character: 0 }, end: position });
  if (/^\s*#/.test(lineBefore)) return { kind: 'nothing' };

  const instruction = instructionAtLine(file.dockerfile, position.line);
  const startsHere = !instruction || instruction.getRange().start.line === position.line;
  const keywordBeingTyped = /^\s*(\S*)$/.exec(lineBefore);
  if (startsHere && keywordBeingTyped) {
    const typed = keywordBeingTyped[1] ?? '';
    return { kind: 'keyword', typed, range: { start: document.positionAt(offset - typed.length), end: position } };
  }
  if (!instruction || isInHeredocBody(instruction, position.line)) return { kind: 'nothing' };

  const escapeCharacter = file.dockerfile.ast.getEscapeCharacter();
  const statement = document
    .getText({ start: instruction.getRange().start, end: position })
    .replace(new RegExp(`${escapeRegExp(escapeCharacter)}[ \\t]*\\r?\\n`, 'g'), ' ');
  const parts = /^\s*(\S+)\s+([\s\S]*)$/.exec(statement);
  if (!parts) return { kind: 'nothing' };
  const typedKeyword = parts[1] ?? '';
  const words = (parts[2] ?? '').split(/\s+/);
  const word = words.pop() ?? '';
  return {
    kind: 'arguments',
    keyword: instruction.getKeyword(),
    lowerCase: isLowerCase(typedKeyword),
    instructionLine: instruction.getRange().start.line,
    earlierWords: words.filter((candidate) => candidate !== ''),
    word,
    // The word holds no whitespace, so it never spans an escaped line break: its length counts back from the cursor.
    wordStart: document.positionAt(offset - word.length),
    position,
  };
}

/** Whether text was typed in lower case (`from`), so completions should match it. */
export function isLowerCase(text: string): boolean {
  return /[a-z]/.test(text) && text === text.toLowerCase();
}

/** Heredoc bodies are file contents or scripts, where Dockerfile completions make no sense. */
function isInHeredocBody(instruction: Instruction, line: number): boolean {
  return heredocsOf(instruction).some((heredoc) => {
    const end = heredoc.getDelimiterRange()?.start.line ?? Number.POSITIVE_INFINITY;
    return line > heredoc.getStartRange().start.line && line <= end;
  });
}
