import { TextDocument } from 'vscode-languageserver-textdocument';
import type { TextEdit } from 'vscode-languageserver-types';
import type { Finding } from './lint';
import type { CreatedFile, Fix, OtherFileEdits } from './ruleTypes';

export interface FixAll {
  edits: TextEdit[];
  createFiles: CreatedFile[];
  /** Edits of other existing files, by uri. */
  editFiles: OtherFileEdits[];
  /** The fixes taken, with the rule of each: what a preview labels each change with. */
  taken: { ruleId: string; fix: Fix }[];
}

/**
 * The first safe fix of every finding, skipping fixes whose edits overlap one already taken (in the document or in
 * another file they edit); what is skipped is picked up by the next pass (the CLI repeats, the editor offers
 * fix-all again).
 */
export function collectSafeFixes(findings: readonly Finding[]): FixAll {
  const taken: TextEdit[] = [];
  const createFiles = new Map<string, CreatedFile>();
  const takenElsewhere = new Map<string, TextEdit[]>();
  const takenFixes: FixAll['taken'] = [];
  const clashes = (edits: readonly TextEdit[], others: readonly TextEdit[]) => edits.some((edit) => others.some((other) => overlaps(edit, other)));
  for (const finding of findings) {
    const fix = finding.fixes.find((candidate) => !candidate.unsafe);
    if (!fix || clashes(fix.edits, taken)) continue;
    if ((fix.editFiles ?? []).some(({ uri, edits }) => clashes(edits, takenElsewhere.get(uri) ?? []))) continue;
    taken.push(...fix.edits);
    takenFixes.push({ ruleId: finding.ruleId, fix });
    for (const file of fix.createFiles ?? []) createFiles.set(file.uri, file);
    for (const { uri, edits } of fix.editFiles ?? []) takenElsewhere.set(uri, [...(takenElsewhere.get(uri) ?? []), ...edits]);
  }
  return { edits: taken, createFiles: [...createFiles.values()], editFiles: [...takenElsewhere].map(([uri, edits]) => ({ uri, edits })), taken: takenFixes };
}

export function applyEdits(text: string, edits: readonly TextEdit[]): string {
  return TextDocument.applyEdits(TextDocument.create('file:///fix', '', 0, text), [...edits]);
}

function overlaps(a: TextEdit, b: TextEdit): boolean {
  const before = (x: TextEdit['range']['end'], y: TextEdit['range']['start']) => x.line < y.line || (x.line === y.line && x.character <= y.character);
  const aBeforeB = before(a.range.end, b.range.start) && !isSamePoint(a.range.end, b.range.start, a, b);
  const bBeforeA = before(b.range.end, a.range.start) && !isSamePoint(b.range.end, a.range.start, b, a);
  return !(aBeforeB || bBeforeA) || insertsAtStartOf(a, b) || insertsAtStartOf(b, a);
}

const isInsertion = (edit: TextEdit) => edit.range.start.line === edit.range.end.line && edit.range.start.character === edit.range.end.character;
const samePosition = (x: TextEdit['range']['start'], y: TextEdit['range']['start']) => x.line === y.line && x.character === y.character;

/** Two insertions at one point would interleave unpredictably; other edits may touch end to start. */
function isSamePoint(end: TextEdit['range']['end'], start: TextEdit['range']['start'], first: TextEdit, second: TextEdit): boolean {
  return samePosition(end, start) && isInsertion(first) && isInsertion(second);
}

/**
 * An insertion at the start of a replaced range must come before it in the list (LSP), which the order fixes are
 * taken in does not promise: applyEdits threw "Overlapping edit" (no-user's replacement from the end of a RUN and
 * apt-lists-not-cleaned's insertion there). The later fix waits for the next pass.
 */
function insertsAtStartOf(insertion: TextEdit, edit: TextEdit): boolean {
  return isInsertion(insertion) && !isInsertion(edit) && samePosition(insertion.range.start, edit.range.start);
}
