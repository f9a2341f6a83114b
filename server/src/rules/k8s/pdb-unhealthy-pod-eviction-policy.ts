import { defineKubernetesRule } from '../../engine/ruleTypes';
import { insertPair } from '../../parsing/yamlEdit';
import { objectsHere } from '../support/kubernetes';
import { isDisruptionBudget } from '../support/kubernetesDisruption';

export const rule = defineKubernetesRule({
  id: 'k8s/pdb-unhealthy-pod-eviction-policy',
  meta: {
    severity: 'info',
    description: 'A PodDisruptionBudget does not set `unhealthyPodEvictionPolicy`, so pods that never become ready can block node drains.',
    scope: 'document',
    fix: { when: 'unless the spec is reached through a YAML alias', applied: 'editor-only' },
    aliases: ['kube-linter:pdb-unhealthy-pod-eviction-policy'],
    messages: {
      unset:
        'PodDisruptionBudget "{{name}}" does not set unhealthyPodEvictionPolicy, so a pod stuck unready (crash loop, failing probe) counts against the budget and can block a node drain; set it to AlwaysAllow, as the Kubernetes documentation recommends, or to IfHealthyBudget on purpose.',
    },
    explanation: {
      why: 'By default (IfHealthyBudget) a running pod that is not ready may only be evicted while the budget is met, so a crash-looping application blocks `kubectl drain` although evicting its broken pods harms nothing. `AlwaysAllow` lets the eviction API remove unready pods; the Kubernetes documentation recommends it.',
      standard: 'Kubernetes PodDisruptionBudget unhealthyPodEvictionPolicy (stable since 1.31); kube-linter pdb-unhealthy-pod-eviction-policy.',
      bad: 'apiVersion: policy/v1\nkind: PodDisruptionBudget\nmetadata: {name: web}\nspec:\n  maxUnavailable: 1\n  selector:\n    matchLabels: {app: web}',
      good: 'apiVersion: policy/v1\nkind: PodDisruptionBudget\nmetadata: {name: web}\nspec:\n  maxUnavailable: 1\n  unhealthyPodEvictionPolicy: AlwaysAllow\n  selector:\n    matchLabels: {app: web}',
    },
  },
  check(context) {
    for (const object of objectsHere(context)) {
      if (!isDisruptionBudget(object) || object.apiVersion !== 'policy/v1') continue;
      const spec = object.view.get('spec');
      if (!spec?.isMap || spec.get('unhealthyPodEvictionPolicy')) continue;
      context.report({
        messageId: 'unset',
        data: { name: object.name ?? '?' },
        range: object.anchorRange,
        // Which pods a drain may evict is the owner's choice: offered, not applied by fix-all.
        fixes: () => {
          const edit = insertPair(spec, 'unhealthyPodEvictionPolicy', 'AlwaysAllow');
          return edit ? [{ title: 'Set unhealthyPodEvictionPolicy: AlwaysAllow', edits: [edit], unsafe: true }] : [];
        },
      });
    }
  },
});
