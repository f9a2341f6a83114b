import { posix } from 'node:path';
import { URI } from 'vscode-uri';
import type { RuleContext } from '../../engine/ruleTypes';
import type { DockerfileFile, KubernetesFile } from '../../parsing/containerFile';
import type { DockerfileStage } from '../../parsing/dockerfile';
import { hasVariable } from '../../parsing/imageReference';
import type { ContainerView } from '../../parsing/kubernetes';
import type { ImageBuild } from '../../workspace/imageBuild';
import { imageBuilds } from '../../workspace/imageBuildIndex';
import { builtStage } from './builtStage';

/** How the rules' explanations state the link (workloadImageOf, keyOfBuild), so RULES.md documents the heuristic. */
export const WORKSPACE_LINK =
  'The image is linked to the Dockerfile that builds it through the workspace: a skaffold.yaml artifact (its context, `docker.dockerfile` and target) or a compose service with both `build` and `image` in one file (its Dockerfile and target), whose image name equals the container image without tag or digest; as written for skaffold, which replaces only that name in manifests; by repository for compose, `myapp` being `docker.io/library/myapp`; never across registries (`myapp` is not `registry.example.com/x/myapp`). When Dockerfiles of different files or targets build one name, nothing is reported.';

/** A workload container whose image a Dockerfile of the workspace builds. */
export interface WorkloadImage {
  build: ImageBuild & { dockerfileUri: string };
  dockerfile: DockerfileFile;
  /** The stage built: the build's target, else the last one. */
  stage: DockerfileStage;
  /** The Dockerfile as seen from the manifest: a path relative to its folder. */
  dockerfilePath: string;
  /** The file that says the workspace builds the image (`skaffold.yaml`, `../compose.yaml`), from the manifest. */
  builtBy: string;
}

/**
 * The Dockerfile that builds the container's image, when the workspace says so unambiguously: the builds of the
 * first tool that has any (skaffold, compose) all read the same Dockerfile and target. Several Dockerfiles building
 * one name (a compose variant with another target) leave the link unknown rather than guessed.
 */
export function workloadImageOf(context: RuleContext<KubernetesFile>, container: ContainerView): WorkloadImage | undefined {
  const image = container.image?.string;
  const build = image && !hasVariable(image) ? dockerfileBuildOf(imageBuilds(context.workspace, image, context.file.uri)) : undefined;
  const dockerfile = build && context.workspace.getAs(build.dockerfileUri, 'dockerfile');
  if (!build || !dockerfile) return undefined;
  // Worked out once per build, Dockerfile parse and manifest: every container of a manifest asks, for each rule.
  let known = links.get(build);
  if (known?.dockerfile !== dockerfile) {
    known = { dockerfile, byManifest: new Map() };
    links.set(build, known);
  }
  let link = known.byManifest.get(context.file.uri);
  if (link === undefined) {
    const stage = builtStage(dockerfile.dockerfile, build.target);
    const fromManifest = (uri: string) => relativePath(context.file.uri, uri);
    link = stage ? { build, dockerfile, stage, dockerfilePath: fromManifest(build.dockerfileUri), builtBy: fromManifest(build.sourceUri) } : null;
    known.byManifest.set(context.file.uri, link);
  }
  return link ?? undefined;
}

const links = new WeakMap<ImageBuild, { dockerfile: DockerfileFile; byManifest: Map<string, WorkloadImage | null> }>();
const chosenBuilds = new WeakMap<readonly ImageBuild[], WorkloadImage['build'] | null>();

/** The one Dockerfile build among the builds of an image (see workloadImageOf). */
function dockerfileBuildOf(builds: readonly ImageBuild[]): WorkloadImage['build'] | undefined {
  let chosen = chosenBuilds.get(builds);
  if (chosen === undefined) {
    const withDockerfile = builds.filter((build): build is WorkloadImage['build'] => build.dockerfileUri !== undefined);
    const [first, ...others] = withDockerfile.filter((build) => build.by === withDockerfile[0]?.by);
    const agree = others.every((other) => other.dockerfileUri === first?.dockerfileUri && other.target?.toLowerCase() === first?.target?.toLowerCase());
    chosen = first && agree ? first : null;
    chosenBuilds.set(builds, chosen);
  }
  return chosen ?? undefined;
}

/** `Dockerfile`, `../api/Dockerfile`: the path from the folder of one file to another (both `file:` or alike). */
function relativePath(fromUri: string, toUri: string): string {
  const from = URI.parse(fromUri);
  const to = URI.parse(toUri);
  if (from.scheme !== to.scheme || from.authority !== to.authority) return to.scheme === 'file' ? to.fsPath : toUri;
  return posix.relative(posix.dirname(from.path), to.path) || posix.basename(to.path);
}
