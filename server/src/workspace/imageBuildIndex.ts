import { isComposeName } from '../parsing/documentKind';
import { hasVariable } from '../parsing/imageReference';
import { isKustomizationName, isSkaffoldName, kustomizeBuilds, skaffoldBuilds } from './buildConfigs';
import { resolveBuild } from './composeBuild';
import type { ComposeProject } from './composeProject';
import { type ImageBuild, type ImageBuilder, keyOfBuild, keysOfImage } from './imageBuild';
import { dirnameUri } from './uri';
import type { RecordedRead, Workspace } from './workspace';

/** Builds of one skaffold or kustomization file, kept while its text is the same. */
interface ConfigBuilds {
  text: string;
  builds: ImageBuild[];
}

interface BuildIndex {
  /** workspace.trackedVersion when it was built: a file added or removed may build images. */
  trackedVersion: number;
  /** What building it read: the compose projects' files, the skaffold and kustomization files. */
  reads: ReadonlyMap<string, RecordedRead>;
  byKey: ReadonlyMap<string, ImageBuild[]>;
  configs: ReadonlyMap<string, ConfigBuilds>;
  /** Answers by manifest folder and image: a manifest names the same few images in every container, on every lint. */
  lookups: Map<string, readonly ImageBuild[]>;
}

const indexes = new WeakMap<Workspace, BuildIndex>();
const PREFERENCE: readonly ImageBuilder[] = ['skaffold', 'compose', 'kustomize'];

/**
 * The builds of the workspace that make an image a workload of `manifestUri` names (matched as keyOfBuild says),
 * skaffold's first, then compose's, then kustomize's. A skaffold or compose file builds for the manifests of its
 * own folder tree (a project's root holds its build file, its manifests sit below): a compose file of another
 * project that happens to build an image of the same name says nothing about this one. Kustomize entries apply
 * wherever they are, since a kustomization reaches its bases through `../`. What the answer depends on is recorded
 * as read (Workspace.recordReads), so a finding built on it is checked again when a compose, skaffold or
 * kustomization file changes. The index is built once and kept while no file is added or removed and none it read
 * has changed.
 */
export function imageBuilds(workspace: Workspace, image: string, manifestUri: string): readonly ImageBuild[] {
  const { byKey, lookups } = currentIndex(workspace);
  const folder = dirnameUri(manifestUri);
  const lookup = `${folder} ${image}`;
  let builds = lookups.get(lookup);
  if (!builds) {
    const [repository, asWritten] = keysOfImage(image);
    builds = [...(byKey.get(repository) ?? []), ...(byKey.get(asWritten) ?? [])]
      .filter((build) => build.by === 'kustomize' || isInFolder(folder, dirnameUri(build.sourceUri)))
      .sort((a, b) => PREFERENCE.indexOf(a.by) - PREFERENCE.indexOf(b.by));
    lookups.set(lookup, builds);
  }
  return builds;
}

function isInFolder(folder: string, ancestor: string): boolean {
  return folder === ancestor || folder.startsWith(ancestor.endsWith('/') ? ancestor : `${ancestor}/`);
}

function currentIndex(workspace: Workspace): BuildIndex {
  const known = indexes.get(workspace);
  // unchangedSince also records the reads again, for the caller's recordReads.
  if (known && known.trackedVersion === workspace.trackedVersion && workspace.unchangedSince(known.reads)) return known;
  const trackedVersion = workspace.trackedVersion;
  const { result, reads } = workspace.recordReads(() => buildIndex(workspace, known?.configs));
  const index = { ...result, trackedVersion, reads, lookups: new Map() };
  indexes.set(workspace, index);
  return index;
}

function buildIndex(workspace: Workspace, previous: ReadonlyMap<string, ConfigBuilds> | undefined): Pick<BuildIndex, 'byKey' | 'configs'> {
  const configs = new Map<string, ConfigBuilds>();
  const builds: ImageBuild[] = [];
  const projects = new Set<ComposeProject>();
  for (const uri of workspace.uris()) {
    if (isComposeName(uri)) projects.add(workspace.composeProject(uri));
    const read = isSkaffoldName(uri) ? skaffoldBuilds : isKustomizationName(uri) ? kustomizeBuilds : undefined;
    const text = read && workspace.readText(uri);
    if (!read || text === undefined) continue;
    const cached = previous?.get(uri);
    const config = cached?.text === text ? cached : { text, builds: read(uri, text) };
    configs.set(uri, config);
    builds.push(...config.builds);
  }
  // A service of a base file is also in the projects of its variants (compose.prod.yaml layered over it): each
  // written pair counts once, as the project with the fewest layers (the base's own) resolves it.
  const composeSources = new Set<string>();
  for (const project of [...projects].sort((a, b) => a.layerUris.length - b.layerUris.length)) {
    for (const build of composeBuilds(project)) {
      const source = `${build.sourceUri} ${build.range.start.line}:${build.range.start.character}`;
      if (composeSources.has(source)) continue;
      composeSources.add(source);
      builds.push(build);
    }
  }
  const byKey = new Map<string, ImageBuild[]>();
  for (const build of builds) {
    const key = keyOfBuild(build);
    byKey.set(key, [...(byKey.get(key) ?? []), build]);
  }
  return { byKey, configs };
}

/**
 * Services with both `build` and `image`: Compose builds the image and tags it with that name. Both are written in
 * one file: a variant that only names the images (`docker-compose.images.yml`, for running prebuilt ones) over a
 * base file that builds them does not make a build of those names.
 */
function composeBuilds(project: ComposeProject): ImageBuild[] {
  return [...project.services.values()].flatMap((service) => {
    const written = service.definitions.filter((definition) => definition.image && definition.build).at(-1);
    const view = written?.image;
    const merged = service.merged.image;
    const image = typeof merged === 'string' ? project.interpolate(merged).value : undefined;
    const build = image && !hasVariable(image) ? resolveBuild(project, service) : undefined;
    if (!written || !view || !image || !build) return [];
    const dockerfileUri = build.dockerfile?.kind === 'file' ? build.dockerfile.uri : undefined;
    return [
      {
        by: 'compose' as const,
        image,
        sourceUri: written.uri,
        range: view.range,
        ...(dockerfileUri ? { dockerfileUri } : {}),
        ...(build.target ? { target: build.target } : {}),
      },
    ];
  });
}
