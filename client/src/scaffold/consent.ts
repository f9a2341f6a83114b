import { basename } from 'node:path';
import * as vscode from 'vscode';
import { existingText } from '../../../server/src/cli/projectReader';
import type { GeneratedFile } from '../../../server/src/scaffold/types';
import { Cancelled } from './cancelled';
import { pathInside } from '../../../server/src/scaffold/containment';
import type { ProposedDocuments } from './proposedDocuments';

/** What happens to one proposed file: the user decides only where a different file is already there. */
export type Decision = 'create' | 'unchanged' | 'replace' | 'alongside' | 'keep';

export interface PlannedWrite {
  /** Relative to the project folder: the proposed file's, or its `.new` sibling's when written alongside. */
  path: string;
  /** Absolute, checked to be inside the project folder. */
  target: string;
  text: string;
  decision: Decision;
  /** What was there when the decision was made (undefined: nothing): a file changed since then is not overwritten. */
  current: string | undefined;
}

// Keep comes first, the modal's default button (Enter); Escape is VS Code's Cancel, which stops the whole command.
const KEEP: vscode.MessageItem = { title: 'Keep' };
const REPLACE: vscode.MessageItem = { title: 'Replace' };
const ALONGSIDE: vscode.MessageItem = { title: 'Write alongside' };

/**
 * Decides every file before anything is written, so a refused path or a dismissed question leaves the folder as it
 * was. Identical files are no-ops; a different one is shown in a diff beside the proposal, and kept unless the user
 * chooses Replace or Write alongside (`<name>.new`); Cancel (Escape) stops the command with nothing written.
 */
export async function decideWrites(root: string, files: readonly GeneratedFile[], proposals: ProposedDocuments): Promise<PlannedWrite[]> {
  const plan: PlannedWrite[] = [];
  for (const file of files) {
    const target = pathInside(root, file.path);
    const current = existingText(root, file.path);
    if (current === undefined) plan.push({ path: file.path, target, text: file.text, decision: 'create', current });
    else if (current === file.text) plan.push({ path: file.path, target, text: file.text, decision: 'unchanged', current });
    else if (current === null) plan.push({ path: file.path, target, text: file.text, decision: 'keep', current: undefined });
    else plan.push(await ask(root, file, current, target, proposals));
  }
  return plan;
}

async function ask(root: string, file: GeneratedFile, current: string, target: string, proposals: ProposedDocuments): Promise<PlannedWrite> {
  const proposed = proposals.propose(file.path, file.text);
  try {
    await vscode.commands.executeCommand('vscode.diff', vscode.Uri.file(target), proposed, `${file.path}: yours ↔ proposed`, { preview: true });
    const alongsidePath = `${file.path}.new`;
    const previous = existingText(root, alongsidePath);
    const alongsideNote = previous === undefined || previous === file.text ? '' : ` (replacing the ${basename(alongsidePath)} there)`;
    const answer = await vscode.window.showWarningMessage(
      `${file.path} already exists with different content.`,
      {
        modal: true,
        detail: `The diff shows yours (left) and the proposal (right). Keep leaves yours as it is; Replace overwrites it; Write alongside puts the proposal in ${basename(alongsidePath)}${alongsideNote}. Cancel stops with nothing written.`,
      },
      KEEP,
      REPLACE,
      ALONGSIDE,
    );
    if (answer === REPLACE) return { path: file.path, target, text: file.text, decision: 'replace', current };
    if (answer === KEEP) return { path: file.path, target, text: file.text, decision: 'keep', current };
    if (answer !== ALONGSIDE) throw new Cancelled();
    const alongside = pathInside(root, alongsidePath);
    const decision = previous === file.text ? 'unchanged' : 'alongside';
    return { path: alongsidePath, target: alongside, text: file.text, decision, current: previous ?? undefined };
  } finally {
    await closeDiff(proposed);
    proposals.forget(proposed);
  }
}

async function closeDiff(proposed: vscode.Uri): Promise<void> {
  const tabs = vscode.window.tabGroups.all
    .flatMap((group) => group.tabs)
    .filter((tab) => tab.input instanceof vscode.TabInputTextDiff && tab.input.modified.toString() === proposed.toString());
  if (tabs.length) await vscode.window.tabGroups.close(tabs);
}
