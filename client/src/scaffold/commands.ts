import * as vscode from 'vscode';
import { choosePlatform } from './choosePlatform';
import { PROPOSED_SCHEME, ProposedDocuments } from './proposedDocuments';
import { type EditorCommand, runScaffoldCommand } from './scaffoldCommand';

/** The palette's scaffolding commands (package.json `contributes.commands`) and what each renders. */
const SCAFFOLD_COMMANDS: Readonly<Record<string, EditorCommand>> = {
  'containerStandards.addDockerfile': 'dockerfile',
  'containerStandards.addCompose': 'compose',
  'containerStandards.addKubernetes': 'kubernetes',
  'containerStandards.addDeploymentTarget': 'deployment-target',
  'containerStandards.addCiPipeline': 'ci',
};

export function registerScaffoldCommands(context: vscode.ExtensionContext): void {
  const proposals = new ProposedDocuments();
  context.subscriptions.push(vscode.workspace.registerTextDocumentContentProvider(PROPOSED_SCHEME, proposals));
  for (const [id, command] of Object.entries(SCAFFOLD_COMMANDS))
    context.subscriptions.push(vscode.commands.registerCommand(id, (argument: unknown) => runScaffoldCommand(command, argument, proposals)));
  context.subscriptions.push(vscode.commands.registerCommand('containerStandards.choosePlatform', choosePlatform));
}
