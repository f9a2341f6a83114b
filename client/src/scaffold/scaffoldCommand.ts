import { join, relative } from 'node:path';
import * as vscode from 'vscode';
import { existingText } from '../../../server/src/cli/projectReader';
import { renderCommand, type ScaffoldCommand } from '../../../server/src/scaffold/render';
import { PLATFORM_DETAILS, type ScaffoldOptions } from '../../../server/src/scaffold/types';
import { applyWrite } from './applyWrite';
import { Cancelled } from './cancelled';
import { decideWrites, type PlannedWrite } from './consent';
import { chooseFolder } from './folder';
import { chooseProject } from './project';
import type { ProposedDocuments } from './proposedDocuments';
import { chooseOptions, choosePlatformTarget } from './questions';
import { scaffoldArguments } from './scaffoldArguments';
import { emptyOutcome, summarise, type WriteOutcome } from './summary';

/** The file a command opens when it is done: the one it is about. */
function mainFile(command: ScaffoldCommand, options: ScaffoldOptions): string {
  switch (command) {
    case 'dockerfile':
      return 'Dockerfile';
    case 'compose':
      return 'compose.yaml';
    case 'kubernetes':
      return options.kustomize ? 'k8s/base/deployment.yaml' : 'k8s/deployment.yaml';
    case 'ci':
      return '.github/workflows/container.yml';
    default:
      return PLATFORM_DETAILS[command].path;
  }
}

/** What the palette's commands render: a step of the path, or "deployment target", which asks for the platform. */
export type EditorCommand = ScaffoldCommand | 'deployment-target';

/**
 * One editor command: the folder, its project, the questions detection left open, the files `renderCommand`
 * proposes, the user's consent for those that exist, the writes. Resolves with what was written (undefined when the
 * command was cancelled or refused), for callers that run it with `executeCommand`.
 */
export async function runScaffoldCommand(editorCommand: EditorCommand, argument: unknown, proposals: ProposedDocuments): Promise<WriteOutcome | undefined> {
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
    const command = editorCommand === 'deployment-target' ? await choosePlatformTarget(given.platform) : editorCommand;
    const options = await chooseOptions(command, project.facts, given);
    const files = renderCommand(command, project.facts, options, (path) => existingText(project.root, path) ?? undefined);
    const plan = await decideWrites(project.root, files, proposals);
    const outcome = write(plan);
    await openMainFile(project.root, plan, mainFile(command, options));
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

function write(plan: readonly PlannedWrite[]): WriteOutcome {
  const outcome = emptyOutcome();
  for (const planned of plan) {
    const list = {
      create: outcome.created,
      replace: outcome.replaced,
      alongside: outcome.alongside,
      unchanged: outcome.unchanged,
      keep: outcome.kept,
    }[applyWrite(planned)];
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
