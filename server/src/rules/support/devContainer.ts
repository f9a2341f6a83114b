import type { DockerfileFile } from '../../parsing/containerFile';
import type { DockerfileStage } from '../../parsing/dockerfile';
import { rootStage } from './dockerfile';

/** Microsoft's dev container images, current and former registry paths. */
const DEV_CONTAINER_IMAGE = /^mcr\.microsoft\.com\/(?:vscode\/)?devcontainers\//;

/**
 * Whether the Dockerfile builds a dev container: it sits in a `.devcontainer` folder, builds on a dev container
 * image, or the stage is `dev-envs`, the target Docker Desktop's Dev Environments build. Those stay root by convention; VS Code and the dev container CLI connect as devcontainer.json's
 * `remoteUser` (the images' `vscode` or `node`), and they never run under Kubernetes.
 */
export function isDevContainer(file: DockerfileFile, stage: DockerfileStage): boolean {
  if (/\/\.devcontainer\//.test(file.uri) || stage.name === 'dev-envs') return true;
  const imageStage = rootStage(stage);
  return DEV_CONTAINER_IMAGE.test(imageStage.image?.text ?? imageStage.from.getImage() ?? '');
}
