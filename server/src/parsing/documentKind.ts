import { posix } from 'node:path';

export type FileKind = 'dockerfile' | 'compose' | 'kubernetes' | 'ecs' | 'render' | 'railway' | 'unknown';

const DOCKERFILE_NAME = /^(?:(?:Dockerfile|Containerfile)(?:\..+)?|.+\.(?:Dockerfile|Containerfile))$/i;
const COMPOSE_NAME = /^(?:docker-)?compose.*\.ya?ml$/i;
const YAML_NAME = /\.ya?ml$/i;
const JSON_NAME = /\.json$/i;
const TASK_DEFINITION_NAME = /task-definition.*\.json$/i;
const RENDER_BLUEPRINT_NAME = /^render\.ya?ml$/i;
const RAILWAY_CONFIG_NAME = /^railway\.json$/i;

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

export function isJsonName(pathOrUri: string): boolean {
  return JSON_NAME.test(baseName(pathOrUri));
}

/** `task-definition.json`, `web-task-definition.prod.json`: an ECS task definition by name, whatever it holds. */
export function isTaskDefinitionName(pathOrUri: string): boolean {
  return TASK_DEFINITION_NAME.test(baseName(pathOrUri));
}

/** Whether a JSON text may be an ECS task definition by content: cheap enough to ask of every JSON file of a workspace. */
export function mentionsContainerDefinitions(text: string): boolean {
  return /"containerDefinitions"\s*:/.test(text);
}

/** `render.yaml`: where Render looks for a Blueprint (https://render.com/docs/blueprint-spec). */
export function isRenderBlueprintName(pathOrUri: string): boolean {
  return RENDER_BLUEPRINT_NAME.test(baseName(pathOrUri));
}

/** `railway.json`: Railway's config as code (https://docs.railway.com/config-as-code/reference); `railway.toml` is not read. */
export function isRailwayConfigName(pathOrUri: string): boolean {
  return RAILWAY_CONFIG_NAME.test(baseName(pathOrUri));
}

/**
 * The kind a file has before its content is read: Dockerfiles and compose files are known by name (or by the
 * editor's language id); any other YAML file may still hold Kubernetes objects or compose content, and a JSON file an ECS task definition.
 */
export function kindByName(pathOrUri: string, languageId?: string): FileKind | 'yaml' | 'json' {
  if (languageId === 'dockerfile' || isDockerfileName(pathOrUri)) return 'dockerfile';
  if (languageId === 'dockercompose' || isComposeName(pathOrUri)) return 'compose';
  // Before the language ids: an editor opens both as plain YAML or JSON.
  if (isRenderBlueprintName(pathOrUri)) return 'render';
  if (isRailwayConfigName(pathOrUri)) return 'railway';
  if (languageId === 'yaml' || isYamlName(pathOrUri)) return 'yaml';
  if (languageId === 'json' || languageId === 'jsonc' || isJsonName(pathOrUri)) return 'json';
  return 'unknown';
}
