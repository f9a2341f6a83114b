import { fileURLToPath, pathToFileURL } from 'node:url';
import { posix } from 'node:path';

export function pathToUri(path: string): string {
  return pathToFileURL(path).href;
}

/** The file-system path of a `file:` URI; undefined for other schemes (untitled documents). */
export function uriToPath(uri: string): string | undefined {
  return uri.startsWith('file:') ? fileURLToPath(uri) : undefined;
}

export function dirnameUri(uri: string): string {
  const url = new URL(uri);
  url.pathname = posix.dirname(url.pathname);
  return url.href;
}

/** Resolves a relative path (as written in a compose file, say) against a folder URI. */
export function joinUri(folderUri: string, relativePath: string): string {
  const url = new URL(folderUri);
  url.pathname = posix.join(url.pathname, relativePath.replace(/\\/g, '/'));
  return url.href;
}
