// The client's side of incremental text sync, written apart from vscode-languageserver-textdocument (which the server
// uses), so that a mistake in that library cannot hide by being made on both sides of the wire.
import type { Position, TextDocumentContentChangeEvent } from 'vscode-languageserver-protocol/node';

/** Offsets where each line starts: LSP counts `\r\n`, `\r` and `\n` as line breaks, and characters in UTF-16 code units. */
export function lineStarts(text: string): number[] {
  const starts = [0];
  for (let index = 0; index < text.length; index++) {
    const code = text.charCodeAt(index);
    if (code === 13 /* \r */) {
      if (text.charCodeAt(index + 1) === 10) index++;
      starts.push(index + 1);
    } else if (code === 10 /* \n */) starts.push(index + 1);
  }
  return starts;
}

/** The offset of a position; a character past the end of its line means the end of the line (before its line break). */
export function offsetAt(text: string, starts: readonly number[], { line, character }: Position): number {
  if (line >= starts.length) return text.length;
  if (line < 0) return 0;
  const start = starts[line] ?? 0;
  let end = starts[line + 1] ?? text.length;
  while (end > start && (text[end - 1] === '\n' || text[end - 1] === '\r')) end--;
  return Math.min(start + Math.max(character, 0), end);
}

export function positionAt(starts: readonly number[], offset: number): Position {
  let line = 0;
  while (line + 1 < starts.length && (starts[line + 1] ?? 0) <= offset) line++;
  return { line, character: offset - (starts[line] ?? 0) };
}

/** The text after one content change: a range replaced, or (without a range) the whole text. */
export function applyChange(text: string, change: TextDocumentContentChangeEvent): string {
  if (!('range' in change)) return change.text;
  const starts = lineStarts(text);
  const start = offsetAt(text, starts, change.range.start);
  const end = offsetAt(text, starts, change.range.end);
  return text.slice(0, start) + change.text + text.slice(end);
}
