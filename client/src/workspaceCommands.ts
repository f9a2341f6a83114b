import { randomUUID } from 'node:crypto';
import * as vscode from 'vscode';
import { ExecuteCommandRequest, WorkDoneProgress, type LanguageClient, type WorkspaceEdit } from 'vscode-languageclient/node';
import { CommandIds, WorkspaceCommandIds, type WorkspaceFixes, type WorkspaceSummary } from '../../server/src/protocol';

/**
 * Lint workspace and Fix workspace…: the server does the work; the client shows its progress as a cancellable
 * notification, applies the edit (VS Code shows the refactor preview, as the edit's changes need confirmation) and
 * lists what is left. Both take an optional folder (the Explorer's, or a URI from another extension or a test).
 */
export function registerWorkspaceCommands(context: vscode.ExtensionContext, client: () => LanguageClient | undefined): void {
  const output = vscode.window.createOutputChannel('Container Standards: Workspace');
  context.subscriptions.push(
    output,
    vscode.commands.registerCommand(WorkspaceCommandIds.lintWorkspace, async (folder?: vscode.Uri) => {
      const summary = await runOnServer<WorkspaceSummary>(client(), 'Linting the workspace', CommandIds.lintWorkspace, folder);
      if (!summary) return;
      const problems = summary.files.reduce((count, file) => count + file.findings.length, 0);
      const done = summary.cancelled ? 'Lint workspace cancelled after' : 'Linted';
      void vscode.window.showInformationMessage(`${done} ${summary.filesChecked} container files: ${problems} problems in ${summary.files.length} files.`);
      return summary;
    }),
    vscode.commands.registerCommand(WorkspaceCommandIds.fixWorkspace, async (folder?: vscode.Uri) => {
      const running = client();
      const fixes = await runOnServer<WorkspaceFixes>(running, 'Working out safe fixes', CommandIds.fixWorkspace, folder);
      if (!running || !fixes || fixes.cancelled) return;
      let applied = false;
      if (fixes.changeCount > 0) {
        const edit = await running.protocol2CodeConverter.asWorkspaceEdit(fixes.edit as WorkspaceEdit);
        applied = await vscode.workspace.applyEdit(edit, { isRefactoring: true });
      }
      // What is left is checked on what the user accepted, not on what was proposed.
      const summary = await runOnServer<WorkspaceSummary>(running, 'Checking what is left', CommandIds.lintWorkspace, folder);
      if (!summary) return;
      writeSummary(output, fixes, applied, summary);
      const decisions = summary.files.reduce((count, file) => count + file.findings.filter((finding) => !finding.fixable).length, 0);
      const head = fixes.changeCount === 0 ? 'No safe fix to apply.' : applied ? `Applied safe fixes in ${fixes.fileCount} files.` : 'No change applied.';
      void vscode.window.showInformationMessage(`${head} ${decisions} findings need your decision.`, 'Show').then((choice) => {
        if (choice) output.show(true);
      });
      return { changeCount: fixes.changeCount, fileCount: fixes.fileCount, applied, summary };
    }),
  );
}

/** Runs a server command with a cancellable progress notification fed by the server's work done progress. */
async function runOnServer<T>(client: LanguageClient | undefined, title: string, command: string, folder: vscode.Uri | undefined): Promise<T | undefined> {
  if (!client?.isRunning()) {
    void vscode.window.showWarningMessage('The Container Standards language server is not running.');
    return undefined;
  }
  return vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title, cancellable: true }, async (progress, token) => {
    const workDoneToken = randomUUID();
    let reported = 0;
    const listener = client.onProgress(WorkDoneProgress.type, workDoneToken, (value) => {
      if (value.kind === 'end') return;
      const percentage = value.percentage ?? reported;
      progress.report({ message: value.message, increment: percentage - reported });
      reported = percentage;
    });
    try {
      const args = folder ? [folder.toString()] : [];
      return (await client.sendRequest(ExecuteCommandRequest.type, { command, arguments: args, workDoneToken }, token)) as T;
    } catch (error) {
      if (token.isCancellationRequested) return undefined;
      throw error;
    } finally {
      listener.dispose();
    }
  });
}

function writeSummary(output: vscode.OutputChannel, fixes: WorkspaceFixes, applied: boolean, summary: WorkspaceSummary): void {
  output.clear();
  output.appendLine(
    fixes.changeCount === 0
      ? 'Fix workspace: no safe fix to apply.'
      : `Fix workspace: ${applied ? 'applied' : 'did not apply'} ${fixes.changeCount} changes in ${fixes.fileCount} files.`,
  );
  const left = summary.files.map((file) => ({ ...file, decisions: file.findings.filter((finding) => !finding.fixable) }));
  output.appendLine('');
  output.appendLine('Findings that need your decision:');
  for (const file of left.filter((candidate) => candidate.decisions.length > 0)) {
    output.appendLine(`  ${file.path}`);
    for (const finding of file.decisions) output.appendLine(`    ${finding.line + 1}  ${finding.severity}  ${finding.ruleId}  ${finding.message}`);
  }
  const unapplied = summary.files.flatMap((file) =>
    file.findings.filter((finding) => finding.fixable).map((finding) => `${file.path}:${finding.line + 1} ${finding.ruleId}`),
  );
  if (unapplied.length > 0) {
    output.appendLine('');
    output.appendLine('Safe fixes not applied (unticked in the preview, or changed meanwhile):');
    for (const line of unapplied) output.appendLine(`  ${line}`);
  }
}
