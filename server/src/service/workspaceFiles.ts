import { relative } from 'node:path';
import type { CancellationToken, WorkDoneProgressReporter } from 'vscode-languageserver';
import type { Finding } from '../engine/lint';
import type { SummaryFinding } from '../protocol';
import { uriToPath } from '../workspace/uri';
import type { Workspace } from '../workspace/workspace';

/** The container files of the workspace on disk (indexed or open, not deleted), under `folderUri` when given. */
export function containerFileUris(workspace: Workspace, folderUri?: string): string[] {
  const prefix = folderUri === undefined ? undefined : folderUri.endsWith('/') ? folderUri : `${folderUri}/`;
  return workspace
    .uris()
    .filter((uri) => uri.startsWith('file:') && (prefix === undefined || uri.startsWith(prefix)) && !workspace.isDeletedOnDisk(uri))
    .filter((uri) => (workspace.get(uri)?.kind ?? 'unknown') !== 'unknown')
    .sort();
}

/** A file's path as the user knows it: relative to the workspace folder it is in. */
export function displayPath(uri: string, folderUris: readonly string[]): string {
  const path = uriToPath(uri) ?? uri;
  const folder = folderUris.map(uriToPath).find((candidate) => candidate !== undefined && path.startsWith(`${candidate}/`));
  return folder === undefined ? path : relative(folder, path);
}

export function summaryFinding(finding: Finding): SummaryFinding {
  return {
    line: finding.range.start.line,
    ruleId: finding.ruleId,
    severity: finding.severity,
    message: finding.message,
    fixable: finding.fixes.some((fix) => !fix.unsafe),
  };
}

/**
 * Runs `work` on each file with the client's progress reporting, stopping when the user cancels. Control goes back to
 * the message loop between files, so that typing stays answered while a large workspace is worked through.
 */
export async function forEachFile(
  uris: readonly string[],
  title: string,
  progress: WorkDoneProgressReporter,
  token: CancellationToken,
  work: (uri: string) => Promise<void> | void,
): Promise<boolean> {
  progress.begin(title, 0, `0 of ${uris.length} files`, true);
  try {
    for (const [index, uri] of uris.entries()) {
      if (token.isCancellationRequested) return false;
      await work(uri);
      if (index % 20 === 19 || index === uris.length - 1) {
        progress.report(Math.round(((index + 1) * 100) / uris.length), `${index + 1} of ${uris.length} files`);
        await yieldToMessages();
      }
    }
    return !token.isCancellationRequested;
  } finally {
    progress.done();
  }
}

export function yieldToMessages(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}
