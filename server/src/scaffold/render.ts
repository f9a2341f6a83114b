import { renderCompose, renderEnvExample } from './templates/compose';
import { renderWorkflow } from './templates/ci';
import { renderDockerfile } from './templates/dockerfile';
import { renderDockerignore } from './templates/dockerignore';
import { renderKubernetes } from './templates/kubernetes';
import { renderCloudRun } from './templates/platforms/cloudRun';
import { renderEcsTaskDefinition } from './templates/platforms/ecs';
import { renderRailway } from './templates/platforms/railway';
import { renderRenderBlueprint } from './templates/platforms/render';
import { type GeneratedFile, PLATFORM_DETAILS, PLATFORMS, type Platform, type ScaffoldOptions, type StackFacts } from './types';

/** Every file of the chosen path, in a fixed order: pure, so the editor commands and the CLI write the same. */
export function renderScaffold(facts: StackFacts, options: ScaffoldOptions): GeneratedFile[] {
  const files: GeneratedFile[] = [
    { path: 'Dockerfile', text: renderDockerfile(facts, options) },
    { path: '.dockerignore', text: renderDockerignore(facts) },
  ];
  if (options.targets.includes('compose')) {
    files.push({ path: 'compose.yaml', text: renderCompose(facts, options) });
    const envExample = renderEnvExample(options);
    if (envExample) files.push({ path: '.env.example', text: envExample });
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
