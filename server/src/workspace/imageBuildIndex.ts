import { isComposeName } from '../parsing/documentKind';
import { hasVariable } from '../parsing/imageReference';
import { isKustomizationName, isSkaffoldName, kustomizeBuilds, skaffoldBuilds } from './buildConfigs';
import { resolveBuild } from './composeBuild';
import type { ComposeProject } from './composeProject';
import { type ImageBuild, type ImageBuilder, keyOfBuild, keysOfImage } from './imageBuild';
import { dirnameUri } from './uri';
import { FileContributions } from './fileContributions';
import type { Workspace } from './workspace';

/** The builds one file names; for a compose file, as its project resolves them. */
interface FileBuilds {
  builds: ImageBuild[];
  /** The compose project's layer count (0 for other files): a service is counted as its fewest-layered project sees it. */
  layers: number;
}

interface BuildTable {
  byKey: ReadonlyMap<string, ImageBuild[]>;
  byDockerfile: ReadonlyMap<string, ImageBuild[]>;
  /** Answers by manifest folder and image: a manifest names the same few images in every container, on every lint. */
  lookups: Map<string, readonly ImageBuild[]>;
}

const tables = new WeakMap<Workspace, FileContributions<FileBuilds, BuildTable>>();
const PREFERENCE: readonly ImageBuilder[] = ['skaffold', 'compose', 'kustomize'];

/**
 * The builds of the workspace that make an image a workload of `manifestUri` names (matched as keyOfBuild says),
 * skaffold's first, then compose's, then kustomize's. A skaffold or compose file builds for the manifests of its
 * own folder tree (a project's root holds its build file, its manifests sit below): a compose file of another
 * project that happens to build an image of the same name says nothing about this one. Kustomize entries apply
 * wherever they are, since a kustomization reaches its bases through `../`. The answer records the table's version
 * as read (FileContributions), so a finding built on it is checked again when the builds a compose, skaffold or
 * kustomization file names change; each file's builds are worked out again only when it, or a file it read, changes.
 */
export function imageBuilds(workspace: Workspace, image: string, manifestUri: string): readonly ImageBuild[] {
  const { byKey, lookups } = buildTable(workspace);
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

/** The builds of the workspace (skaffold artifacts, compose services) that build this Dockerfile. */
export function buildsOfDockerfile(workspace: Workspace, dockerfileUri: string): readonly ImageBuild[] {
  return buildTable(workspace).byDockerfile.get(dockerfileUri) ?? [];
}

function isInFolder(folder: string, ancestor: string): boolean {
  return folder === ancestor || folder.startsWith(ancestor.endsWith('/') ? ancestor : `${ancestor}/`);
}

function buildTable(workspace: Workspace): BuildTable {
  let table = tables.get(workspace);
  if (!table) {
    table = new FileContributions(workspace, 'image-builds', (uri) => buildsOf(workspace, uri), signatureOf, tabulate, mayBuild);
    tables.set(workspace, table);
  }
  return table.table();
}

function mayBuild(uri: string): boolean {
  return isComposeName(uri) || isSkaffoldName(uri) || isKustomizationName(uri);
}

function buildsOf(workspace: Workspace, uri: string): FileBuilds | undefined {
  if (isComposeName(uri)) {
    const project = workspace.composeProject(uri);
    return { builds: composeBuilds(project), layers: project.layerUris.length };
  }
  const read = isSkaffoldName(uri) ? skaffoldBuilds : isKustomizationName(uri) ? kustomizeBuilds : undefined;
  const text = read && workspace.readText(uri);
  return read && text !== undefined ? { builds: read(uri, text), layers: 0 } : undefined;
}

/** Where the builds are written does not change what they build: an edit above them leaves the table as it is. */
function signatureOf({ builds, layers }: FileBuilds): string {
  return JSON.stringify([layers, builds.map(({ range: _where, ...build }) => build)]);
}

function tabulate(contributions: ReadonlyMap<string, FileBuilds>): BuildTable {
  const builds: ImageBuild[] = [];
  // A service of a base file is also in the projects of its variants (compose.prod.yaml layered over it): each
  // written pair counts once, as the project with the fewest layers (the base's own) resolves it.
  const composeSources = new Set<string>();
  for (const { builds: fileBuilds } of [...contributions.values()].sort((a, b) => a.layers - b.layers)) {
    for (const build of fileBuilds) {
      if (build.by === 'compose') {
        const source = `${build.sourceUri} ${build.range.start.line}:${build.range.start.character}`;
        if (composeSources.has(source)) continue;
        composeSources.add(source);
      }
      builds.push(build);
    }
  }
  const byKey = new Map<string, ImageBuild[]>();
  const byDockerfile = new Map<string, ImageBuild[]>();
  for (const build of builds) {
    const key = keyOfBuild(build);
    byKey.set(key, [...(byKey.get(key) ?? []), build]);
    if (build.dockerfileUri) byDockerfile.set(build.dockerfileUri, [...(byDockerfile.get(build.dockerfileUri) ?? []), build]);
  }
  return { byKey, byDockerfile, lookups: new Map() };
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
