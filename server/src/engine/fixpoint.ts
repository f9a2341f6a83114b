import type { TextEdit } from 'vscode-languageserver-types';
import type { LintConfig } from './config';
import { applyEdits, collectSafeFixes } from './fixes';
import type { Linter } from './linter';

/** As `eslint --fix`: enough for fixes that enable others, bounded for fixes that would undo each other. */
export const MAX_FIX_PASSES = 10;

/** An edit a pass made, with the fix behind it. */
export interface AttributedEdit {
  edit: TextEdit;
  ruleId: string;
  title: string;
}

/** What one pass changed in one file: the text it started from (undefined: the pass created the file) and its edits. */
export interface AppliedPass {
  uri: string;
  before: string | undefined;
  edits: AttributedEdit[];
}

/**
 * Applies safe fixes and re-lints until nothing changes. Other files are created only when missing, and edited only by
 * the edits a fix makes in them (never rewritten whole). `write` stores a file's new text where the linter's
 * workspace reads it next (the disk for the CLI, a scratch copy for the editor's preview); it gets the text the fix was
 * worked out from (undefined: the file is created), so the CLI can leave alone a file edited meanwhile, and may throw to
 * stop.
 */
export function fixUntilStable(
  linter: Linter,
  uri: string,
  settings: LintConfig | undefined,
  write: (uri: string, text: string, before: string | undefined) => void,
  onPass: (pass: AppliedPass) => void = () => {},
): void {
  const workspace = linter.workspace;
  for (let pass = 0; pass < MAX_FIX_PASSES; pass++) {
    const result = linter.lint(uri, settings);
    if (!result) return;
    const { taken } = collectSafeFixes(result.findings);
    const editsByFile = new Map<string, AttributedEdit[]>();
    const createdBy = new Map<string, AttributedEdit>();
    const add = (target: string, edit: AttributedEdit) => editsByFile.set(target, [...(editsByFile.get(target) ?? []), edit]);
    for (const { ruleId, fix } of taken) {
      for (const edit of fix.edits) add(uri, { edit, ruleId, title: fix.title });
      for (const other of fix.editFiles ?? []) for (const edit of other.edits) add(other.uri, { edit, ruleId, title: fix.title });
      for (const created of fix.createFiles ?? []) {
        const insertion = { range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, newText: created.text };
        if (!createdBy.has(created.uri)) createdBy.set(created.uri, { edit: insertion, ruleId, title: fix.title });
      }
    }
    let changed = false;
    for (const [created, edit] of createdBy) {
      if (workspace.exists(created)) continue;
      write(created, edit.edit.newText, undefined);
      onPass({ uri: created, before: undefined, edits: [edit] });
      changed = true;
    }
    for (const [target, edits] of editsByFile) {
      const before = workspace.readText(target);
      if (before === undefined) continue;
      const fixed = applyEdits(
        before,
        edits.map(({ edit }) => edit),
      );
      if (fixed === before) continue;
      write(target, fixed, before);
      onPass({ uri: target, before, edits });
      changed = true;
    }
    if (!changed) return;
  }
}
