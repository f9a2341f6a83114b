import { FileChangeType, type FileEvent } from 'vscode-languageserver';
import { kindByName } from '../parsing/documentKind';
import { pathToUri, uriToPath } from '../workspace/uri';
import { walkContainerFiles } from '../workspace/walk';
import type { Workspace } from '../workspace/workspace';

/** Beyond this many files a folder is not indexed further, so a huge monorepo cannot stall the server. */
const MAX_INDEXED_FILES = 20_000;

/** Indexes the container files of the workspace folders, so cross-file rules see files nobody has open. */
export function indexFolders(workspace: Workspace, folderUris: readonly string[]): number {
  let count = 0;
  for (const folderUri of folderUris) {
    const folder = uriToPath(folderUri);
    if (!folder) continue;
    for (const path of walkContainerFiles(folder)) {
      if (count++ >= MAX_INDEXED_FILES) return count;
      workspace.index(pathToUri(path));
    }
  }
  workspace.adoptReferencedComposeFiles();
  return count;
}

/** `workspace/didChangeWatchedFiles`: keeps the index and the cached disk contents in step with the disk. */
export function applyFileEvents(workspace: Workspace, events: readonly FileEvent[]): void {
  for (const event of events) {
    const isContainerCandidate = kindByName(event.uri) !== 'unknown';
    if (event.type === FileChangeType.Deleted) workspace.unindex(event.uri);
    else if (event.type === FileChangeType.Created && isContainerCandidate) workspace.index(event.uri);
    else workspace.changedOnDisk(event.uri);
  }
}
