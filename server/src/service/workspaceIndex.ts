import { FileChangeType, type FileEvent } from 'vscode-languageserver';
import { pathToUri, uriToPath } from '../workspace/uri';
import { isCandidateFile, walkContainerFiles } from '../workspace/walk';
import type { Workspace } from '../workspace/workspace';

/** Beyond this many files the workspace is not indexed further, so a huge monorepo cannot stall the server. */
const MAX_INDEXED_FILES = 20_000;

/** Indexes the container files of the workspace folders, so cross-file rules see files nobody has open. */
export function indexFolders(workspace: Workspace, folderUris: readonly string[]): number {
  const folders = folderUris.map(uriToPath).filter((folder) => folder !== undefined);
  const paths = [...take(walkAll(folders), MAX_INDEXED_FILES)];
  for (const path of paths) workspace.index(pathToUri(path));
  workspace.adoptReferencedComposeFiles();
  return paths.length;
}

function* walkAll(folders: readonly string[]): Generator<string> {
  for (const folder of folders) yield* walkContainerFiles(folder);
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
      // The uri may be a folder deleted whole: its files go with it.
      const folderPrefix = `${event.uri}/`;
      for (const uri of workspace.uris()) if (uri.startsWith(folderPrefix)) workspace.unindex(uri);
      workspace.unindex(event.uri);
      workspace.folderChangedOnDisk(event.uri);
      continue;
    }
    // Also on creation: the file may have been looked for before (a config above every file, a Dockerfile named
    // by a compose file), and that "missing" is cached like any other disk read.
    workspace.changedOnDisk(event.uri);
    const path = event.type === FileChangeType.Created ? uriToPath(event.uri) : undefined;
    if (path === undefined) continue;
    if (isCandidateFile(path)) workspace.index(event.uri);
    // A folder created or copied whole may come as one event (the watcher may not see the files inside it).
    else if (workspace.existsFolder(event.uri)) {
      workspace.folderChangedOnDisk(event.uri);
      for (const file of walkContainerFiles(path)) workspace.index(pathToUri(file));
    }
  }
}
