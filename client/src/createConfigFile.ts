import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { createFile } from '../../server/src/cli/fileWrites';
import { CONFIG_FILE_NAME, Requests } from '../../server/src/protocol';
import { pathInside } from '../../server/src/scaffold/containment';

/** Names the server reads, the first preferred; an existing one is opened rather than a second one written. */
const CONFIG_FILE_NAMES = [CONFIG_FILE_NAME, '.container-standards.yml'];

/**
 * "Create Config File": writes `.container-standards.yaml` in the chosen workspace folder from the server's
 * template, which points at the schema bundled with the extension; never overwrites, opens the existing file instead.
 */
export async function createConfigFile(client: LanguageClient, extensionUri: vscode.Uri): Promise<void> {
  const folder = await chooseFolder();
  if (!folder) return;
  for (const name of CONFIG_FILE_NAMES) {
    const existing = vscode.Uri.joinPath(folder.uri, name);
    if (await exists(existing)) {
      await vscode.window.showTextDocument(existing);
      void vscode.window.showInformationMessage(`${name} already exists in ${folder.name}; it is opened, not overwritten.`);
      return;
    }
  }
  const schemaUri = vscode.Uri.joinPath(extensionUri, 'schemas', 'container-standards.schema.json').toString();
  const text = await client.sendRequest<string>(Requests.configTemplate, { schemaUri });
  const target = vscode.Uri.joinPath(folder.uri, CONFIG_FILE_NAME);
  try {
    if (!(await write(folder.uri, target, text))) {
      void vscode.window.showInformationMessage(`${CONFIG_FILE_NAME} appeared in ${folder.name} meanwhile; it is opened, not overwritten.`);
    }
  } catch (error) {
    void vscode.window.showErrorMessage(`Container Standards: ${(error as Error).message}`);
    return;
  }
  await vscode.window.showTextDocument(target);
}

/**
 * On disk, never through a link leading out of the folder (a dangling `.container-standards.yaml` link is not
 * "missing") and never over a file; false when one is there. Other file systems (virtual workspaces) through VS Code.
 */
async function write(folder: vscode.Uri, target: vscode.Uri, text: string): Promise<boolean> {
  if (folder.scheme !== 'file') {
    await vscode.workspace.fs.writeFile(target, new TextEncoder().encode(text));
    return true;
  }
  return createFile(pathInside(folder.fsPath, CONFIG_FILE_NAME), text, CONFIG_FILE_NAME);
}

async function chooseFolder(): Promise<vscode.WorkspaceFolder | undefined> {
  const folders = vscode.workspace.workspaceFolders ?? [];
  if (folders.length === 0) {
    void vscode.window.showErrorMessage('Container Standards: open a folder first; the config file applies to a folder and the files below it.');
    return undefined;
  }
  if (folders.length === 1) return folders[0];
  return vscode.window.showWorkspaceFolderPick({ placeHolder: 'The folder whose files the config file applies to' });
}

async function exists(uri: vscode.Uri): Promise<boolean> {
  try {
    await vscode.workspace.fs.stat(uri);
    return true;
  } catch {
    return false;
  }
}
