import { defineKubernetesRule } from '../../engine/ruleTypes';
import { readLabelSelector, selects } from '../../parsing/labelSelector';
import { type IndexedObject, type KubernetesIndex, kubernetesIndexOf } from '../../workspace/kubernetesIndex';
import { objectsHere } from '../support/kubernetes';
import { isDisruptionBudget, readBudget } from '../support/kubernetesDisruption';

/** Controllers that keep `spec.replicas` pods (a DaemonSet's count is the number of nodes, not known here). */
const REPLICATED = new Set(['Deployment', 'StatefulSet', 'ReplicaSet', 'ReplicationController']);

export const rule = defineKubernetesRule({
  id: 'k8s/pdb-min-available',
  meta: {
    severity: 'warning',
    description: 'A PodDisruptionBudget requires as many pods available as the workload it covers runs, so none may ever be evicted.',
    aliases: ['kube-linter:pdb-min-available', 'polaris:pdbDisruptionsIsZero'],
    messages: {
      all: 'PodDisruptionBudget "{{name}}" sets minAvailable to {{value}}: no pod it selects may ever be evicted, so node drains and cluster upgrades hang on it. Use maxUnavailable: 1, or a minAvailable below the replica count.',
      replicas:
        'PodDisruptionBudget "{{name}}" keeps {{needed}} pods available, but {{kind}} "{{workload}}" that it covers runs {{replicas}}: no pod may ever be evicted, so node drains and cluster upgrades hang on it. Lower minAvailable below the replica count (or use maxUnavailable: 1), or run more replicas.',
    },
    explanation: {
      why: '`kubectl drain`, cluster autoscaling and node upgrades evict pods through the eviction API, which refuses an eviction that would leave fewer pods than `minAvailable`. When that is every pod the workload runs — `100%`, or a count at or above its replicas (or the least its autoscaler keeps) — nothing can ever be evicted. The workloads covered are those of the workspace whose pod templates the budget selects.',
      standard: 'Kubernetes PodDisruptionBudget; kube-linter pdb-min-available; Polaris pdbDisruptionsIsZero and pdbMinAvailableGreaterThanHPAMinReplicas.',
      bad: 'apiVersion: policy/v1\nkind: PodDisruptionBudget\nmetadata: {name: web}\nspec:\n  minAvailable: 2\n  selector:\n    matchLabels: {app: web}\n---\napiVersion: apps/v1\nkind: Deployment\nmetadata: {name: web}\nspec:\n  replicas: 2\n  selector:\n    matchLabels: {app: web}\n  template:\n    metadata:\n      labels: {app: web}\n    spec:\n      containers: [{name: web, image: web:1.0}]',
      good: 'apiVersion: policy/v1\nkind: PodDisruptionBudget\nmetadata: {name: web}\nspec:\n  minAvailable: 1\n  selector:\n    matchLabels: {app: web}\n---\napiVersion: apps/v1\nkind: Deployment\nmetadata: {name: web}\nspec:\n  replicas: 2\n  selector:\n    matchLabels: {app: web}\n  template:\n    metadata:\n      labels: {app: web}\n    spec:\n      containers: [{name: web, image: web:1.0}]',
    },
  },
  check(context) {
    const index = kubernetesIndexOf(context.workspace);
    for (const object of objectsHere(context)) {
      if (!isDisruptionBudget(object)) continue;
      const spec = object.view.get('spec');
      const value = spec?.get('minAvailable');
      const budget = readBudget(value?.scalar);
      if (!value || !budget) continue;
      const name = object.name ?? '?';
      if ('percent' in budget && budget.percent >= 100) {
        context.report({ messageId: 'all', data: { name, value: value.text ?? '' }, range: value.pairRange });
        continue;
      }
      if (('count' in budget ? budget.count : budget.percent) === 0) continue;
      const selector = readLabelSelector(spec?.get('selector'));
      if (!selector || selector.requirements.length === 0) continue;
      const [first] = selector.requirements;
      const hint = first?.operator === 'Equals' ? ([first.key, first.values[0] ?? ''] as const) : undefined;
      const covered = index.allPods(object.namespace, (labels) => selects(selector.requirements, labels), hint);
      // The workloads of this file first: the budget is most likely written for them.
      const here = context.file.uri;
      covered.sort((one, other) => Number(other.uri === here) - Number(one.uri === here));
      for (const workload of covered) {
        if (!REPLICATED.has(workload.kind) && workload.replicas === undefined) continue;
        const count = replicaCount(index, workload);
        if (!count || count.replicas <= 0) continue;
        const needed = 'count' in budget ? budget.count : Math.ceil((count.replicas * budget.percent) / 100);
        if (needed < count.replicas) continue;
        context.report({
          messageId: 'replicas',
          data: {
            name,
            needed: 'count' in budget ? needed : `${value.text} (${needed})`,
            kind: workload.kind,
            workload: workload.name,
            replicas: count.autoscaled ? `as few as ${count.replicas} (its autoscaler's minimum)` : count.replicas,
          },
          range: value.pairRange,
          aliases: count.autoscaled ? ['polaris:pdbMinAvailableGreaterThanHPAMinReplicas'] : [],
        });
        break;
      }
    }
  },
});

/** The fewest pods the workload runs: its autoscaler's minimum, else `spec.replicas` (1 when unset). */
function replicaCount(index: KubernetesIndex, workload: IndexedObject): { replicas: number; autoscaled: boolean } | undefined {
  const autoscaler = index.autoscalerOf(workload.kind, workload.name, workload.namespace);
  if (autoscaler?.scaleTarget) return { replicas: autoscaler.scaleTarget.minReplicas, autoscaled: true };
  if (workload.replicas === null) return undefined;
  return { replicas: workload.replicas ?? 1, autoscaled: false };
}
