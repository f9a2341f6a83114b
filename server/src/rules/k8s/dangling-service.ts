import { defineKubernetesRule } from '../../engine/ruleTypes';
import type { KubernetesObject } from '../../parsing/kubernetes';
import {
  describeLabels,
  describeSelector,
  plainRequirements,
  type Requirement,
  readLabelSelector,
  requirementHolds,
  selects,
} from '../../parsing/labelSelector';
import { kubernetesIndexOf, type IndexedObject } from '../../workspace/kubernetesIndex';
import { objectsHere, perParse } from '../support/kubernetes';

export const rule = defineKubernetesRule({
  id: 'k8s/dangling-service',
  meta: {
    severity: 'warning',
    description: 'A Service selects pods by labels that no pod template in the workspace carries, so it has no endpoints.',
    aliases: ['kube-linter:dangling-service', 'kube-score:service-targets-pod'],
    messages: {
      none: 'Service "{{name}}" selects pods labelled {{selector}}, but no workload in the workspace has a pod template with those labels, so the Service gets no endpoints and its traffic goes nowhere; fix the selector or the pod labels.',
      nearest:
        'Service "{{name}}" selects pods labelled {{selector}}, but no workload in the workspace has a pod template with those labels (the closest, {{kind}} "{{workload}}", has {{labels}}), so the Service gets no endpoints; fix the selector or the pod labels.',
      otherNamespace:
        'Service "{{name}}" in namespace "{{namespace}}" selects pods labelled {{selector}}, but only {{kind}} "{{workload}}" in namespace "{{otherNamespace}}" has such pods, and a Service only reaches pods of its own namespace; move one of them.',
    },
    explanation: {
      why: 'A Service sends traffic to the pods its selector matches. A selector that matches no pod — a typo, or labels changed on one side only — leaves the Service without endpoints: clients get connection refused while every manifest applies cleanly. The check looks at every manifest of the workspace; when the workspace has no workload at all (Services kept apart from what runs them) it says nothing, and a selector value that names a custom resource of the workspace is taken for pods its operator makes (`prometheus: main` for the Prometheus "main"). An object without `namespace` goes wherever it is applied (`kubectl -n`, a kustomization), so it meets objects of any namespace; two written namespaces must be the same.',
      standard: 'Kubernetes Services and label selectors; kube-linter dangling-service; kube-score service-targets-pod.',
      bad: 'apiVersion: v1\nkind: Service\nmetadata: {name: web}\nspec:\n  selector: {app: web}\n  ports: [{port: 80}]\n---\napiVersion: apps/v1\nkind: Deployment\nmetadata: {name: web}\nspec:\n  selector:\n    matchLabels: {app: webapp}\n  template:\n    metadata:\n      labels: {app: webapp}\n    spec:\n      containers: [{name: web, image: web:1.0}]',
      good: 'apiVersion: v1\nkind: Service\nmetadata: {name: web}\nspec:\n  selector: {app: webapp}\n  ports: [{port: 80}]\n---\napiVersion: apps/v1\nkind: Deployment\nmetadata: {name: web}\nspec:\n  selector:\n    matchLabels: {app: webapp}\n  template:\n    metadata:\n      labels: {app: webapp}\n    spec:\n      containers: [{name: web, image: web:1.0}]',
    },
  },
  check(context) {
    const index = kubernetesIndexOf(context.workspace);
    for (const object of objectsHere(context)) {
      const requirements = perParse(object, 'dangling-service', () => serviceSelector(object));
      if (!requirements) continue;
      const [first] = requirements;
      const hint = first ? ([first.key, first.values[0] ?? ''] as const) : undefined;
      const matches = (labels: ReadonlyMap<string, string>) => selects(requirements, labels);
      if (index.findPods(object.namespace, matches, hint)) continue;
      if (!index.hasPods()) continue;
      // Operators label the pods they make after their custom resource (`prometheus: main` for Prometheus "main").
      if (requirements.some((requirement) => requirement.values.some((value) => index.findCustom(value, object.namespace)))) continue;
      const selectorView = object.view.at('spec', 'selector');
      if (!selectorView) continue;
      const data = { name: object.name ?? '?', selector: describeSelector(requirements) };
      const range = selectorView.keyRange ?? selectorView.range;
      const elsewhere = index.allPods(undefined, matches, hint)[0];
      if (elsewhere?.namespace !== undefined && object.namespace !== undefined) {
        const otherNamespace = elsewhere.namespace;
        context.report({
          messageId: 'otherNamespace',
          data: { ...data, namespace: object.namespace, otherNamespace, kind: elsewhere.kind, workload: elsewhere.name },
          range,
        });
        continue;
      }
      const nearest = nearestPods(
        index.allPods(object.namespace, (labels) => holdsAny(requirements, labels)),
        requirements,
      );
      context.report(
        nearest
          ? {
              messageId: 'nearest',
              data: { ...data, kind: nearest.kind, workload: nearest.name, labels: describeLabels(nearest.podLabels ?? new Map()) },
              range,
            }
          : { messageId: 'none', data, range },
      );
    }
  },
});

/**
 * The requirements of a Service's selector, when it selects pods: not an ExternalName Service (no pods), nor one
 * without a selector (its endpoints come from elsewhere), nor one whose values are filled in later (envsubst,
 * kustomize vars), which may match once they are.
 */
function serviceSelector(object: KubernetesObject): Requirement[] | undefined {
  if (object.kind !== 'Service' || object.group !== '') return undefined;
  const spec = object.view.get('spec');
  if (spec?.get('type')?.string === 'ExternalName') return undefined;
  const selector = readLabelSelector(spec?.get('selector'), { plainMap: true });
  if (!selector || selector.requirements.length === 0) return undefined;
  const requirements = plainRequirements(selector);
  return requirements.some((requirement) => requirement.values.some((value) => /\$\(|\$\{|\{\{/.test(value))) ? undefined : requirements;
}

function holdsAny(requirements: readonly Requirement[], labels: ReadonlyMap<string, string>): boolean {
  return requirements.some((requirement) => requirementHolds(requirement, labels));
}

/** The workload whose pods meet the most of the selector's requirements: what the user probably meant. */
const orderKey = (object: IndexedObject) => `${object.uri}\0${object.kind}\0${object.name}`;

function nearestPods(candidates: readonly IndexedObject[], requirements: readonly Requirement[]): IndexedObject | undefined {
  let best: IndexedObject | undefined;
  let bestScore = 0;
  for (const candidate of candidates) {
    const labels = candidate.podLabels ?? new Map<string, string>();
    const score = requirements.filter((requirement) => requirementHolds(requirement, labels)).length;
    // Ties go to the first by file, kind and name, not by the index's order, which follows the order of edits.
    if (score > bestScore || (score === bestScore && best && score > 0 && orderKey(candidate) < orderKey(best))) {
      best = candidate;
      bestScore = score;
    }
  }
  return best;
}
