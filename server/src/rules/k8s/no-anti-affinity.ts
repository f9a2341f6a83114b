import { defineKubernetesRule } from '../../engine/ruleTypes';
import { type KubernetesObject, workloadOf } from '../../parsing/kubernetes';
import type { YamlView } from '../../parsing/yamlView';
import { kubernetesIndexOf } from '../../workspace/kubernetesIndex';
import { isPatch, objectsHere, perParse } from '../support/kubernetes';

/** Controllers that keep a number of interchangeable replicas. */
const REPLICATED = new Set(['Deployment', 'StatefulSet', 'ReplicaSet', 'ReplicationController']);

export const rule = defineKubernetesRule({
  id: 'k8s/no-anti-affinity',
  meta: {
    severity: 'info',
    description: 'A workload with several replicas neither sets pod anti-affinity nor topology spread constraints, so all its pods may land on one node.',
    aliases: ['kube-linter:no-anti-affinity', 'kube-score:deployment-has-host-podantiaffinity', 'kube-score:statefulset-has-host-podantiaffinity'],
    messages: {
      together:
        '{{kind}} "{{name}}" runs {{replicas}} replicas but sets neither podAntiAffinity nor topologySpreadConstraints, so the scheduler may put them all on one node, which then takes them all down; spread them with a topologySpreadConstraint on kubernetes.io/hostname or a preferred podAntiAffinity.',
    },
    explanation: {
      why: 'Replicas protect against losing a node only when they run on different nodes. Without pod anti-affinity or topology spread constraints nothing keeps the scheduler from packing them together. The replica count is `spec.replicas`, or when it is unset the least an autoscaler of the workspace keeps.',
      standard:
        'Kubernetes pod topology spread constraints and inter-pod anti-affinity; kube-linter no-anti-affinity; kube-score deployment-/statefulset-has-host-podantiaffinity.',
      bad: 'apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: web}\nspec:\n  replicas: 3\n  selector:\n    matchLabels: {app: web}\n  template:\n    metadata:\n      labels: {app: web}\n    spec:\n      containers: [{name: web, image: web:1.0}]',
      good: 'apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: web}\nspec:\n  replicas: 3\n  selector:\n    matchLabels: {app: web}\n  template:\n    metadata:\n      labels: {app: web}\n    spec:\n      topologySpreadConstraints:\n        - maxSkew: 1\n          topologyKey: kubernetes.io/hostname\n          whenUnsatisfiable: ScheduleAnyway\n          labelSelector:\n            matchLabels: {app: web}\n      containers: [{name: web, image: web:1.0}]',
    },
  },
  check(context) {
    const index = kubernetesIndexOf(context.workspace);
    for (const object of objectsHere(context)) {
      if (!REPLICATED.has(object.kind) || !object.name || isPatch(object)) continue;
      const replicas = perParse(object, 'no-anti-affinity', () => unspreadReplicas(object));
      if (replicas === undefined) continue;
      // Replicas left unset are the autoscaler's to choose: then the least it keeps counts.
      const autoscaler = replicas === 'unset' ? index.autoscalerOf(object.kind, object.name, object.namespace) : undefined;
      const least = replicas === 'unset' ? autoscaler?.scaleTarget?.minReplicas : replicas;
      if (least === undefined || least < 2) continue;
      context.report({
        messageId: 'together',
        data: { kind: object.kind, name: object.name, replicas: autoscaler ? `at least ${least}` : least },
        range: object.view.at('spec', 'replicas')?.pairRange ?? object.anchorRange,
      });
    }
  },
});

/**
 * `spec.replicas` of a workload whose pods nothing spreads ('unset' when it is not written); undefined when its pods
 * are spread (topology spread constraints, pod anti-affinity) or it is not a workload.
 */
function unspreadReplicas(object: KubernetesObject): number | 'unset' | undefined {
  const podSpec = workloadOf(object)?.podSpec;
  if (!podSpec || hasItems(podSpec.get('topologySpreadConstraints'))) return undefined;
  const antiAffinity = podSpec.at('affinity', 'podAntiAffinity');
  if (
    hasItems(antiAffinity?.get('requiredDuringSchedulingIgnoredDuringExecution')) ||
    hasItems(antiAffinity?.get('preferredDuringSchedulingIgnoredDuringExecution'))
  ) {
    return undefined;
  }
  const written = object.view.at('spec', 'replicas');
  if (!written) return 'unset';
  return typeof written.scalar === 'number' ? written.scalar : undefined;
}

function hasItems(view: YamlView | undefined): boolean {
  return (view?.items().length ?? 0) > 0;
}
