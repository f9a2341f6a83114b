import { TextDocument } from 'vscode-languageserver-textdocument';
import { baseName } from '../parsing/documentKind';
import { hasVariable } from '../parsing/imageReference';
import { parseYamlFile } from '../parsing/yaml';
import { YamlView } from '../parsing/yamlView';
import type { ImageBuild } from './imageBuild';
import { dirnameUri, joinUri, pathToUri } from './uri';

/** `skaffold.yaml`, and the variants `skaffold -f` is pointed at (`skaffold-dev.yaml`, `skaffold.local.yml`). */
const SKAFFOLD_NAME = /^skaffold(?:[.-][^/]*)?\.ya?ml$/i;
/** The names kustomize reads in a folder (`Kustomization` without an extension is left out: editors do not watch it). */
const KUSTOMIZATION_NAME = /^kustomization\.ya?ml$/;

export function isSkaffoldName(uri: string): boolean {
  return SKAFFOLD_NAME.test(baseName(uri));
}

export function isKustomizationName(uri: string): boolean {
  return KUSTOMIZATION_NAME.test(baseName(uri));
}

/** Files the workspace tracks, linted or not, because they say which images it builds. */
export function isBuildConfigName(pathOrUri: string): boolean {
  return isSkaffoldName(pathOrUri) || isKustomizationName(pathOrUri);
}

/** Skaffold builders that read a Dockerfile; the others (jib, buildpacks, ko, bazel, custom) build without one. */
const DOCKERFILE_BUILDERS = ['docker', 'kaniko'] as const;
const OTHER_BUILDERS = ['jib', 'buildpacks', 'ko', 'bazel', 'custom'];

/**
 * The artifacts of a skaffold config (`skaffold/v1`…`v4beta*`; one config per document), its profiles' included:
 * `build.artifacts[].image` with `context` (the config's folder by default) and the Dockerfile of the docker or
 * kaniko builder (`Dockerfile` in the context by default, the default builder being docker).
 */
export function skaffoldBuilds(uri: string, text: string): ImageBuild[] {
  const folder = dirnameUri(uri);
  return rootsOf(uri, text)
    .filter((root) => root.get('apiVersion')?.string?.startsWith('skaffold/'))
    .flatMap((root) => [root.at('build', 'artifacts'), ...(root.get('profiles')?.items() ?? []).map((profile) => profile.at('build', 'artifacts'))])
    .flatMap((artifacts) => artifacts?.items() ?? [])
    .flatMap((artifact) => {
      const image = artifact.get('image');
      if (!image?.string || hasVariable(image.string)) return [];
      const build: ImageBuild = { by: 'skaffold', image: image.string, sourceUri: uri, range: image.range };
      const context = artifact.get('context')?.string ?? '.';
      const builder = DOCKERFILE_BUILDERS.find((name) => artifact.get(name)) ?? (OTHER_BUILDERS.some((name) => artifact.get(name)) ? undefined : 'docker');
      if (!builder) return [build];
      const settings = artifact.get(builder);
      const dockerfile = settings?.get('dockerfile')?.string ?? 'Dockerfile';
      const target = settings?.get('target')?.string;
      const dockerfileUri = isAbsolutePath(dockerfile)
        ? pathToUri(dockerfile)
        : joinUri(isAbsolutePath(context) ? pathToUri(context) : joinUri(folder, context), dockerfile);
      return [{ ...build, dockerfileUri, ...(target ? { target } : {}) }];
    });
}

/** The `images:` entries of a kustomization: kustomize sets their name, tag or digest when it builds the manifests. */
export function kustomizeBuilds(uri: string, text: string): ImageBuild[] {
  return rootsOf(uri, text)
    .filter((root) => root.get('apiVersion')?.string?.startsWith('kustomize.config.k8s.io/') ?? true)
    .flatMap((root) => root.get('images')?.items() ?? [])
    .flatMap((entry) => {
      const name = entry.get('name');
      return name?.string ? [{ by: 'kustomize' as const, image: name.string, sourceUri: uri, range: name.range }] : [];
    });
}

/** The top-level mappings of the file's documents that parse without errors. */
function rootsOf(uri: string, text: string): YamlView[] {
  return parseYamlFile(TextDocument.create(uri, 'yaml', 0, text)).documents.flatMap((document) => {
    const root = document.parsed.errors.length === 0 ? YamlView.root(document) : undefined;
    return root?.isMap ? [root] : [];
  });
}

function isAbsolutePath(path: string): boolean {
  return /^(?:\/|[A-Za-z]:[\\/])/.test(path);
}
