import type { KubernetesObject } from '../parsing/kubernetes';
import type { YamlView } from '../parsing/yamlView';
import type { YamlPath } from './yamlCursor';

/**
 * What the value at a place of a Kubernetes object names: an object of a kind (a Secret, a ConfigMap, a Service), a
 * key of the ConfigMap or Secret that a sibling `name` names, a port of a container or of a Service.
 */
export type Reference =
  | { readonly type: 'object'; readonly kind: string }
  | { readonly type: 'dataKey'; readonly kind: string; readonly objectName?: string }
  | { readonly type: 'servicePort'; readonly field: 'name' | 'number'; readonly serviceName?: string }
  | { readonly type: 'containerPort'; readonly container?: YamlView }
  | { readonly type: 'podPort' };

/** `#` stands for any list index. */
type Pattern = readonly string[];

/** Places whose value names an object of a kind, by how their path ends (wherever they sit: pods, CRDs). */
const OBJECT_NAMES: readonly (readonly [Pattern, string])[] = [
  [['secretKeyRef', 'name'], 'Secret'],
  [['configMapKeyRef', 'name'], 'ConfigMap'],
  [['secretRef', 'name'], 'Secret'],
  [['configMapRef', 'name'], 'ConfigMap'],
  [['secret', 'secretName'], 'Secret'],
  [['configMap', 'name'], 'ConfigMap'],
  [['sources', '#', 'secret', 'name'], 'Secret'],
  [['persistentVolumeClaim', 'claimName'], 'PersistentVolumeClaim'],
  [['imagePullSecrets', '#', 'name'], 'Secret'],
  [['serviceAccountName'], 'ServiceAccount'],
  [['backend', 'service', 'name'], 'Service'],
  [['defaultBackend', 'service', 'name'], 'Service'],
  [['backend', 'serviceName'], 'Service'],
  [['tls', '#', 'secretName'], 'Secret'],
  [['priorityClassName'], 'PriorityClass'],
  [['storageClassName'], 'StorageClass'],
  [['ingressClassName'], 'IngressClass'],
  [['runtimeClassName'], 'RuntimeClass'],
];

/** Places whose value is a key of the ConfigMap or Secret named beside it (or, for volume items, above it). */
const DATA_KEYS: readonly (readonly [Pattern, string, namePath: readonly (string | number)[]])[] = [
  [['secretKeyRef', 'key'], 'Secret', ['name']],
  [['configMapKeyRef', 'key'], 'ConfigMap', ['name']],
  [['secret', 'items', '#', 'key'], 'Secret', ['..', '..', 'secretName']],
  [['configMap', 'items', '#', 'key'], 'ConfigMap', ['..', '..', 'name']],
];

const PROBES = new Set(['livenessProbe', 'readinessProbe', 'startupProbe', 'postStart', 'preStop']);
const CONTAINER_FIELDS = new Set(['containers', 'initContainers', 'ephemeralContainers']);

function endsWith(path: YamlPath, pattern: Pattern): boolean {
  if (path.length < pattern.length) return false;
  const tail = path.slice(path.length - pattern.length);
  return pattern.every((segment, index) => (segment === '#' ? typeof tail[index] === 'number' : tail[index] === segment));
}

/** What the scalar at `path` of the object names, reading what it needs from the object as parsed. */
export function referenceAt(path: YamlPath, object: KubernetesObject | undefined, kind: string | undefined): Reference | undefined {
  const siblings = (...relative: readonly (string | number)[]) => object?.view.at(...resolvePath(path.slice(0, -1), relative));
  for (const [pattern, named] of OBJECT_NAMES) if (endsWith(path, pattern)) return { type: 'object', kind: named };
  for (const [pattern, named, namePath] of DATA_KEYS) {
    if (endsWith(path, pattern)) return { type: 'dataKey', kind: named, ...optional('objectName', siblings(...namePath)?.text) };
  }
  // StatefulSet's governing Service; what an autoscaler scales; the role a binding grants; a subject's account.
  if (kind === 'StatefulSet' && path.length === 2 && path[0] === 'spec' && path[1] === 'serviceName') return { type: 'object', kind: 'Service' };
  if (endsWith(path, ['scaleTargetRef', 'name']) || endsWith(path, ['roleRef', 'name']) || endsWith(path, ['subjects', '#', 'name'])) {
    const named = siblings('kind')?.string;
    return named ? { type: 'object', kind: named } : undefined;
  }
  if (endsWith(path, ['service', 'port', 'name']) || endsWith(path, ['service', 'port', 'number'])) {
    return { type: 'servicePort', field: path.at(-1) === 'name' ? 'name' : 'number', ...optional('serviceName', siblings('..', 'name')?.text) };
  }
  if (kind === 'Service' && path.length === 4 && path[0] === 'spec' && path[1] === 'ports' && path[3] === 'targetPort') return { type: 'podPort' };
  const port = probePortContainer(path);
  if (port) return { type: 'containerPort', ...optional('container', object?.view.at(...port)) };
  return undefined;
}

/**
 * `[… containers, 0, readinessProbe, httpGet, port]` and the lifecycle handlers' ports: the path of the container,
 * whose declared ports the port may name.
 */
function probePortContainer(path: YamlPath): YamlPath | undefined {
  if (path.at(-1) !== 'port' || !['httpGet', 'tcpSocket'].includes(String(path.at(-2)))) return undefined;
  const handler = path.at(-3);
  const inLifecycle = path.at(-4) === 'lifecycle';
  if (!PROBES.has(String(handler))) return undefined;
  const containerEnd = path.length - (inLifecycle ? 4 : 3);
  const field = path[containerEnd - 2];
  return typeof path[containerEnd - 1] === 'number' && CONTAINER_FIELDS.has(String(field)) ? path.slice(0, containerEnd) : undefined;
}

/** `..` steps up from the mapping that holds the value. */
function resolvePath(base: YamlPath, relative: readonly (string | number)[]): (string | number)[] {
  const path = [...base];
  for (const segment of relative) {
    if (segment === '..') path.pop();
    else path.push(segment);
  }
  return path;
}

function optional<Key extends string, Value>(key: Key, value: Value | undefined): { [K in Key]?: Value } {
  return (value === undefined ? {} : { [key]: value }) as { [K in Key]?: Value };
}
