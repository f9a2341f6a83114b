import { join, relative } from 'node:path';
import * as vscode from 'vscode';
import { existingText } from '../../../server/src/cli/projectReader';
import { renderCommand, type ScaffoldCommand } from '../../../server/src/scaffold/render';
import { Cancelled } from './cancelled';
import { decideWrites, type PlannedWrite } from './consent';
import { chooseFolder } from './folder';
import { chooseProject } from './project';
import type { ProposedDocuments } from './proposedDocuments';
import { chooseOptions } from './questions';
import { scaffoldArguments } from './scaffoldArguments';
import { emptyOutcome, summarise, type WriteOutcome } from './summary';

/** The file each command opens when it is done: the one it is about. */
const MAIN_FILES: Readonly<Record<ScaffoldCommand, string>> = {
  dockerfile: 'Dockerfile',
  compose: 'compose.yaml',
  kubernetes: 'k8s/deployment.yaml',
  ci: '.github/workflows/container.yml',
};

/**
 * One editor command: the folder, its project, the questions detection left open, the files `renderCommand`
 * proposes, the user's consent for those that exist, the writes. Resolves with what was written (undefined when the
 * command was cancelled or refused), which tests read.
 */
export async function runScaffoldCommand(command: ScaffoldCommand, argument: unknown, proposals: ProposedDocuments): Promise<WriteOutcome | undefined> {
  if (!vscode.workspace.isTrusted) {
    void vscode.window.showErrorMessage(
      'Container Standards adds files only in a trusted workspace: this one is in Restricted Mode, so nothing was written. Trust it (Manage Workspace Trust) and run the command again.',
    );
    return undefined;
  }
  try {
    const given = scaffoldArguments(argument);
    const folder = await chooseFolder(given.folder);
    const project = await chooseProject(folder, given);
    const options = await chooseOptions(command, project.facts, given);
    const files = renderCommand(command, project.facts, options, (path) => existingText(project.root, path) ?? undefined);
    const plan = await decideWrites(project.root, files, proposals);
    const outcome = await write(plan);
    await openMainFile(project.root, plan, MAIN_FILES[command]);
    const workspaceFolder = vscode.workspace.getWorkspaceFolder(vscode.Uri.file(project.root));
    const where = workspaceFolder ? relative(workspaceFolder.uri.fsPath, project.root) || workspaceFolder.name : project.root;
    void vscode.window.showInformationMessage(summarise(outcome, where));
    return outcome;
  } catch (error) {
    if (error instanceof Cancelled) return undefined;
    void vscode.window.showErrorMessage(error instanceof Error ? error.message : String(error));
    return undefined;
  }
}

async function write(plan: readonly PlannedWrite[]): Promise<WriteOutcome> {
  const outcome = emptyOutcome();
  for (const planned of plan) {
    if (planned.decision === 'create' || planned.decision === 'replace' || planned.decision === 'alongside')
      await vscode.workspace.fs.writeFile(vscode.Uri.file(planned.target), new TextEncoder().encode(planned.text));
    const list = {
      create: outcome.created,
      replace: outcome.replaced,
      alongside: outcome.alongside,
      unchanged: outcome.unchanged,
      keep: outcome.kept,
    }[planned.decision];
    list.push(planned.path);
  }
  return outcome;
}

/** Opens the command's file as it now is: the proposal written alongside when that was the choice, else the file. */
async function openMainFile(root: string, plan: readonly PlannedWrite[], main: string): Promise<void> {
  const planned = plan.find((candidate) => candidate.path === main || candidate.path === `${main}.new`);
  const path = planned?.target ?? join(root, main);
  await vscode.window.showTextDocument(vscode.Uri.file(path), { preview: false }).then(undefined, () => undefined);
}
