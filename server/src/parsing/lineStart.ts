import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Position } from 'vscode-languageserver-types';

/**
 * The blanks a line is indented with, to indent an inserted line alike. A byte order mark (files saved by some
 * Windows editors start with one) is no indentation: copied onto another line it is a character there, and
 * `\uFEFFUSER` is an unknown instruction.
 */
export function indentationOf(line: string): string {
  return /^\uFEFF?([ \t]*)/.exec(line)?.[1] ?? '';
}

/** Where a line inserted above `line` goes: its start, but after the byte order mark, which must stay first in the file. */
export function lineStart(document: TextDocument, line: number): Position {
  const byteOrderMark = line === 0 && document.getText({ start: { line: 0, character: 0 }, end: { line: 0, character: 1 } }) === '\uFEFF';
  return { line, character: byteOrderMark ? 1 : 0 };
}
