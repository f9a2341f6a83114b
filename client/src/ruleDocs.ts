import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { CommandIds, Requests, RULE_DOCS_SCHEME } from '../../server/src/protocol';

/**
 * A rule's documentation inside the editor, offline: a read-only document per rule whose Markdown the server renders
 * from the rule's metadata (the same text as its RULES.md section), shown in the Markdown preview.
 */
export function registerRuleDocs(context: vscode.ExtensionContext, client: LanguageClient): void {
  const provider: vscode.TextDocumentContentProvider = {
    async provideTextDocumentContent(uri) {
      const ruleId = ruleIdOf(uri);
      const markdown = await client.sendRequest<string | null>(Requests.ruleDocumentation, { ruleId });
      return markdown ?? `# ${ruleId}\n\nContainer Standards has no rule named \`${ruleId}\`.\n`;
    },
  };
  context.subscriptions.push(
    vscode.workspace.registerTextDocumentContentProvider(RULE_DOCS_SCHEME, provider),
    vscode.commands.registerCommand(CommandIds.openRuleDocs, (ruleId: unknown) => (typeof ruleId === 'string' ? openRuleDocs(ruleId) : undefined)),
  );
}

/** `container-standards-rule:/dockerfile/latest-tag.md`: the preview's tab reads "Preview latest-tag.md". */
export function ruleDocsUri(ruleId: string): vscode.Uri {
  return vscode.Uri.from({ scheme: RULE_DOCS_SCHEME, path: `/${ruleId}.md` });
}

function ruleIdOf(uri: vscode.Uri): string {
  return uri.path.replace(/^\//, '').replace(/\.md$/, '');
}

async function openRuleDocs(ruleId: string): Promise<void> {
  const uri = ruleDocsUri(ruleId);
  try {
    // Not `getCommands`: it lists the Markdown extension's command only once that extension is active.
    await vscode.commands.executeCommand('markdown.showPreview', uri);
  } catch {
    // The preview comes with VS Code's built-in Markdown extension, which a user may have disabled.
    await vscode.window.showTextDocument(uri, { preview: true });
  }
}
