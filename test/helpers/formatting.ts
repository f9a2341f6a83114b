// Shared checks of formatting edits: applied as an editor applies them, and shaped as LSP requires.
import assert from 'node:assert/strict';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { TextEdit } from 'vscode-languageserver-types';

export function applyEdits(text: string, edits: readonly TextEdit[]): string {
  return TextDocument.applyEdits(TextDocument.create('file:///Dockerfile', 'dockerfile', 0, text), [...edits]);
}

/** Every edit lies inside the document, and no two overlap (an editor rejects such a set). */
export function assertWellFormed(text: string, edits: readonly TextEdit[], label: string): void {
  const document = TextDocument.create('file:///Dockerfile', 'dockerfile', 0, text);
  const spans = edits.map((edit) => {
    const start = document.offsetAt(edit.range.start);
    const end = document.offsetAt(edit.range.end);
    assert.deepEqual(document.positionAt(start), edit.range.start, `${label}: edit starts outside the document`);
    assert.deepEqual(document.positionAt(end), edit.range.end, `${label}: edit ends outside the document`);
    assert.ok(start <= end, `${label}: edit ends before it starts`);
    return { start, end };
  });
  spans.sort((a, b) => a.start - b.start);
  for (let index = 1; index < spans.length; index++) {
    assert.ok(spans[index - 1].end <= spans[index].start, `${label}: edits overlap at offset ${spans[index].start}`);
  }
}
