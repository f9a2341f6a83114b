import { renderCompose, renderEnvExample } from './templates/compose';
import { renderWorkflow } from './templates/ci';
import { renderDockerfile } from './templates/dockerfile';
import { renderDockerignore } from './templates/dockerignore';
import { renderKubernetes } from './templates/kubernetes';
import type { GeneratedFile, ScaffoldOptions, StackFacts } from './types';

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
  return files;
}
