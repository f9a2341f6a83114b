import { defineKubernetesRule } from '../../engine/ruleTypes';
import { kubernetesIndexOf } from '../../workspace/kubernetesIndex';
import { isPatch, objectsHere } from '../support/kubernetes';

export const rule = defineKubernetesRule({
  id: 'k8s/single-replica',
  meta: {
    severity: 'info',
    description: 'A Deployment runs one replica (`replicas: 1` or unset) and no autoscaler in the workspace scales it.',
    aliases: ['kube-score:deployment-replicas', 'polaris:deploymentMissingReplicas'],
    messages: {
      one: 'Deployment "{{name}}" runs a single replica{{how}}: a node drain, an eviction or a crash leaves it with no ready pod. Run 2 or more, or scale it with a HorizontalPodAutoscaler.',
    },
    explanation: {
      why: 'One replica is one point of failure: draining or losing its node, an eviction, or a crash loop takes the application down until a new pod is ready. A Deployment a HorizontalPodAutoscaler (or KEDA ScaledObject) of the workspace targets is left alone, and so is one with the Recreate strategy, which says it must run alone.',
      standard: 'Kubernetes Deployments; kube-score deployment-replicas; Polaris deploymentMissingReplicas.',
      bad: 'apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: web}\nspec:\n  selector:\n    matchLabels: {app: web}\n  template:\n    metadata:\n      labels: {app: web}\n    spec:\n      containers: [{name: web, image: web:1.0}]',
      good: 'apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: web}\nspec:\n  replicas: 3\n  selector:\n    matchLabels: {app: web}\n  template:\n    metadata:\n      labels: {app: web}\n    spec:\n      containers: [{name: web, image: web:1.0}]',
    },
  },
  check(context) {
    const index = kubernetesIndexOf(context.workspace);
    for (const object of objectsHere(context)) {
      if (object.kind !== 'Deployment' || (object.group !== 'apps' && object.group !== 'extensions') || !object.name || isPatch(object)) continue;
      const spec = object.view.get('spec');
      const replicas = spec?.get('replicas');
      if (replicas && replicas.scalar !== 1) continue;
      if (spec?.at('strategy', 'type')?.string === 'Recreate') continue;
      if (index.autoscalerOf('Deployment', object.name, object.namespace)) continue;
      context.report({
        messageId: 'one',
        data: { name: object.name, how: replicas ? '' : ' (replicas is unset, which means 1)' },
        range: replicas?.pairRange ?? object.anchorRange,
      });
    }
  },
});
