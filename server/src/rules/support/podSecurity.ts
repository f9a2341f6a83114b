import type { ContainerView, Workload } from '../../parsing/kubernetes';
import type { YamlView } from '../../parsing/yamlView';

/**
 * What the security rules of Kubernetes containers read from a pod: the Linux-only settings, capabilities as the
 * container runtime reads them, and the privileges that make `allowPrivilegeEscalation: false` impossible.
 */

/**
 * A pod that runs on Windows nodes: `spec.os.name: windows` (the API server then rejects the Linux-only fields
 * privileged, allowPrivilegeEscalation, readOnlyRootFilesystem, capabilities and sysctls) or a node selector for
 * Windows nodes (where those fields are ignored). Rules about Linux-only settings have nothing to ask of it.
 */
export function isWindowsPod(workload: Workload): boolean {
  const { podSpec } = workload;
  return podSpec.at('os', 'name')?.string === 'windows' || podSpec.at('nodeSelector', 'kubernetes.io/os')?.string === 'windows';
}

/**
 * A Knative Service deployed to Cloud Run (fully managed): Google's own annotations or labels say so
 * (`run.googleapis.com/…`, `cloud.googleapis.com/location`). Cloud Run runs every container in its gVisor sandbox and
 * accepts no securityContext: the Cloud Run Admin API v1 reference marks SecurityContext "Not supported by Cloud Run"
 * (https://cloud.google.com/run/docs/reference/rest/v1/Container), and the YAML reference
 * (https://cloud.google.com/run/docs/reference/yaml/v1) lists no securityContext for services. Rules that ask for a
 * securityContext setting have nothing the user could write there; the user the image runs as is the Dockerfile's.
 * Knative on a cluster of one's own, which does honour securityContext, carries none of these keys.
 */
export function isCloudRunService(workload: Workload): boolean {
  const { object, podTemplate } = workload;
  if (object.group !== 'serving.knative.dev') return false;
  const keys = [...object.annotations.keys(), ...object.labels.keys(), ...(podTemplate?.at('metadata', 'annotations')?.entries() ?? []).map(([key]) => key)];
  return keys.some((key) => key.startsWith('run.googleapis.com/') || key.startsWith('cloud.googleapis.com/'));
}

/** A capability as containerd and CRI-O read it: case does not matter and the `CAP_` prefix is optional. */
function capabilityName(text: string): string {
  return text.toUpperCase().replace(/^CAP_/, '');
}

export interface WrittenCapability {
  /** Upper case, without `CAP_`: `NET_RAW`, `ALL`. */
  readonly name: string;
  readonly view: YamlView;
}

/** The container's `securityContext.capabilities.add` or `.drop` list (capabilities are never set at pod level). */
export function capabilities(container: ContainerView, list: 'add' | 'drop'): WrittenCapability[] {
  return (container.view.at('securityContext', 'capabilities', list)?.items() ?? []).flatMap((view) => {
    const text = view.text;
    return text === undefined ? [] : [{ name: capabilityName(text), view }];
  });
}

/** Whether the container drops the capability, itself or through `ALL`. */
export function drops(container: ContainerView, capability: string): boolean {
  return capabilities(container, 'drop').some(({ name }) => name === capability || name === 'ALL');
}

/** `privileged: true` of the container, when it is set. */
export function privilegedSetting(container: ContainerView): YamlView | undefined {
  const privileged = container.view.at('securityContext', 'privileged');
  return privileged?.scalar === true ? privileged : undefined;
}

/**
 * What gives the container privilege escalation whatever `allowPrivilegeEscalation` says: `privileged: true` or
 * an added CAP_SYS_ADMIN. The API server rejects `allowPrivilegeEscalation: false` beside either of them.
 */
export function escalationImpliedBy(container: ContainerView): { readonly reason: string; readonly view: YamlView } | undefined {
  const privileged = privilegedSetting(container);
  if (privileged) return { reason: 'privileged: true', view: privileged };
  const sysAdmin = capabilities(container, 'add').find(({ name }) => name === 'SYS_ADMIN' || name === 'ALL');
  return sysAdmin ? { reason: `the added capability ${sysAdmin.view.text}`, view: sysAdmin.view } : undefined;
}

/** How a finding names the container: `container "web" of Deployment "shop"`, `init container "migrate" of …`. */
export function describeContainer(container: ContainerView): string {
  const role = container.field === 'initContainers' ? 'init container' : container.field === 'ephemeralContainers' ? 'ephemeral container' : 'container';
  return `${role} "${container.name || '?'}" of ${describeWorkload(container.workload)}`;
}

/** `Deployment "shop"`, or the kind alone when the object has no name. */
export function describeWorkload(workload: Workload): string {
  const { kind, name } = workload.object;
  return name ? `${kind} "${name}"` : kind;
}

export interface HostPathVolume {
  readonly workload: Workload;
  /** The volume's name, '?' when it has none. */
  readonly name: string;
  /** The path as written, normalised: no repeated or trailing slashes (`/var/run/`, `//etc` → `/var/run`, `/etc`). */
  readonly path: string;
  readonly pathView: YamlView;
}

/** The pod's hostPath volumes that name a path. */
export function hostPathVolumes(workload: Workload): HostPathVolume[] {
  return (workload.podSpec.get('volumes')?.items() ?? []).flatMap((volume) => {
    const pathView = volume.at('hostPath', 'path');
    const path = pathView?.string;
    if (!pathView || path === undefined) return [];
    return [{ workload, name: volume.get('name')?.text ?? '?', path: path.replace(/\/+/g, '/').replace(/(.)\/$/, '$1'), pathView }];
  });
}
