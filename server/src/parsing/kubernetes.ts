import type { Range } from 'vscode-languageserver-types';
import type { YamlDocument } from './yaml';
import { YamlView } from './yamlView';

/** One Kubernetes object: a YAML document whose top-level mapping has `apiVersion` and `kind`. */
export interface KubernetesObject {
  readonly document: YamlDocument;
  /** The document's top-level mapping. */
  readonly view: YamlView;
  readonly apiVersion: string;
  readonly kind: string;
  /** The API group: `apps` for `apps/v1`, '' for the core group (`v1`). */
  readonly group: string;
  readonly name?: string;
  readonly namespace?: string;
  readonly labels: ReadonlyMap<string, string>;
  readonly annotations: ReadonlyMap<string, string>;
  /** Where a finding about the whole object goes: its `metadata.name`, else its `kind`. */
  readonly anchorRange: Range;
}

/** An object that runs pods: a bare Pod, a controller with a pod template, or a Knative Service. */
export interface Workload {
  readonly object: KubernetesObject;
  /** The pod spec (`spec` of a Pod, `spec.template.spec` of a Deployment, …). */
  readonly podSpec: YamlView;
  /** The pod template (`metadata` + `spec`); undefined for a bare Pod, whose object is the pod. */
  readonly podTemplate?: YamlView;
  /** The labels its pods carry: the template's, or a bare Pod's own. */
  readonly podLabels: ReadonlyMap<string, string>;
  /** `spec.selector` of a controller. */
  readonly selector?: YamlView;
  /**
   * Whether its pods are meant to keep running (Deployment, StatefulSet, DaemonSet, ReplicaSet, a bare Pod that
   * restarts, a Knative Service), rather than run to completion (Job, CronJob, a Pod with restartPolicy Never or
   * OnFailure): probes only make sense for the former.
   */
  readonly longRunning: boolean;
}

export type ContainerField = 'initContainers' | 'containers' | 'ephemeralContainers';

export interface ContainerPort {
  readonly name?: string;
  readonly number?: number;
  readonly protocol: string;
  readonly view: YamlView;
}

export interface EnvVar {
  readonly name: string;
  readonly view: YamlView;
  readonly nameView?: YamlView;
  /** A literal `value:`. */
  readonly value?: YamlView;
  readonly valueFrom?: YamlView;
}

/** Where a security setting of a container comes from: its own securityContext wins over the pod's. */
export interface EffectiveSetting {
  readonly value: YamlView;
  readonly level: 'container' | 'pod';
}

/** Settings a pod's securityContext gives every container that does not set them itself. */
const POD_LEVEL_SECURITY = new Set(['runAsNonRoot', 'runAsUser', 'runAsGroup', 'seccompProfile', 'seLinuxOptions', 'appArmorProfile', 'windowsOptions']);

export class ContainerView {
  constructor(
    readonly workload: Workload,
    readonly view: YamlView,
    readonly field: ContainerField,
  ) {}

  get name(): string {
    return this.view.get('name')?.text ?? '';
  }

  /** Where a finding about the whole container goes: its name, else the start of its entry. */
  get anchorRange(): Range {
    const name = this.view.get('name');
    if (name?.isScalar) return name.range;
    const range = this.view.range;
    return { start: range.start, end: range.start };
  }

  /**
   * Where a finding about one of the container's keys goes: that key where the container writes it, else its name.
   * Findings about different keys then sit apart, and the cursor on a key brings up the fixes of that key.
   */
  keyRangeOr(field: string): Range {
    return this.view.get(field)?.keyRange ?? this.anchorRange;
  }

  get image(): YamlView | undefined {
    return this.view.get('image');
  }

  get isInit(): boolean {
    return this.field !== 'containers';
  }

  /** `readinessProbe`, `livenessProbe`, `startupProbe`, `resources`, `securityContext`, … as written in the container. */
  get(field: string): YamlView | undefined {
    return this.view.get(field);
  }

  /** Read once: the container is kept while its document's text is unchanged, and most rules ask for its ports. */
  get ports(): readonly ContainerPort[] {
    this.portList ??= (this.view.get('ports')?.items() ?? []).map((view) => {
      const number = view.get('containerPort')?.scalar;
      return {
        view,
        name: view.get('name')?.string,
        number: typeof number === 'number' ? number : undefined,
        protocol: view.get('protocol')?.string ?? 'TCP',
      };
    });
    return this.portList;
  }

  private portList?: readonly ContainerPort[];

  /** Read once, as ports. */
  get env(): readonly EnvVar[] {
    this.envList ??= (this.view.get('env')?.items() ?? []).flatMap((view) => {
      const nameView = view.get('name');
      const name = nameView?.text;
      if (name === undefined) return [];
      return [{ name, view, nameView, value: view.get('value'), valueFrom: view.get('valueFrom') }];
    });
    return this.envList;
  }

  private envList?: readonly EnvVar[];

  /**
   * A securityContext field as the kubelet sees it: the container's own, or for the fields a pod may set for all its
   * containers (runAsNonRoot, runAsUser, …), the pod's.
   */
  security(field: string): EffectiveSetting | undefined {
    const own = this.view.at('securityContext', field);
    if (own && own.scalar !== null) return { value: own, level: 'container' };
    if (!POD_LEVEL_SECURITY.has(field)) return undefined;
    const pod = this.workload.podSpec.at('securityContext', field);
    return pod && pod.scalar !== null ? { value: pod, level: 'pod' } : undefined;
  }
}

/**
 * Where each workload kind keeps its pod template, and the API groups that define the kind (a custom resource may
 * reuse a built-in kind's name; removed groups such as `extensions` still describe the same object).
 */
const POD_TEMPLATE_PATHS: Readonly<Record<string, { readonly path: readonly string[]; readonly longRunning: boolean; readonly groups: readonly string[] }>> = {
  Deployment: { path: ['spec', 'template'], longRunning: true, groups: ['apps', 'extensions'] },
  StatefulSet: { path: ['spec', 'template'], longRunning: true, groups: ['apps'] },
  DaemonSet: { path: ['spec', 'template'], longRunning: true, groups: ['apps', 'extensions'] },
  ReplicaSet: { path: ['spec', 'template'], longRunning: true, groups: ['apps', 'extensions'] },
  ReplicationController: { path: ['spec', 'template'], longRunning: true, groups: [''] },
  Job: { path: ['spec', 'template'], longRunning: false, groups: ['batch'] },
  CronJob: { path: ['spec', 'jobTemplate', 'spec', 'template'], longRunning: false, groups: ['batch'] },
  Service: { path: ['spec', 'template'], longRunning: true, groups: ['serving.knative.dev'] },
};

const objectOfDocument = new WeakMap<YamlDocument, KubernetesObject | null>();

/** The document as a Kubernetes object; undefined when its top level lacks a string apiVersion or kind. */
export function kubernetesObjectOf(document: YamlDocument): KubernetesObject | undefined {
  const cached = objectOfDocument.get(document);
  if (cached !== undefined) return cached ?? undefined;
  const object = readObject(document);
  objectOfDocument.set(document, object ?? null);
  return object;
}

function readObject(document: YamlDocument): KubernetesObject | undefined {
  const view = YamlView.root(document);
  const apiVersion = view?.get('apiVersion')?.string;
  const kindView = view?.get('kind');
  const kind = kindView?.string;
  if (!view?.isMap || !apiVersion || !kind || !kindView) return undefined;
  const metadata = view.get('metadata');
  const nameView = metadata?.get('name');
  return {
    document,
    view,
    apiVersion,
    kind,
    group: apiVersion.includes('/') ? apiVersion.slice(0, apiVersion.lastIndexOf('/')) : '',
    name: nameView?.text,
    namespace: metadata?.get('namespace')?.text,
    labels: stringMap(metadata?.get('labels')),
    annotations: stringMap(metadata?.get('annotations')),
    // Worked out when asked for: the object is kept with its document, which moves as lines are added above it.
    get anchorRange() {
      return nameView?.isScalar ? nameView.range : kindView.range;
    },
  };
}

/** A mapping of strings (labels, annotations, selectors), numbers and booleans written as text. */
export function stringMap(view: YamlView | undefined): ReadonlyMap<string, string> {
  const map = new Map<string, string>();
  for (const [key, value] of view?.entries() ?? []) {
    const text = value.text;
    if (text !== undefined) map.set(key, text);
  }
  return map;
}

const workloadOfObject = new WeakMap<KubernetesObject, Workload | null>();

/** The object as a workload, when it runs pods and its pod spec is a mapping. */
export function workloadOf(object: KubernetesObject): Workload | undefined {
  const cached = workloadOfObject.get(object);
  if (cached !== undefined) return cached ?? undefined;
  const workload = readWorkload(object);
  workloadOfObject.set(object, workload ?? null);
  return workload;
}

function readWorkload(object: KubernetesObject): Workload | undefined {
  if (object.kind === 'Pod' && object.group === '') {
    const podSpec = object.view.get('spec');
    if (!podSpec?.isMap) return undefined;
    const restartPolicy = podSpec.get('restartPolicy')?.string;
    return { object, podSpec, podLabels: object.labels, longRunning: restartPolicy !== 'Never' && restartPolicy !== 'OnFailure' };
  }
  const shape = POD_TEMPLATE_PATHS[object.kind];
  if (!shape?.groups.includes(object.group)) return undefined;
  const podTemplate = object.view.at(...shape.path);
  const podSpec = podTemplate?.get('spec');
  if (!podTemplate?.isMap || !podSpec?.isMap) return undefined;
  return {
    object,
    podSpec,
    podTemplate,
    podLabels: stringMap(podTemplate.at('metadata', 'labels')),
    selector: object.view.at('spec', 'selector'),
    longRunning: shape.longRunning,
  };
}

const containersOfWorkload = new WeakMap<Workload, ContainerView[]>();

/** Every container of the workload's pods: init containers, containers and ephemeral containers, in that order. */
export function containersOf(workload: Workload): ContainerView[] {
  let containers = containersOfWorkload.get(workload);
  if (!containers) {
    containers = (['initContainers', 'containers', 'ephemeralContainers'] as const).flatMap((field) =>
      (workload.podSpec.get(field)?.items() ?? []).filter((item) => item.isMap).map((item) => new ContainerView(workload, item, field)),
    );
    containersOfWorkload.set(workload, containers);
  }
  return containers;
}

/** The long-running containers that serve: what probes are for (not init, not ephemeral, not in Jobs). */
export function isServingContainer(container: ContainerView): boolean {
  return container.workload.longRunning && container.field === 'containers';
}
