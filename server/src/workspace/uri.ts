import { URI, Utils } from 'vscode-uri';

/**
 * URIs as VS Code writes them (vscode-uri): a Windows drive letter is lower-cased and its colon encoded
 * (`file:///c%3A/app`), so URIs built here compare equal to the ones the editor sends.
 */
export function pathToUri(path: string): string {
  return URI.file(wellFormed(path)).toString();
}

/** The file-system path of a `file:` URI; undefined for other schemes (untitled documents). */
export function uriToPath(uri: string): string | undefined {
  return uri.startsWith('file:') ? URI.parse(uri).fsPath : undefined;
}

export function dirnameUri(uri: string): string {
  return Utils.dirname(URI.parse(uri)).toString();
}

/** Resolves a relative path (as written in a compose file, say) against a folder URI; `..` segments are applied. */
export function joinUri(folderUri: string, relativePath: string): string {
  return Utils.joinPath(URI.parse(folderUri), wellFormed(relativePath).replace(/\\/g, '/')).toString();
}

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** Half of a surrogate pair (in a path being typed) cannot be percent-encoded; it becomes U+FFFD, which no file name has. */
function wellFormed(text: string): string {
  return text.replace(LONE_SURROGATE, '\uFFFD');
}
