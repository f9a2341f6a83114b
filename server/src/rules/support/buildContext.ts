import { posix } from 'node:path';
import type { DockerfileFile } from '../../parsing/containerFile';
import { baseName } from '../../parsing/documentKind';
import type { Workspace } from '../../workspace/workspace';
import { dirnameUri, joinUri } from '../../workspace/uri';
import { copiesAndAdds, copyArguments, flagNamed, isRemoteSource, type CopyOrAdd, type PathArgument } from './copyAndAdd';

/**
 * The build context as the build-context rules see it: what a compose service's `build.context` names when one
 * builds this Dockerfile, else the Dockerfile's folder; the ignore file that applies, and the COPY/ADD sources read
 * from it.
 */

/** The context folder, or undefined for documents that are not files on disk (untitled buffers). */
export function buildContextUri(file: DockerfileFile, workspace: Workspace): string | undefined {
  if (!file.uri.startsWith('file:')) return undefined;
  return workspace.composeBuildContextOf(file.uri) ?? dirnameUri(file.uri);
}

export interface IgnoreFile {
  uri: string;
  /** The file name as the user knows it: `.dockerignore` or `<Dockerfile name>.dockerignore`. */
  name: string;
  text: string;
}

/**
 * The ignore file BuildKit applies: `<Dockerfile name>.dockerignore` next to the Dockerfile wins over the
 * context's `.dockerignore`.
 */
export function dockerignoreOf(file: DockerfileFile, workspace: Workspace): IgnoreFile | undefined {
  const context = buildContextUri(file, workspace);
  if (!context) return undefined;
  // `<Dockerfile name>.dockerignore` sits next to the Dockerfile; `.dockerignore` at the root of the context.
  for (const [folder, name] of [
    [dirnameUri(file.uri), `${baseName(file.uri)}.dockerignore`],
    [context, '.dockerignore'],
  ] as const) {
    const uri = joinUri(folder, name);
    const text = workspace.readText(uri);
    if (text !== undefined) return { uri, name, text };
  }
  return undefined;
}

/** The patterns of an ignore file, in order, without comments and blank lines. */
export function ignorePatterns(text: string): string[] {
  return text
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line !== '' && !line.startsWith('#'));
}

export interface ContextSource extends PathArgument {
  copy: CopyOrAdd;
  /** The path relative to the context root, cleaned (`./src/` → `src`, `.` for the root). */
  path: string;
}

/**
 * Sources that COPY/ADD read from the build context, as written: `--from` copies, here-documents and remote
 * URLs read from elsewhere. ONBUILD triggers read the context of a later build and are left out.
 */
export function contextSources(file: DockerfileFile): readonly ContextSource[] {
  return copiesAndAdds(file.dockerfile, { onbuild: false }).flatMap((copy) => sourcesOf(file, copy));
}

export function sourcesOf(file: DockerfileFile, copy: CopyOrAdd): readonly ContextSource[] {
  let sources = sourcesOfCopy.get(copy);
  if (!sources) {
    sources = flagNamed(copy.instruction, 'from')
      ? []
      : copyArguments(file, copy.instruction)
          .sources.filter((source) => !source.heredoc && !isRemoteSource(source.value) && source.value !== '')
          .map((source) => ({ ...source, copy, path: contextPath(source.value) }));
    sourcesOfCopy.set(copy, sources);
  }
  return sources;
}

/** Several rules read the same COPY's sources; copiesAndAdds hands out the same COPY objects for a parse. */
const sourcesOfCopy = new WeakMap<CopyOrAdd, readonly ContextSource[]>();

/** `./src/` → `src`, `/app.js` → `app.js` (a source path is relative to the context even when absolute). */
function contextPath(written: string): string {
  const cleaned = posix.normalize(written.replace(/\\/g, '/')).replace(/^\/+/, '').replace(/\/+$/, '');
  return cleaned === '' ? '.' : cleaned;
}

/** `COPY . .`, `COPY ./ /app/`, `COPY * ./`: the whole context. */
export function isWholeContext(source: ContextSource): boolean {
  return source.path === '.' || source.path === '*';
}
