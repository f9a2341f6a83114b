import { FileChangeType, type FileEvent } from 'vscode-languageserver';
import { kindByName } from '../parsing/documentKind';
import { pathToUri, uriToPath } from '../workspace/uri';
import { walkContainerFiles } from '../workspace/walk';
import type { Workspace } from '../workspace/workspace';

/** Beyond this many files a folder is not indexed further, so a huge monorepo cannot stall the server. */
const MAX_INDEXED_FILES = 20_000;

/** Indexes the container files of the workspace folders, so cross-file rules see files nobody has open. */
export function indexFolders(workspace: Workspace, folderUris: readonly string[]): number {
  const paths = folderUris
    .map(uriToPath)
    .filter((folder) => folder !== undefined)
    .flatMap((folder) => [...take(walkContainerFiles(folder), MAX_INDEXED_FILES)]);
  for (const path of paths.slice(0, MAX_INDEXED_FILES)) workspace.index(pathToUri(path));
  workspace.adoptReferencedComposeFiles();
  return Math.min(paths.length, MAX_INDEXED_FILES);
}

function* take<T>(items: Iterable<T>, limit: number): Generator<T> {
  let count = 0;
  for (const item of items) {
    if (count++ >= limit) return;
    yield item;
  }
}

/** A workspace folder was removed: its files leave the index (documents still open stay until closed). */
export function forgetFolders(workspace: Workspace, folderUris: readonly string[]): void {
  const prefixes = folderUris.map((uri) => (uri.endsWith('/') ? uri : `${uri}/`));
  for (const uri of workspace.uris()) if (prefixes.some((prefix) => uri.startsWith(prefix))) workspace.unindex(uri);
}

/** `workspace/didChangeWatchedFiles`: keeps the index and the cached disk contents in step with the disk. */
export function applyFileEvents(workspace: Workspace, events: readonly FileEvent[]): void {
  for (const event of events) {
    if (event.type === FileChangeType.Deleted) {
      workspace.unindex(event.uri);
      continue;
    }
    // Also on creation: the file may have been looked for before (a config above every file, a Dockerfile named
    // by a compose file), and that "missing" is cached like any other disk read.
    workspace.changedOnDisk(event.uri);
    if (event.type === FileChangeType.Created && kindByName(event.uri) !== 'unknown') workspace.index(event.uri);
  }
}
