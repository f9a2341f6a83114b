import { notReadyAsUndefined } from '../engine/runRule';
import type { ContainerFile } from '../parsing/containerFile';
import { entriesOf, type IndexedObject } from '../workspace/kubernetesEntries';
import { kubernetesIndexOf } from '../workspace/kubernetesIndex';
import type { Workspace } from '../workspace/workspace';

/**
 * The Kubernetes objects defined in the file (as the editor has it now) and in the other files of the workspace, for
 * completions of the names that references take: the workspace's index of objects, which the cross-resource rules
 * keep, so no file is parsed twice for it. Objects whose name is a template (`{{ .Release.Name }}`) name nothing yet
 * and are left out.
 */
export function definedObjects(file: ContainerFile, workspace: Workspace | undefined): IndexedObject[] {
  const here = entriesOf(file).filter((entry) => !entry.derived);
  // While the index is being built (a first completion in a large workspace), the file's own names only.
  const elsewhere = workspace && notReadyAsUndefined(() => kubernetesIndexOf(workspace).definedObjects());
  return [...here, ...(elsewhere ?? []).filter((entry) => entry.uri !== file.uri)];
}
