import { containersOf, type KubernetesObject, type Workload, workloadOf } from '../../parsing/kubernetes';
import type { YamlView } from '../../parsing/yamlView';

/** A name one object gives of another, which must exist for the first to work. */
export interface ObjectReference {
  readonly kind: 'Secret' | 'ConfigMap' | 'PersistentVolumeClaim' | 'ServiceAccount' | 'Service' | (string & {});
  readonly name: string;
  /** Where the name is written. */
  readonly view: YamlView;
  /** What refers: `container "web" env DB_PASSWORD`, `volume "certs"`, `Ingress rule for example.com`. */
  readonly where: string;
  /** A key of a ConfigMap or Secret (`secretKeyRef.key`), with where it is written. */
  readonly key?: { readonly name: string; readonly view: YamlView };
  /** A port of a Service (an Ingress backend's `port.number` or `port.name`). */
  readonly port?: { readonly number?: number; readonly name?: string; readonly view: YamlView };
  /** The other tools' checks of this kind of reference, for a finding about it. */
  readonly aliases: readonly string[];
}

const ENV_VALUE_FROM = ['kube-linter:env-value-from'];
const SERVICE_ACCOUNT = ['kube-linter:non-existent-service-account'];
const INGRESS = ['kube-linter:dangling-ingress', 'kube-score:ingress-targets-service'];
const HPA = ['kube-linter:dangling-horizontalpodautoscaler', 'kube-score:horizontalpodautoscaler-has-target'];
const NONE: readonly string[] = [];

/** Every reference the object makes to another by name, except those marked `optional: true`. */
export function referencesOf(object: KubernetesObject): ObjectReference[] {
  const workload = workloadOf(object);
  if (workload) return podReferences(workload);
  if (object.kind === 'Ingress' && (object.group === 'networking.k8s.io' || object.group === 'extensions')) return ingressReferences(object);
  if (object.kind === 'HorizontalPodAutoscaler' && object.group === 'autoscaling') return hpaReferences(object);
  return [];
}

function podReferences(workload: Workload): ObjectReference[] {
  const references: ObjectReference[] = [];
  const add = (reference: ObjectReference | undefined) => {
    if (reference) references.push(reference);
  };
  for (const container of containersOf(workload)) {
    const label = `container "${container.name || '?'}"`;
    for (const variable of container.env) {
      for (const [field, kind] of [
        ['secretKeyRef', 'Secret'],
        ['configMapKeyRef', 'ConfigMap'],
      ] as const) {
        const source = variable.valueFrom?.get(field);
        add(named(source, 'name', kind, `${label} env ${variable.name}`, ENV_VALUE_FROM, keyOf(source)));
      }
    }
    for (const source of container.get('envFrom')?.items() ?? []) {
      add(named(source.get('secretRef'), 'name', 'Secret', `${label} envFrom`, NONE));
      add(named(source.get('configMapRef'), 'name', 'ConfigMap', `${label} envFrom`, NONE));
    }
  }
  const claimTemplates = volumeClaimTemplateNames(workload);
  for (const volume of workload.podSpec.get('volumes')?.items() ?? []) {
    const volumeName = volume.get('name')?.text;
    const label = `volume "${volumeName ?? '?'}"`;
    add(named(volume.get('secret'), 'secretName', 'Secret', label, NONE));
    add(named(volume.get('configMap'), 'name', 'ConfigMap', label, NONE));
    // A StatefulSet gives each pod its own claim from the template of the volume's name, whatever the volume says.
    if (volumeName === undefined || !claimTemplates.has(volumeName)) {
      add(named(volume.get('persistentVolumeClaim'), 'claimName', 'PersistentVolumeClaim', label, NONE));
    }
    for (const source of volume.at('projected', 'sources')?.items() ?? []) {
      add(named(source.get('secret'), 'name', 'Secret', label, NONE));
      add(named(source.get('configMap'), 'name', 'ConfigMap', label, NONE));
    }
  }
  // `serviceAccount` is the deprecated spelling; the API server copies it to serviceAccountName.
  const account = workload.podSpec.get('serviceAccountName') ?? workload.podSpec.get('serviceAccount');
  if (account?.text !== 'default') add(nameAt(account, 'ServiceAccount', 'the pod spec', SERVICE_ACCOUNT));
  return references;
}

function volumeClaimTemplateNames({ object }: Workload): Set<string> {
  if (object.kind !== 'StatefulSet') return new Set();
  const templates = object.view.at('spec', 'volumeClaimTemplates')?.items() ?? [];
  return new Set(templates.flatMap((template) => template.at('metadata', 'name')?.text ?? []));
}

/** The reference a `{name, optional}` object makes; none when it is optional. */
function named(
  source: YamlView | undefined,
  nameField: string,
  kind: ObjectReference['kind'],
  where: string,
  aliases: readonly string[],
  key?: ObjectReference['key'],
): ObjectReference | undefined {
  if (!source?.isMap || source.get('optional')?.scalar === true) return undefined;
  const reference = nameAt(source.get(nameField), kind, where, aliases);
  return reference && key ? { ...reference, key } : reference;
}

function keyOf(source: YamlView | undefined): ObjectReference['key'] {
  const view = source?.get('key');
  const name = view?.text;
  // A key is letters, digits, `-`, `_` and `.`; anything else is a placeholder.
  return view && name && /^[-._a-zA-Z0-9]+$/.test(name) ? { name, view } : undefined;
}

function nameAt(view: YamlView | undefined, kind: ObjectReference['kind'], where: string, aliases: readonly string[]): ObjectReference | undefined {
  const name = view?.text;
  return view && name && isObjectName(name) ? { kind, name, view, where, aliases } : undefined;
}

/**
 * Whether the text can be an object's name (a DNS subdomain). Anything else is a placeholder filled in later
 * (`$(VAR)`, `${VAR}`, `<KSA_NAME>`, a template action): what it will be is not known here.
 */
function isObjectName(name: string): boolean {
  return name.length <= 253 && /^[a-z0-9]([-a-z0-9.]*[a-z0-9])?$/.test(name);
}

/** cert-manager creates the TLS Secret of an Ingress annotated for it. */
const CERT_MANAGER_ANNOTATIONS = ['cert-manager.io/cluster-issuer', 'cert-manager.io/issuer', 'kubernetes.io/tls-acme'];

function ingressReferences(object: KubernetesObject): ObjectReference[] {
  const spec = object.view.get('spec');
  const references: ObjectReference[] = [];
  const backend = (view: YamlView | undefined, where: string) => {
    if (!view?.isMap) return;
    // networking.k8s.io/v1 nests the Service; the beta APIs wrote serviceName and servicePort.
    const service = view.get('service');
    const nameView = service ? service.get('name') : view.get('serviceName');
    const reference = nameAt(nameView, 'Service', where, INGRESS);
    if (!reference) return;
    const portView = service ? (service.at('port', 'number') ?? service.at('port', 'name')) : view.get('servicePort');
    const port = portView?.scalar;
    references.push({
      ...reference,
      port:
        portView && (typeof port === 'number' || typeof port === 'string')
          ? { view: portView, ...(typeof port === 'number' ? { number: port } : { name: port }) }
          : undefined,
    });
  };
  backend(spec?.get('defaultBackend') ?? spec?.get('backend'), 'the default backend');
  for (const rule of spec?.get('rules')?.items() ?? []) {
    const host = rule.get('host')?.text;
    for (const path of rule.at('http', 'paths')?.items() ?? []) {
      backend(path.get('backend'), `the backend of ${host ?? '*'}${path.get('path')?.text ?? ''}`);
    }
  }
  if (!CERT_MANAGER_ANNOTATIONS.some((annotation) => object.annotations.has(annotation))) {
    for (const tls of spec?.get('tls')?.items() ?? []) {
      const reference = nameAt(tls.get('secretName'), 'Secret', 'its TLS section', INGRESS);
      if (reference) references.push(reference);
    }
  }
  return references;
}

function hpaReferences(object: KubernetesObject): ObjectReference[] {
  const target = object.view.at('spec', 'scaleTargetRef');
  const kind = target?.get('kind')?.string;
  if (!kind) return [];
  const reference = nameAt(target?.get('name'), kind, 'its scaleTargetRef', HPA);
  return reference ? [reference] : [];
}
