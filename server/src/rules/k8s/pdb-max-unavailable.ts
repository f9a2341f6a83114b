import { defineKubernetesRule } from '../../engine/ruleTypes';
import { objectsHere } from '../support/kubernetes';
import { isDisruptionBudget, readBudget } from '../support/kubernetesDisruption';

export const rule = defineKubernetesRule({
  id: 'k8s/pdb-max-unavailable',
  meta: {
    severity: 'warning',
    description: 'A PodDisruptionBudget sets `maxUnavailable` to 0, so no pod it covers may ever be evicted.',
    scope: 'document',
    aliases: ['kube-linter:pdb-max-unavailable', 'polaris:pdbDisruptionsIsZero'],
    messages: {
      zero: 'PodDisruptionBudget "{{name}}" sets maxUnavailable to {{value}}: no pod it selects may ever be evicted, so node drains and cluster upgrades hang on it. Allow at least 1 (or a percentage above 0).',
    },
    explanation: {
      why: '`kubectl drain`, cluster autoscaling and node upgrades evict pods through the eviction API, which honours PodDisruptionBudgets. A budget of zero unavailable pods refuses every eviction: the drain waits forever and someone ends up deleting the budget by hand.',
      standard: 'Kubernetes PodDisruptionBudget; kube-linter pdb-max-unavailable; Polaris pdbDisruptionsIsZero.',
      bad: 'apiVersion: policy/v1\nkind: PodDisruptionBudget\nmetadata: {name: web}\nspec:\n  maxUnavailable: 0\n  selector:\n    matchLabels: {app: web}',
      good: 'apiVersion: policy/v1\nkind: PodDisruptionBudget\nmetadata: {name: web}\nspec:\n  maxUnavailable: 1\n  selector:\n    matchLabels: {app: web}',
    },
  },
  check(context) {
    for (const object of objectsHere(context)) {
      if (!isDisruptionBudget(object)) continue;
      const value = object.view.at('spec', 'maxUnavailable');
      const budget = readBudget(value?.scalar);
      if (!value || !budget || ('count' in budget ? budget.count : budget.percent) !== 0) continue;
      context.report({ messageId: 'zero', data: { name: object.name ?? '?', value: value.text ?? '0' }, range: value.pairRange });
    }
  },
});
