import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { ClientCommandIds, type CreateFilesArguments, type FilesCreatedParams, Notifications } from '../../server/src/protocol';

/**
 * Writes the files a quick fix creates, content included, in one undoable workspace edit, and opens the first. An
 * LSP create operation followed by a text edit would leave an empty file on disk and the content in an unsaved tab.
 */
export function registerCreateFilesCommand(context: vscode.ExtensionContext, client: () => LanguageClient | undefined): void {
  context.subscriptions.push(vscode.commands.registerCommand(ClientCommandIds.createFiles, (args: CreateFilesArguments) => createFiles(args, client())));
}

async function createFiles({ files }: CreateFilesArguments, client: LanguageClient | undefined): Promise<void> {
  const edit = new vscode.WorkspaceEdit();
  const encoder = new TextEncoder();
  // Never over an existing file: should one have appeared since the fix was offered, the whole edit is refused.
  for (const { uri, text } of files) edit.createFile(vscode.Uri.parse(uri), { contents: encoder.encode(text), overwrite: false, ignoreIfExists: false });
  if (!(await vscode.workspace.applyEdit(edit))) {
    const names = files.map(({ uri }) => vscode.workspace.asRelativePath(vscode.Uri.parse(uri))).join(', ');
    void vscode.window.showWarningMessage(`Container Standards did not create ${names}: it exists already or cannot be written.`);
    return;
  }
  // The findings the new files settle (a missing .dockerignore) clear now, not when the file watcher catches up.
  await client?.sendNotification(Notifications.filesCreated, { uris: files.map(({ uri }) => uri) } satisfies FilesCreatedParams);
  // Shown for review beside the file being fixed, which keeps the focus.
  const [first] = files;
  if (first) await vscode.window.showTextDocument(vscode.Uri.parse(first.uri), { preview: true, preserveFocus: true, viewColumn: vscode.ViewColumn.Beside });
}
