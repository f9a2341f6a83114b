import * as vscode from 'vscode';
import { answered } from './cancelled';

/** The folder a command works in: the explorer's, else the only workspace folder, else the one the user picks. */
export async function chooseFolder(given: vscode.Uri | undefined): Promise<vscode.Uri> {
  if (given) return given;
  const folders = vscode.workspace.workspaceFolders ?? [];
  if (folders.length === 0) throw new Error('Open a folder first: the files are added to a workspace folder.');
  if (folders.length === 1) return folders[0]!.uri;
  const folder = answered(await vscode.window.showWorkspaceFolderPick({ placeHolder: 'Which workspace folder?' }));
  return folder.uri;
}
