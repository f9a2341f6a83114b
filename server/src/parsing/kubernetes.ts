import { isMap, isSeq, type YAMLMap } from 'yaml';
import { mapAt, pairOf, scalarValue, type YamlDocument } from './yaml';

/** One Kubernetes object: a YAML document with `apiVersion` and `kind`. */
export interface Manifest {
  document: YamlDocument;
  root: YAMLMap;
  apiVersion: string;
  kind: string;
  name?: string;
}

export interface ContainerEntry {
  container: YAMLMap;
  /** `containers`, `initContainers` or `ephemeralContainers`. */
  field: string;
}

const POD_SPEC_PATHS: Readonly<Record<string, readonly string[]>> = {
  Pod: ['spec'],
  Deployment: ['spec', 'template', 'spec'],
  StatefulSet: ['spec', 'template', 'spec'],
  DaemonSet: ['spec', 'template', 'spec'],
  ReplicaSet: ['spec', 'template', 'spec'],
  ReplicationController: ['spec', 'template', 'spec'],
  Job: ['spec', 'template', 'spec'],
  CronJob: ['spec', 'jobTemplate', 'spec', 'template', 'spec'],
};

export function toManifest(document: YamlDocument): Manifest | undefined {
  const root = document.root;
  const apiVersion = scalarValue(root, 'apiVersion');
  const kind = scalarValue(root, 'kind');
  if (!root || typeof apiVersion !== 'string' || typeof kind !== 'string') return undefined;
  const name = scalarValue(mapAt(root, 'metadata'), 'name');
  return { document, root, apiVersion, kind, name: typeof name === 'string' ? name : undefined };
}

export function podSpecOf(manifest: Manifest): YAMLMap | undefined {
  const path = POD_SPEC_PATHS[manifest.kind];
  return path ? mapAt(manifest.root, ...path) : undefined;
}

/** Every container of a workload's pod template, init and ephemeral containers included. */
export function containersOf(manifest: Manifest): ContainerEntry[] {
  const podSpec = podSpecOf(manifest);
  const entries: ContainerEntry[] = [];
  for (const field of ['initContainers', 'containers', 'ephemeralContainers']) {
    const list = pairOf(podSpec, field)?.value;
    if (!isSeq(list)) continue;
    for (const item of list.items) if (isMap(item)) entries.push({ container: item, field });
  }
  return entries;
}
