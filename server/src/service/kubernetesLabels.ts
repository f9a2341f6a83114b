import { stringMap, type KubernetesObject } from '../parsing/kubernetes';
import { type IndexedObject, namespacesMeet } from '../workspace/kubernetesEntries';
import type { YamlPath } from './yamlCursor';

/** A label a label map (or selector) may take, with where it comes from. */
export interface LabelSuggestion {
  readonly key: string;
  /** Undefined for a recommended key, whose value is the user's. */
  readonly value?: string;
  readonly detail: string;
}

/** Where controllers keep their pod template. */
const POD_TEMPLATES: Readonly<Record<string, readonly string[]>> = {
  Deployment: ['spec', 'template'],
  StatefulSet: ['spec', 'template'],
  DaemonSet: ['spec', 'template'],
  ReplicaSet: ['spec', 'template'],
  Job: ['spec', 'template'],
  CronJob: ['spec', 'jobTemplate', 'spec', 'template'],
};

/** The labels Kubernetes recommends every object carry (kubernetes.io/docs/concepts/overview/working-with-objects/common-labels). */
const RECOMMENDED_LABELS: readonly (readonly [string, string])[] = [
  ['app.kubernetes.io/name', 'The name of the application'],
  ['app.kubernetes.io/instance', 'A unique name identifying the instance of an application'],
  ['app.kubernetes.io/version', 'The current version of the application'],
  ['app.kubernetes.io/component', 'The component within the architecture (database, frontend, …)'],
  ['app.kubernetes.io/part-of', 'The name of a higher level application this one is part of'],
  ['app.kubernetes.io/managed-by', 'The tool being used to manage the operation of an application'],
];

function samePath(path: YamlPath, expected: readonly (string | number)[]): boolean {
  return path.length === expected.length && expected.every((segment, index) => path[index] === segment);
}

/**
 * The labels that fit the label map at `mapPath`, or undefined when it is no label map: a controller's selector
 * takes its pod template's labels and the other way round; an object's own labels take its pods' and the recommended
 * keys; a Service's selector and any other `matchLabels` take the labels of pods defined in the workspace.
 */
export function labelSuggestions(
  mapPath: YamlPath,
  object: KubernetesObject | undefined,
  kind: string | undefined,
  workspaceObjects: () => readonly IndexedObject[],
): LabelSuggestion[] | undefined {
  const template = kind === undefined ? undefined : POD_TEMPLATES[kind];
  const own = (path: readonly string[], detail: string) =>
    [...stringMap(object?.view.at(...path))].map(([key, value]) => ({ key, value, detail }) satisfies LabelSuggestion);
  const recommended = RECOMMENDED_LABELS.map(([key, detail]) => ({ key, detail }));
  if (template && samePath(mapPath, ['spec', 'selector', 'matchLabels'])) return own([...template, 'metadata', 'labels'], 'pod template label');
  if (template && samePath(mapPath, [...template, 'metadata', 'labels'])) return [...own(['spec', 'selector', 'matchLabels'], 'selector'), ...recommended];
  if (samePath(mapPath, ['metadata', 'labels'])) return [...(template ? own([...template, 'metadata', 'labels'], 'pod template label') : []), ...recommended];
  const isServiceSelector = kind === 'Service' && object?.group !== 'serving.knative.dev' && samePath(mapPath, ['spec', 'selector']);
  if (isServiceSelector || mapPath.at(-1) === 'matchLabels') return podLabels(object?.namespace, workspaceObjects());
  return undefined;
}

/** The labels of the pods of every workload that may share the namespace, once each. */
function podLabels(namespace: string | undefined, objects: readonly IndexedObject[]): LabelSuggestion[] {
  const seen = new Map<string, LabelSuggestion>();
  for (const object of objects) {
    if (!object.podLabels || !namespacesMeet(namespace, object.namespace)) continue;
    for (const [key, value] of object.podLabels) {
      const pair = `${key}\0${value}`;
      if (!seen.has(pair)) seen.set(pair, { key, value, detail: `pods of ${object.kind}/${object.name}` });
    }
  }
  return [...seen.values()];
}
