import { posix } from 'node:path';

export type FileKind = 'dockerfile' | 'compose' | 'kubernetes' | 'unknown';

const DOCKERFILE_NAME = /^(?:(?:Dockerfile|Containerfile)(?:\..+)?|.+\.(?:Dockerfile|Containerfile))$/i;
const COMPOSE_NAME = /^(?:docker-)?compose.*\.ya?ml$/i;
const YAML_NAME = /\.ya?ml$/i;

export function baseName(pathOrUri: string): string {
  return posix.basename(pathOrUri.replace(/\\/g, '/'));
}

export function isDockerfileName(pathOrUri: string): boolean {
  return DOCKERFILE_NAME.test(baseName(pathOrUri));
}

export function isComposeName(pathOrUri: string): boolean {
  return COMPOSE_NAME.test(baseName(pathOrUri));
}

export function isYamlName(pathOrUri: string): boolean {
  return YAML_NAME.test(baseName(pathOrUri));
}

/**
 * The kind a file has before its content is read: Dockerfiles and compose files are known by name (or by the
 * editor's language id); any other YAML file may still hold Kubernetes objects or compose content.
 */
export function kindByName(pathOrUri: string, languageId?: string): FileKind | 'yaml' {
  if (languageId === 'dockerfile' || isDockerfileName(pathOrUri)) return 'dockerfile';
  if (languageId === 'dockercompose' || isComposeName(pathOrUri)) return 'compose';
  if (languageId === 'yaml' || isYamlName(pathOrUri)) return 'yaml';
  return 'unknown';
}
