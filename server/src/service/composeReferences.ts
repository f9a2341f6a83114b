import { notReadyAsUndefined } from '../engine/runRule';
import type { ComposeFile } from '../parsing/containerFile';
import { dockerfileOf, resolveBuild } from '../workspace/composeBuild';
import { baseName } from '../parsing/documentKind';
import type { Plain } from '../parsing/composeMerge';
import type { NamedReference } from '../parsing/composeService';
import type { ComposeProject, ResourceSection } from '../workspace/composeProject';
import type { Workspace } from '../workspace/workspace';
import type { YamlPath } from './yamlCursor';

/** What a place of a compose file names: another service, a declared resource, a build stage, an image. */
export type ReferenceKind = 'service' | ResourceSection | 'stage' | 'image' | 'network_mode';

/** A name a reference may take, with what the editor shows beside it. */
export interface ReferenceName {
  name: string;
  detail?: string;
}

/** Service fields whose list items (or, for the mapping forms, keys) name something declared elsewhere. */
const LIST_REFERENCES: Readonly<Record<string, ReferenceKind>> = {
  depends_on: 'service',
  links: 'service',
  volumes_from: 'service',
  networks: 'networks',
  volumes: 'volumes',
  secrets: 'secrets',
  configs: 'configs',
};
const SCALAR_REFERENCES: Readonly<Record<string, ReferenceKind>> = { image: 'image', network_mode: 'network_mode', extends: 'service' };
/** `source:` of a long-syntax item and `service:` of `extends` name the same thing as the short form. */
const NAMING_KEYS: Readonly<Record<string, string>> = { volumes: 'source', secrets: 'source', configs: 'source', extends: 'service', build: 'target' };

/** What the value (or list item) at `path` names, if anything. */
export function referenceAt(path: YamlPath): ReferenceKind | undefined {
  if (path[0] !== 'services' || typeof path[1] !== 'string') return undefined;
  const [field, second, third] = path.slice(2);
  if (typeof field !== 'string') return undefined;
  if (second === undefined) return SCALAR_REFERENCES[field];
  if (typeof second === 'number' && third === undefined) return LIST_REFERENCES[field];
  if (typeof second === 'number' && third === NAMING_KEYS[field] && path.length === 5) return LIST_REFERENCES[field];
  if (second === NAMING_KEYS[field] && third === undefined) return field === 'build' ? 'stage' : SCALAR_REFERENCES[field];
  return undefined;
}

/** What the keys of the mapping at `path` name (`depends_on: {db: …}`, `networks: {front: …}` under a service). */
export function keyReferenceAt(path: YamlPath): 'service' | 'networks' | undefined {
  if (path.length !== 3 || path[0] !== 'services') return undefined;
  return path[2] === 'depends_on' ? 'service' : path[2] === 'networks' ? 'networks' : undefined;
}

/**
 * The names a reference of this kind may take in the project the file belongs to. A service never refers to itself;
 * stages are those of the Dockerfile the service builds.
 */
export function referenceNames(
  kind: Exclude<ReferenceKind, 'image' | 'network_mode'>,
  file: ComposeFile,
  path: YamlPath,
  workspace: Workspace,
): ReferenceName[] {
  // While the workspace's tables are built, a file's project is not known yet (another file may include it).
  const project = notReadyAsUndefined(() => workspace.composeProject(file.uri));
  if (!project) return [];
  const serviceName = String(path[1]);
  if (kind === 'service') {
    return [...project.services.values()]
      .filter((service) => service.name !== serviceName)
      .map((service) => ({ name: service.name, ...detailOf(service.merged) }));
  }
  if (kind === 'stage') return stageNames(project, serviceName, workspace);
  const singular = kind.slice(0, -1);
  const declared = [...(project.resources.get(kind) ?? new Map<string, NamedReference[]>())].map(([name, references]) => ({
    name,
    detail: references.some((reference) => reference.view.get('external')?.scalar === true) ? `external ${singular}` : `declared ${singular}`,
  }));
  return kind === 'networks' && !declared.some((network) => network.name === 'default')
    ? [...declared, { name: 'default', detail: 'the network Compose creates for the project' }]
    : declared;
}

/** The image a service runs, or what it builds from. */
function detailOf(merged: { readonly [field: string]: Plain }): { detail?: string } {
  if (typeof merged.image === 'string') return { detail: merged.image };
  const build = merged.build;
  const context = typeof build === 'object' && build !== null && 'context' in build ? (build as { context?: Plain }).context : undefined;
  return typeof context === 'string' ? { detail: `build: ${context}` } : {};
}

/** The named stages of the Dockerfile a service builds, as Compose resolves its `build:`. */
function stageNames(project: ComposeProject, serviceName: string, workspace: Workspace): ReferenceName[] {
  const service = project.services.get(serviceName);
  const build = service && resolveBuild(project, service);
  const model = build && dockerfileOf(workspace, build);
  if (!build || !model) return [];
  const source = build.dockerfile?.kind === 'file' ? baseName(build.dockerfile.uri) : 'the inline Dockerfile';
  return model.stages.flatMap((stage) => {
    const name = stage.from.getBuildStage();
    return name ? [{ name, detail: `stage ${stage.index} of ${source}` }] : [];
  });
}
