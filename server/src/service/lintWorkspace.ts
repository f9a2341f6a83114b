import type { CancellationToken, WorkDoneProgressReporter } from 'vscode-languageserver';
import type { WorkspaceSummary } from '../protocol';
import type { Session } from './session';
import { containerFileUris, displayPath, forEachFile, summaryFinding } from './workspaceFiles';

/** Lints every container file (the results stay cached for diagnostics) and lists what was found, by file. */
export async function lintWorkspace(
  session: Session,
  folderUris: readonly string[],
  scopeUri: string | undefined,
  token: CancellationToken,
  progress: WorkDoneProgressReporter,
): Promise<WorkspaceSummary> {
  const uris = containerFileUris(session.workspace, scopeUri);
  const files: WorkspaceSummary['files'] = [];
  let checked = 0;
  const completed = await forEachFile(uris, 'Linting the workspace', progress, token, async (uri) => {
    const result = await session.lint(uri, { complete: true });
    checked++;
    if (result && result.findings.length > 0) files.push({ uri, path: displayPath(uri, folderUris), findings: result.findings.map(summaryFinding) });
  });
  return { filesChecked: checked, files, ...(completed ? {} : { cancelled: true }) };
}
