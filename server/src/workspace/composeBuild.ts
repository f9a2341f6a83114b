import { posix } from 'node:path';
import { parseDockerfile, type DockerfileModel } from '../parsing/dockerfile';
import type { ServiceDefinition } from '../parsing/composeService';
import type { Plain } from '../parsing/composeMerge';
import type { ComposeProject, ProjectService } from './composeProject';
import { dirnameUri, joinUri, pathToUri } from './uri';
import type { Workspace } from './workspace';

/**
 * A service's `build:` as Compose resolves it from the merged project: the context folder and the Dockerfile, each
 * known only when it is a local path whose variables have values.
 */
export interface ResolvedBuild {
  /** The context after interpolation; `.` when the service gives none. */
  context: string;
  /** The context folder; undefined when it is remote (a Git or HTTP URL) or a host-specific path (absolute, `~`). */
  contextUri?: string;
  /** Where the Dockerfile is read from, undefined when it cannot be known here. */
  dockerfile?: { kind: 'inline'; text: string } | { kind: 'file'; uri: string; written: string; explicit: boolean };
  /** `build.target` after interpolation. */
  target?: string;
}

const REMOTE_CONTEXT = /^(?:[a-z][a-z0-9+.-]*:\/\/|git@|github\.com\/)/i;
const HOST_SPECIFIC_PATH = /^(?:[/~\\]|[A-Za-z]:[\\/])/;

/** A path Compose resolves against the project (or included file's) folder, not a URL nor a host-specific path. */
export function isRelativePath(path: string): boolean {
  return !REMOTE_CONTEXT.test(path) && !HOST_SPECIFIC_PATH.test(path);
}

export function isRemoteContext(context: string): boolean {
  return REMOTE_CONTEXT.test(context) || /\.git(?:#.*)?$/.test(context);
}

export function resolveBuild(project: ComposeProject, service: ProjectService): ResolvedBuild | undefined {
  const build = service.merged.build;
  if (!isObject(build)) return undefined;
  const context = textOf(project, build.context ?? '.');
  if (context === undefined) return undefined;
  const target = build.target === undefined ? undefined : textOf(project, build.target);
  const result: ResolvedBuild = { context, ...(target === undefined ? {} : { target }) };
  if (isRemoteContext(context)) return result;
  const baseUri = contextBaseUri(project, service, new Set());
  const contextUri = baseUri && isRelativePath(context) ? joinUri(baseUri, context) : undefined;
  if (contextUri) result.contextUri = contextUri;
  if (typeof build.dockerfile_inline === 'string') return { ...result, dockerfile: { kind: 'inline', text: build.dockerfile_inline } };
  const written = build.dockerfile === undefined ? 'Dockerfile' : textOf(project, build.dockerfile);
  if (written === undefined) return result;
  const explicit = build.dockerfile !== undefined;
  if (/^(?:\/|[A-Za-z]:[\\/])/.test(written)) return { ...result, dockerfile: { kind: 'file', uri: pathToUri(written), written, explicit } };
  if (contextUri && isRelativePath(written)) return { ...result, dockerfile: { kind: 'file', uri: joinUri(contextUri, written), written, explicit } };
  return result;
}

/** The Dockerfile's parse: an inline one, or the file read through the workspace (whatever its name). */
export function dockerfileOf(workspace: Workspace, build: ResolvedBuild): DockerfileModel | undefined {
  if (build.dockerfile?.kind === 'inline') return parseDockerfile(build.dockerfile.text);
  if (build.dockerfile?.kind === 'file') return workspace.getAs(build.dockerfile.uri, 'dockerfile')?.dockerfile;
  return undefined;
}

/** The Dockerfile as the user would name it: `./api/Dockerfile`, an absolute path, or the inline one. */
export function describeDockerfile(build: ResolvedBuild): string {
  if (build.dockerfile?.kind === 'inline') return 'the inline Dockerfile (dockerfile_inline)';
  if (build.dockerfile?.kind !== 'file') return 'the Dockerfile';
  const { written } = build.dockerfile;
  if (posix.isAbsolute(written)) return written;
  const path = posix.join(build.context, written);
  return path.startsWith('.') || path.startsWith('/') ? path : `./${path}`;
}

/**
 * The definition that decides the build context: the last one that writes `build` with a context; a context
 * inherited through `extends` resolves against the folder of the file it was written in.
 */
export function buildDefinition(service: ProjectService): ServiceDefinition | undefined {
  return service.definitions.filter((definition) => definition.build?.context).at(-1);
}

function contextBaseUri(project: ComposeProject, service: ProjectService, visiting: Set<string>): string | undefined {
  for (const definition of [...service.definitions].reverse()) {
    if (definition.build?.context) return definition.baseUri;
    const extended = definition.extends;
    const baseName = extended?.service?.string;
    if (!baseName) continue;
    const file = extended.file?.string;
    if (file) return dirnameUri(joinUri(definition.baseUri, file));
    const base = project.services.get(baseName);
    if (!base || visiting.has(baseName)) return undefined;
    visiting.add(baseName);
    return contextBaseUri(project, base, visiting);
  }
  return service.definitions[0]?.baseUri;
}

function textOf(project: ComposeProject, value: Plain): string | undefined {
  if (typeof value !== 'string' && typeof value !== 'number') return undefined;
  return project.interpolate(String(value)).value;
}

function isObject(value: Plain | undefined): value is { [key: string]: Plain } {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
