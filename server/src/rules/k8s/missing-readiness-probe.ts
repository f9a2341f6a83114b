import { defineKubernetesRule } from '../../engine/ruleTypes';
import { isServingContainer } from '../../parsing/kubernetes';
import { containersHere } from '../support/kubernetes';
import { probeFixes } from '../support/kubernetesProbes';

export const rule = defineKubernetesRule({
  id: 'k8s/missing-readiness-probe',
  meta: {
    severity: 'warning',
    description: 'A container of a long-running workload has no readiness probe, so it gets traffic before it can answer and keeps it while it cannot.',
    scope: 'document',
    fix: { when: 'when the container declares a TCP port or has another probe to copy', applied: 'editor-only' },
    aliases: ['kube-linter:no-readiness-probe', 'polaris:readinessProbeMissing'],
    messages: {
      missing:
        'Container "{{container}}" has no readinessProbe, so Services send it requests as soon as it starts and while it is stuck, and a rollout goes on before it is up; add a readinessProbe that succeeds only when it can serve.',
    },
    explanation: {
      why: 'Without a readiness probe a pod counts as ready the moment its containers start: Services route to it before it listens, a rolling update replaces the old pods before the new ones work, and a container that stops answering keeps receiving traffic. Only the containers of long-running workloads (Deployment, StatefulSet, DaemonSet, ReplicaSet, a restarting Pod) are checked; Jobs, CronJobs, init and ephemeral containers are not, and neither are Knative Services, which probe the container port themselves. The quick fix copies the handler of the container\'s liveness or startup probe when it has one, else probes `/` (or `/metrics`) over HTTP on a port named like `http`, `https`, `web` or `metrics`, else connects to its first TCP port; a container that declares no port and has no other probe gets no fix. It is never applied by fix-all or `lint --fix`: whether that endpoint means "ready" is yours to decide.',
      standard: 'Container standard "Health checks: readiness probes"; kube-linter no-readiness-probe; Polaris readinessProbeMissing.',
      bad: 'apiVersion: v1\nkind: Pod\nmetadata: { name: web }\nspec:\n  containers:\n    - name: web\n      image: example/web:1.4\n      ports:\n        - name: http\n          containerPort: 8080',
      good: 'apiVersion: v1\nkind: Pod\nmetadata: { name: web }\nspec:\n  containers:\n    - name: web\n      image: example/web:1.4\n      ports:\n        - name: http\n          containerPort: 8080\n      readinessProbe:\n        httpGet:\n          path: /\n          port: http',
    },
  },
  check(context) {
    for (const container of containersHere(context)) {
      if (!isServingContainer(container) || container.get('readinessProbe') !== undefined) continue;
      // Knative gives a container without a readiness probe a TCP probe on its port.
      if (container.workload.object.group === 'serving.knative.dev') continue;
      context.report({
        messageId: 'missing',
        data: { container: container.name || '?' },
        range: container.anchorRange,
        fixes: () => probeFixes(container, 'readinessProbe'),
      });
    }
  },
});
