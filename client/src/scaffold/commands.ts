import * as vscode from 'vscode';
import type { ScaffoldCommand } from '../../../server/src/scaffold/render';
import { choosePlatform } from './choosePlatform';
import { PROPOSED_SCHEME, ProposedDocuments } from './proposedDocuments';
import { runScaffoldCommand } from './scaffoldCommand';

/** The palette's scaffolding commands (package.json `contributes.commands`) and what each renders. */
const SCAFFOLD_COMMANDS: Readonly<Record<string, ScaffoldCommand>> = {
  'containerStandards.addDockerfile': 'dockerfile',
  'containerStandards.addCompose': 'compose',
  'containerStandards.addKubernetes': 'kubernetes',
  'containerStandards.addCiPipeline': 'ci',
};

export function registerScaffoldCommands(context: vscode.ExtensionContext): void {
  const proposals = new ProposedDocuments();
  context.subscriptions.push(vscode.workspace.registerTextDocumentContentProvider(PROPOSED_SCHEME, proposals));
  for (const [id, command] of Object.entries(SCAFFOLD_COMMANDS))
    context.subscriptions.push(vscode.commands.registerCommand(id, (argument: unknown) => runScaffoldCommand(command, argument, proposals)));
  context.subscriptions.push(vscode.commands.registerCommand('containerStandards.choosePlatform', choosePlatform));
}
