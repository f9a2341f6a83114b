import { renderCompose, renderEnvExample } from './templates/compose';
import { renderWorkflow } from './templates/ci';
import { renderDockerfile } from './templates/dockerfile';
import { renderDockerignore } from './templates/dockerignore';
import { renderKubernetes } from './templates/kubernetes';
import { renderCloudRun } from './templates/platforms/cloudRun';
import { renderEcsTaskDefinition } from './templates/platforms/ecs';
import { renderRailway } from './templates/platforms/railway';
import { renderRenderBlueprint } from './templates/platforms/render';
import { withDevelopmentStage } from './developmentStage';
import { writablePaths } from './templates/dockerfile';
import { withVolumes } from './volumeDeclaration';
import { type GeneratedFile, PLATFORM_DETAILS, PLATFORMS, type Platform, type ScaffoldOptions, type StackFacts, type Target } from './types';

/** The project's files: `existing` gives a file's text, undefined when it is missing. */
export type ExistingText = (path: string) => string | undefined;

const NOTHING_EXISTS: ExistingText = () => undefined;

/**
 * Every file of the chosen path, in a fixed order: pure, so the editor commands and the CLI write the same. Only
 * `.gitignore` depends on what exists: it gains a `.env` line where secrets go there.
 */
export function renderScaffold(facts: StackFacts, options: ScaffoldOptions, existing: ExistingText = NOTHING_EXISTS): GeneratedFile[] {
  const files: GeneratedFile[] = [
    { path: 'Dockerfile', text: renderDockerfile(facts, options) },
    { path: '.dockerignore', text: renderDockerignore(facts) },
  ];
  if (options.targets.includes('compose')) {
    files.push({ path: 'compose.yaml', text: renderCompose(facts, options) });
    const envExample = renderEnvExample(options);
    if (envExample) {
      files.push({ path: '.env.example', text: envExample });
      const gitignore = gitignoreWithDotEnv(existing('.gitignore'));
      if (gitignore !== undefined) files.push({ path: '.gitignore', text: gitignore });
    }
  }
  if (options.targets.includes('kubernetes')) files.push(...renderKubernetes(facts, options));
  if (options.targets.includes('ci')) files.push({ path: '.github/workflows/container.yml', text: renderWorkflow(facts) });
  for (const platform of PLATFORMS) {
    if (options.targets.includes(platform)) files.push({ path: PLATFORM_DETAILS[platform].path, text: PLATFORM_RENDERERS[platform](facts, options) });
  }
  return files;
}

const PLATFORM_RENDERERS: Readonly<Record<Platform, (facts: StackFacts, options: ScaffoldOptions) => string>> = {
  'cloud-run': renderCloudRun,
  ecs: renderEcsTaskDefinition,
  render: renderRenderBlueprint,
  railway: renderRailway,
};

/** An editor command: the Dockerfile alone, or one step of the path (which needs a Dockerfile to build). */
export type ScaffoldCommand = 'dockerfile' | Target;

const BASE_FILES = new Set(['Dockerfile', '.dockerignore']);

/**
 * What one editor command proposes, given the project's files (`existing` gives a file's text, undefined when it is
 * missing): its own files; the Dockerfile and `.dockerignore` only where they are missing, or the user's Dockerfile
 * with what the command needs of it (Compose: the `development` stage it targets; ECS: VOLUMEs on the paths the task
 * definition mounts writable); and `.gitignore` gaining `.env` where secrets go there.
 */
export function renderCommand(command: ScaffoldCommand, facts: StackFacts, options: ScaffoldOptions, existing: ExistingText): GeneratedFile[] {
  const targets = command === 'dockerfile' ? [] : [command];
  const files = renderScaffold(facts, { ...options, targets }, existing);
  if (command === 'dockerfile') return files;
  return files.flatMap((file): GeneratedFile[] => {
    const current = existing(file.path);
    if (current === undefined || file.path === '.gitignore') return [file];
    if (file.path === 'Dockerfile') {
      const updated = command === 'compose' ? withDevelopmentStage(current) : command === 'ecs' ? withVolumes(current, writablePaths(facts)) : undefined;
      return updated === undefined ? [] : [{ path: file.path, text: updated }];
    }
    return BASE_FILES.has(file.path) ? [] : [file];
  });
}

/** `.gitignore` with a line that keeps `.env` out of the repository; undefined when it has one already. */
function gitignoreWithDotEnv(current: string | undefined): string | undefined {
  if (current === undefined) return '.env\n';
  if (current.split(/\r?\n/).some((line) => /^\/?\.env\*?$/.test(line.trim()))) return undefined;
  const eol = current.includes('\r\n') ? '\r\n' : '\n';
  return `${current}${current === '' || current.endsWith('\n') ? '' : eol}.env${eol}`;
}
