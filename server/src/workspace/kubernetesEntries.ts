import type { ContainerFile } from '../parsing/containerFile';
import { containersOf, kubernetesObjectOf, type KubernetesObject, stringMap, workloadOf } from '../parsing/kubernetes';
import type { YamlDocument } from '../parsing/yaml';
import { YamlView } from '../parsing/yamlView';
import { isKustomizationName } from './buildConfigs';

/**
 * What the workspace index keeps of one object: enough to answer "is there a Secret named x", "which pods carry these
 * labels", "what scales this Deployment", without keeping the file's parse. Objects that other objects create are
 * entries too (the Secret of a SealedSecret, the ConfigMap of a kustomize generator), marked `derived`.
 */
export interface IndexedObject {
  readonly uri: string;
  readonly kind: string;
  /** The API group: '' for the core group. */
  readonly group: string;
  readonly name: string;
  /** As written; unset means "the namespace it is applied to", which matches any (see `namespacesMeet`). */
  readonly namespace?: string;
  /** Made by another object (a SealedSecret's Secret): its data keys are not known. */
  readonly derived?: boolean;
  /** The labels of the pods it runs: a workload's pod template, or any object with `spec.template.metadata.labels`. */
  readonly podLabels?: ReadonlyMap<string, string>;
  /** `spec.replicas`: undefined when unset, null when written as something other than a number. */
  readonly replicas?: number | null;
  /** The keys of a ConfigMap's or Secret's data, for references to one key. */
  readonly dataKeys?: ReadonlySet<string>;
  /** The ports a workload's containers declare, for completing a Service's targetPort. */
  readonly containerPorts?: readonly DeclaredPort[];
  /** A Service's ports, for Ingress backends that name one. */
  readonly servicePorts?: readonly { readonly name?: string; readonly port?: number }[];
  /** What an autoscaler (HorizontalPodAutoscaler, KEDA ScaledObject) scales, and its least replica count. */
  readonly scaleTarget?: { readonly kind: string; readonly name: string; readonly minReplicas: number };
  /** The images of the workload's containers that have a readiness or liveness probe (Kubernetes ignores HEALTHCHECK). */
  readonly probedImages?: readonly string[];
}

/** A port a container declares. */
export interface DeclaredPort {
  readonly name?: string;
  readonly number?: number;
  readonly container: string;
}

/**
 * Whether two objects may share a namespace. An object without `namespace` lands in whatever namespace it is applied
 * to (`kubectl -n`, a kustomization's `namespace:`), so it may meet any other; two written namespaces must be equal.
 * Treating unset as `default` would report references between files that a kustomization puts together.
 */
export function namespacesMeet(one: string | undefined, other: string | undefined): boolean {
  return one === undefined || other === undefined || one === other;
}

/** A custom resource's API group (`monitoring.coreos.com`), not one of Kubernetes' own (`apps`, `networking.k8s.io`). */
export function isCustomGroup(group: string): boolean {
  return group.includes('.') && !group.endsWith('.k8s.io');
}

/** Files that may hold Kubernetes objects say so in their text: a cheap test before parsing a closed file. */
export function mayHoldObjects(uri: string, text: string): boolean {
  return isKustomizationName(uri) || (text.includes('kind') && text.includes('apiVersion'));
}

/** The index entries of a parsed file: its objects, and what they and a kustomization's generators define. */
export function entriesOf(file: ContainerFile): IndexedObject[] {
  if (!('yaml' in file) || !file.yaml) return [];
  // Objects of a document that does not parse are left out, as the rules leave them (objectsHere).
  const documents = file.yaml.documents.filter((document) => document.parsed.errors.length === 0);
  // A kustomization may leave out apiVersion and kind; one that has them is recognised by them wherever it is.
  if (isKustomizationName(file.uri)) return documents.flatMap((document) => kustomizeGenerated(file.uri, document));
  if (file.kind === 'kubernetes') return documents.flatMap((document) => cachedEntries(file.uri, document));
  // A file of tool configurations (parsing/kubernetesFiles.ts) holds no object, but a Kustomization among them generates some.
  if (file.kind === 'unknown' && file.notManifest === 'tool-config')
    return documents.filter(isKustomization).flatMap((document) => kustomizeGenerated(file.uri, document));
  return [];
}

/** A re-parsed file keeps the parse of its unchanged documents (parseYamlFile): their entries are kept with it. */
const entriesOfParse = new WeakMap<YamlDocument['parsed'], { uri: string; entries: IndexedObject[] }>();

function isKustomization(document: YamlDocument): boolean {
  const object = kubernetesObjectOf(document);
  return object?.kind === 'Kustomization' && object.group === 'kustomize.config.k8s.io';
}

function cachedEntries(uri: string, document: YamlDocument): IndexedObject[] {
  const cached = entriesOfParse.get(document.parsed);
  if (cached?.uri === uri) return cached.entries;
  const object = kubernetesObjectOf(document);
  const entries = isKustomization(document) ? kustomizeGenerated(uri, document) : object ? objectEntries(uri, object) : [];
  entriesOfParse.set(document.parsed, { uri, entries });
  return entries;
}

function objectEntries(uri: string, object: KubernetesObject): IndexedObject[] {
  const { kind, group, name, namespace, view } = object;
  // A name with a template action is not the name the object will have.
  if (!name || name.includes('{{')) return [];
  const spec = view.get('spec');
  const entry: IndexedObject = {
    uri,
    kind,
    group,
    name,
    namespace,
    podLabels: podLabelsOf(object),
    replicas: replicasOf(spec),
    dataKeys: (kind === 'ConfigMap' || kind === 'Secret') && group === '' ? dataKeysOf(view) : undefined,
    containerPorts: containerPortsOf(object),
    probedImages: probedImagesOf(object),
    servicePorts: kind === 'Service' && group === '' ? servicePortsOf(spec) : undefined,
    scaleTarget: scaleTargetOf(object),
  };
  return [entry, ...createdSecrets(object).map((secretName) => ({ uri, kind: 'Secret', group: '', name: secretName, namespace, derived: true }))];
}

function podLabelsOf(object: KubernetesObject): ReadonlyMap<string, string> | undefined {
  const workload = workloadOf(object);
  if (workload) return workload.podLabels;
  // Controllers the model does not know (Argo Rollouts, OpenKruise, …) keep pods the same way.
  const labels = object.view.at('spec', 'template', 'metadata', 'labels');
  return labels?.isMap ? stringMap(labels) : undefined;
}

function containerPortsOf(object: KubernetesObject): DeclaredPort[] | undefined {
  const workload = workloadOf(object);
  return workload && containersOf(workload).flatMap((container) => container.ports.map(({ name, number }) => ({ name, number, container: container.name })));
}

function probedImagesOf(object: KubernetesObject): string[] | undefined {
  const workload = workloadOf(object);
  return (
    workload &&
    containersOf(workload)
      .filter((container) => !container.isInit && (container.get('readinessProbe') || container.get('livenessProbe')))
      .flatMap((container) => container.image?.string ?? [])
  );
}

function replicasOf(spec: YamlView | undefined): number | null | undefined {
  const replicas = spec?.get('replicas');
  if (!replicas || replicas.scalar === null) return undefined;
  return typeof replicas.scalar === 'number' ? replicas.scalar : null;
}

function dataKeysOf(view: YamlView): ReadonlySet<string> {
  return new Set(
    ['data', 'stringData', 'binaryData'].flatMap(
      (field) =>
        view
          .get(field)
          ?.entries()
          .map(([key]) => key) ?? [],
    ),
  );
}

function servicePortsOf(spec: YamlView | undefined): IndexedObject['servicePorts'] {
  return (spec?.get('ports')?.items() ?? []).map((port) => {
    const number = port.get('port')?.scalar;
    return { name: port.get('name')?.string, port: typeof number === 'number' ? number : undefined };
  });
}

function scaleTargetOf({ kind, group, view }: KubernetesObject): IndexedObject['scaleTarget'] {
  const isHpa = kind === 'HorizontalPodAutoscaler' && group === 'autoscaling';
  const isKeda = kind === 'ScaledObject' && group === 'keda.sh';
  if (!isHpa && !isKeda) return undefined;
  const target = view.at('spec', 'scaleTargetRef');
  // KEDA scales a Deployment unless told otherwise; an HPA must name the kind.
  const targetKind = target?.get('kind')?.string ?? (isKeda ? 'Deployment' : undefined);
  const name = target?.get('name')?.text;
  if (!targetKind || !name) return undefined;
  const least = view.at('spec', isHpa ? 'minReplicas' : 'minReplicaCount')?.scalar;
  return { kind: targetKind, name, minReplicas: typeof least === 'number' ? least : isHpa ? 1 : 0 };
}

/** Secrets that tools create from an object of theirs, under the name they give them. */
function createdSecrets({ kind, group, name, view }: KubernetesObject): string[] {
  const created = (() => {
    if (kind === 'SealedSecret' && group === 'bitnami.com') return name;
    if (kind === 'ExternalSecret' && group.endsWith('external-secrets.io')) return view.at('spec', 'target', 'name')?.text ?? name;
    if (kind === 'Certificate' && group === 'cert-manager.io') return view.at('spec', 'secretName')?.text;
    return undefined;
  })();
  return created && !created.includes('{{') ? [created] : [];
}

/**
 * The ConfigMaps and Secrets a kustomization's generators make. Kustomize appends a hash to their names and rewrites
 * the references of the resources it builds, which name them without it.
 */
function kustomizeGenerated(uri: string, document: YamlDocument): IndexedObject[] {
  const root = YamlView.root(document);
  if (!root?.isMap) return [];
  const namespace = root.get('namespace')?.text;
  return (
    [
      ['configMapGenerator', 'ConfigMap'],
      ['secretGenerator', 'Secret'],
    ] as const
  ).flatMap(([field, kind]) =>
    (root.get(field)?.items() ?? []).flatMap((generator) => {
      const name = generator.get('name')?.text;
      return name ? [{ uri, kind, group: '', name, namespace: generator.get('namespace')?.text ?? namespace, derived: true }] : [];
    }),
  );
}
