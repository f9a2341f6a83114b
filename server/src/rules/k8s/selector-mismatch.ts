import { defineKubernetesRule } from '../../engine/ruleTypes';
import { workloadOf, type Workload } from '../../parsing/kubernetes';
import { describeLabels, describeSelector, type LabelRequirement, type LabelSelector, readLabelSelector, requirementHolds } from '../../parsing/labelSelector';
import { objectsHere, perParse } from '../support/kubernetes';

/** Controllers whose apps/v1 API refuses an empty selector (it would adopt every pod of the namespace). */
const SELECTOR_REQUIRED = new Set(['Deployment', 'StatefulSet', 'DaemonSet', 'ReplicaSet']);

export const rule = defineKubernetesRule({
  id: 'k8s/selector-mismatch',
  meta: {
    severity: 'error',
    description: "A workload's `spec.selector` does not select the labels of its own pod template, so the API server rejects it.",
    scope: 'document',
    aliases: ['kube-linter:mismatching-selector', 'kube-score:deployment-pod-selector-labels-match-template-metadata-labels'],
    messages: {
      label:
        '{{kind}} "{{name}}" selects pods with {{requirement}}, but its pod template has {{actual}}; the API server rejects it ("selector does not match template labels"). Make the selector and spec.template.metadata.labels agree.',
      expression:
        '{{kind}} "{{name}}" selects pods with "{{requirement}}", which its pod template labels ({{actual}}) do not satisfy; the API server rejects it ("selector does not match template labels"). Make the selector and spec.template.metadata.labels agree.',
      empty:
        '{{kind}} "{{name}}" has an empty selector, which the API server rejects (it would select every pod in the namespace); select the labels of its pod template under spec.selector.matchLabels.',
    },
    explanation: {
      why: 'A controller manages the pods its selector matches. When the selector does not match its own pod template, `kubectl apply` fails with "selector does not match template labels"; a selector that is too broad would adopt other workloads\' pods.',
      standard:
        'Kubernetes API validation of Deployment, StatefulSet, DaemonSet, ReplicaSet, ReplicationController and Job selectors; kube-linter mismatching-selector; kube-score deployment-/statefulset-pod-selector-labels-match-template-metadata-labels.',
      bad: 'apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: web}\nspec:\n  selector:\n    matchLabels: {app: web}\n  template:\n    metadata:\n      labels: {app: webapp}\n    spec:\n      containers: [{name: web, image: web:1.0}]',
      good: 'apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: web}\nspec:\n  selector:\n    matchLabels: {app: web}\n  template:\n    metadata:\n      labels: {app: web}\n    spec:\n      containers: [{name: web, image: web:1.0}]',
    },
  },
  check(context) {
    for (const object of objectsHere(context)) {
      // Whether anything is wrong depends on this document alone: worked out once per parse of it.
      if (!perParse(object, 'selector-mismatch', () => hasMismatch(object.kind, object.group, workloadOf(object)))) continue;
      const workload = workloadOf(object);
      const selector = workload && selectorOf(workload);
      if (!workload?.selector || !selector) continue;
      const data = { kind: object.kind, name: object.name ?? '?' };
      const aliases = object.kind === 'StatefulSet' ? ['kube-score:statefulset-pod-selector-labels-match-template-metadata-labels'] : [];
      if (selector.requirements.length === 0) {
        context.report({ messageId: 'empty', data, range: workload.selector.keyRange ?? workload.selector.range, aliases });
        continue;
      }
      for (const requirement of selector.requirements) {
        if (requirementHolds(requirement, workload.podLabels)) continue;
        context.report({
          messageId: requirement.operator === 'Equals' ? 'label' : 'expression',
          data: { ...data, requirement: requirementText(requirement), actual: actualText(requirement, workload.podLabels) },
          range: requirement.operator === 'Equals' ? requirement.view.pairRange : requirement.view.range,
          aliases,
        });
      }
    }
  },
});

/** A ReplicationController's selector is a plain map of labels; the others' a LabelSelector. */
function selectorOf(workload: Workload): LabelSelector | undefined {
  return workload.podTemplate ? readLabelSelector(workload.selector, { plainMap: workload.object.kind === 'ReplicationController' }) : undefined;
}

function hasMismatch(kind: string, group: string, workload: Workload | undefined): boolean {
  const selector = workload && selectorOf(workload);
  if (!workload || !selector) return false;
  if (selector.requirements.length === 0) return SELECTOR_REQUIRED.has(kind) && group === 'apps';
  return selector.requirements.some((requirement) => !requirementHolds(requirement, workload.podLabels));
}

function requirementText(requirement: LabelRequirement): string {
  return requirement.operator === 'Equals' ? `${requirement.key}=${requirement.values[0]}` : describeSelector([requirement]);
}

function actualText(requirement: LabelRequirement, labels: ReadonlyMap<string, string>): string {
  if (requirement.operator !== 'Equals') return labels.size > 0 ? describeLabels(labels) : 'none';
  const value = labels.get(requirement.key);
  return value === undefined ? `no "${requirement.key}" label` : `${requirement.key}=${value}`;
}
