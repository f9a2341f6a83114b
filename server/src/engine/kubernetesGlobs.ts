import { minimatch } from 'minimatch';
import type { KubernetesSetting } from '../parsing/containerFile';
import { uriToPath } from '../workspace/uri';
import type { KubernetesFilesConfig } from './config';

/**
 * What `kubernetes.files` and `kubernetes.exclude` say of a file; `exclude` wins. Globs are matched as VS Code's
 * `files.associations` are: one without a slash against the file name (`*.k8s.yaml`), one with a slash against the
 * end of the path (`deploy/**\/*.yaml` matches a `deploy` folder anywhere; a leading `/` anchors it at the root).
 */
export function kubernetesSettingOf(uri: string, config: KubernetesFilesConfig | undefined): KubernetesSetting | undefined {
  if (!config?.files?.length && !config?.exclude?.length) return undefined;
  const path = uriToPath(uri)?.replace(/\\/g, '/');
  if (path === undefined) return undefined;
  if (config.exclude?.some((glob) => matches(path, glob))) return 'excluded';
  if (config.files?.some((glob) => matches(path, glob))) return 'included';
  return undefined;
}

function matches(path: string, glob: string): boolean {
  const pattern = glob.includes('/') && !glob.startsWith('/') && !glob.startsWith('**/') ? `**/${glob}` : glob;
  return minimatch(path, pattern, { dot: true, matchBase: !glob.includes('/'), nocase: process.platform === 'win32' });
}
