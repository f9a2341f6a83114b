import * as vscode from 'vscode';

/** The scheme of the read-only documents that show a proposal in the diff beside the user's file. */
export const PROPOSED_SCHEME = 'container-standards-proposed';

/** Read-only virtual documents holding what a command would write, for the diff of a file that already exists. */
export class ProposedDocuments implements vscode.TextDocumentContentProvider {
  private readonly texts = new Map<string, string>();
  private count = 0;

  /** A URI whose document is `text`, named like the file it would replace. */
  propose(path: string, text: string): vscode.Uri {
    this.count += 1;
    const uri = vscode.Uri.from({ scheme: PROPOSED_SCHEME, path: `/${path}`, query: String(this.count) });
    this.texts.set(uri.toString(), text);
    return uri;
  }

  forget(uri: vscode.Uri): void {
    this.texts.delete(uri.toString());
  }

  provideTextDocumentContent(uri: vscode.Uri): string {
    return this.texts.get(uri.toString()) ?? '';
  }
}
