import { defineKubernetesRule } from '../../engine/ruleTypes';
import { type IndexedObject, kubernetesIndexOf } from '../../workspace/kubernetesIndex';
import { objectsHere, perParse } from '../support/kubernetes';
import { type ObjectReference, referencesOf } from '../support/kubernetesReferences';

export const rule = defineKubernetesRule({
  id: 'k8s/dangling-reference',
  meta: {
    severity: 'info',
    description:
      'A workload, Ingress or HorizontalPodAutoscaler names a Secret, ConfigMap, PersistentVolumeClaim, ServiceAccount, Service or workload that no manifest in the workspace defines.',
    aliases: [
      'kube-linter:dangling-ingress',
      'kube-linter:dangling-horizontalpodautoscaler',
      'kube-linter:env-value-from',
      'kube-linter:non-existent-service-account',
    ],
    messages: {
      missing:
        '{{owner}}: {{where}} refers to {{kind}} "{{name}}", which no manifest in the workspace defines; the pods will not start until it exists. Fix the name, add the {{kind}}, or mark the reference `optional: true` if it may be absent (ignore this if it is created outside this repository).',
      missingTarget:
        '{{owner}}: {{where}} names {{kind}} "{{name}}", which no manifest in the workspace defines, so nothing is routed or scaled; fix the name or add the {{kind}}.',
      missingTls:
        '{{owner}}: {{where}} names Secret "{{name}}", which no manifest in the workspace defines, so the controller serves its default certificate; fix the name, add the Secret, or let cert-manager create it (annotate the Ingress with its issuer).',
      missingKey:
        '{{owner}}: {{where}} reads key "{{key}}" of {{kind}} "{{name}}", which has no such key ({{keys}}); the container will not start. Fix the key or add it to the {{kind}}.',
      missingPort:
        '{{owner}}: {{where}} sends traffic to port {{port}} of Service "{{name}}", which has no such port ({{ports}}); fix the port or add it to the Service.',
    },
    explanation: {
      why: "A pod whose Secret, ConfigMap, PersistentVolumeClaim or ServiceAccount does not exist stays in ContainerCreating or CreateContainerConfigError; an Ingress backend or HPA target that does not exist routes or scales nothing — and every manifest still applies cleanly. Only references to a kind the workspace defines at least one object of are checked (a workspace without any Secret keeps them elsewhere), references marked `optional: true` never are, and objects that tools create are known: a SealedSecret's or ExternalSecret's Secret, a cert-manager Certificate's Secret (and an Ingress annotated for cert-manager), kustomize generators. An object without `namespace` goes wherever it is applied (`kubectl -n`, a kustomization), so it meets objects of any namespace; two written namespaces must be the same. Info, since Secrets often come from outside the repository.",
      standard:
        'kube-linter env-value-from, dangling-ingress, dangling-horizontalpodautoscaler and non-existent-service-account; kube-score ingress-targets-service and horizontalpodautoscaler-has-target.',
      bad: 'apiVersion: v1\nkind: Secret\nmetadata: {name: db}\nstringData: {password: change-me}\n---\napiVersion: v1\nkind: Pod\nmetadata: {name: web}\nspec:\n  containers:\n    - name: web\n      image: web:1.0\n      env:\n        - name: DB_PASSWORD\n          valueFrom:\n            secretKeyRef: {name: database, key: password}',
      good: 'apiVersion: v1\nkind: Secret\nmetadata: {name: db}\nstringData: {password: change-me}\n---\napiVersion: v1\nkind: Pod\nmetadata: {name: web}\nspec:\n  containers:\n    - name: web\n      image: web:1.0\n      env:\n        - name: DB_PASSWORD\n          valueFrom:\n            secretKeyRef: {name: db, key: password}',
    },
  },
  check(context) {
    const index = kubernetesIndexOf(context.workspace);
    const kindDefined = new Map<string, boolean>();
    const isDefinedAtAll = (kind: string) => {
      let defined = kindDefined.get(kind);
      if (defined === undefined) {
        defined = index.hasKind(kind);
        kindDefined.set(kind, defined);
      }
      return defined;
    };
    for (const object of objectsHere(context)) {
      // What the object refers to is read once per parse of its document; only a reference that fails is looked up
      // again with where it is written.
      const references = perParse(object, 'dangling-reference', () => referencesOf(object).map(plainReference));
      const owner = `${object.kind} "${object.name ?? '?'}"`;
      const problems: { at: number; problem: Problem }[] = [];
      references.forEach((reference, at) => {
        const { kind, name, where } = reference;
        const data = { owner, where, kind, name };
        const found = index.find(kind, name, object.namespace);
        if (!found) {
          if (isDefinedAtAll(kind)) problems.push({ at, problem: { messageId: missingMessage(object.kind, kind), data, place: 'name' } });
          return;
        }
        const key = reference.key;
        if (key !== undefined && !index.find(kind, name, object.namespace, (entry) => mayHaveKey(entry, key))) {
          problems.push({ at, problem: { messageId: 'missingKey', data: { ...data, key, keys: list(found.dataKeys) }, place: 'key' } });
        }
        const port = reference.port;
        if (port && !index.find(kind, name, object.namespace, (entry) => hasPort(entry, port))) {
          const ports = (found.servicePorts ?? []).map((servicePort) => servicePort.name ?? String(servicePort.port ?? '?'));
          problems.push({
            at,
            problem: { messageId: 'missingPort', data: { ...data, port: String(port.number ?? port.name), ports: list(ports) }, place: 'port' },
          });
        }
      });
      if (problems.length === 0) continue;
      const written = referencesOf(object);
      for (const { at, problem } of problems) {
        const reference = written[at];
        const view = problem.place === 'name' ? reference?.view : problem.place === 'key' ? reference?.key?.view : reference?.port?.view;
        if (reference && view) context.report({ messageId: problem.messageId, data: problem.data, range: view.range, aliases: reference.aliases });
      }
    }
  },
});

interface Problem {
  messageId: 'missing' | 'missingTarget' | 'missingTls' | 'missingKey' | 'missingPort';
  data: Record<string, string>;
  /** Which part of the reference is wrong: the name, the key, the port. */
  place: 'name' | 'key' | 'port';
}

type PlainReference = Omit<ObjectReference, 'view' | 'key' | 'port'> & { key?: string; port?: { number?: number; name?: string } };

function plainReference({ view: _view, key, port, ...rest }: ObjectReference): PlainReference {
  return { ...rest, key: key?.name, port: port && { number: port.number, name: port.name } };
}

function missingMessage(ownerKind: string, kind: string): 'missing' | 'missingTarget' | 'missingTls' {
  if (ownerKind === 'Ingress') return kind === 'Secret' ? 'missingTls' : 'missingTarget';
  return ownerKind === 'HorizontalPodAutoscaler' ? 'missingTarget' : 'missing';
}

/** Keys of a Secret a tool makes, or of one written without data (filled in later), are not known. */
function mayHaveKey(entry: IndexedObject, key: string): boolean {
  return entry.derived === true || !entry.dataKeys || entry.dataKeys.size === 0 || entry.dataKeys.has(key);
}

function hasPort(entry: IndexedObject, port: NonNullable<PlainReference['port']>): boolean {
  if (!entry.servicePorts) return true;
  return entry.servicePorts.some((servicePort) => (port.number !== undefined ? servicePort.port === port.number : servicePort.name === port.name));
}

function list(names: Iterable<string> | undefined): string {
  const all = [...(names ?? [])];
  return all.length === 0 ? 'it has none' : `it has ${all.join(', ')}`;
}
