import type { Range } from 'vscode-languageserver-types';
import { canonicalRepository } from '../knowledge/images';
import { parseImageReference } from '../parsing/imageReference';

/** The tools whose files say that the workspace builds (or retags) an image. */
export type ImageBuilder = 'skaffold' | 'compose' | 'kustomize';

/** One image the workspace builds: a skaffold artifact, a compose service with `build` and `image`, a kustomize `images:` entry. */
export interface ImageBuild {
  by: ImageBuilder;
  /** The image as the tool's file names it: `registry.example.com/shop/api`, `api:dev`, a kustomize `name`. */
  image: string;
  /** The file that names it, and where. */
  sourceUri: string;
  range: Range;
  /**
   * The Dockerfile it is built from. Undefined for kustomize entries (kustomize only sets the name and tag), for
   * skaffold builders without a Dockerfile (jib, buildpacks, ko, bazel, custom), and for compose builds whose
   * Dockerfile is inline, remote or named through a variable without a value.
   */
  dockerfileUri?: string;
  /** The stage built (`build.target`, skaffold `docker.target`); the last one when undefined. */
  target?: string;
}

/**
 * How builds are matched to the images workloads name: by keys, equal for a build and an image exactly when the
 * build makes that image. Tags and digests never count: the tool sets them when it deploys, and the same Dockerfile
 * builds every tag (`registry.example.com/x/myapp:dev` is built by any build of `registry.example.com/x/myapp`).
 * - skaffold artifacts and kustomize `images:` entries match as those tools replace images in manifests: the name
 *   as written, without tag or digest, equals the artifact's `image` or the entry's `name` (`myapp` does not match
 *   `docker.io/library/myapp`: skaffold and kustomize would leave that one alone).
 * - compose images match by repository, Docker Hub's defaults applied to both sides as Docker names images:
 *   `myapp`, `library/myapp` and `docker.io/library/myapp` are one image.
 * - A repository elsewhere matches only with the same registry and path: `myapp` never matches
 *   `registry.example.com/x/myapp`.
 */
export function keyOfBuild(build: Pick<ImageBuild, 'by' | 'image'>): string {
  const reference = parseImageReference(build.image);
  return build.by === 'compose' ? canonicalRepository(reference) : nameAsWritten(reference);
}

/** The keys of the builds that make the image a workload names (see keyOfBuild). */
export function keysOfImage(image: string): [repository: string, asWritten: string] {
  const reference = parseImageReference(image);
  return [canonicalRepository(reference), nameAsWritten(reference)];
}

/** The prefix (a space cannot be in an image name) keeps these keys apart from repositories. */
function nameAsWritten(reference: { registry?: string; repository: string }): string {
  return `as-written ${reference.registry ? `${reference.registry}/` : ''}${reference.repository}`;
}
