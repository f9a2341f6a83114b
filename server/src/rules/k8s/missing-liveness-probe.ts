import { defineKubernetesRule } from '../../engine/ruleTypes';
import { isServingContainer } from '../../parsing/kubernetes';
import { containersHere } from '../support/kubernetes';
import { probeFixes } from '../support/kubernetesProbes';

export const rule = defineKubernetesRule({
  id: 'k8s/missing-liveness-probe',
  meta: {
    severity: 'warning',
    description: 'A container of a long-running workload has no liveness probe, so a process that hangs without exiting is never restarted.',
    scope: 'document',
    fix: { when: 'when the container declares a TCP port or has another probe to copy', applied: 'editor-only' },
    aliases: ['kube-linter:no-liveness-probe', 'polaris:livenessProbeMissing'],
    messages: {
      missing:
        'Container "{{container}}" has no livenessProbe, so if it deadlocks or hangs without exiting the kubelet never restarts it; add a livenessProbe that fails only when a restart would help.',
    },
    explanation: {
      why: "The kubelet restarts a container that exits, but not one that is alive and stuck (a deadlock, an exhausted pool, a wedged event loop): only a liveness probe notices. Keep it cheap and independent of other services, or a database outage restarts every pod. Only the containers of long-running workloads (Deployment, StatefulSet, DaemonSet, ReplicaSet, a restarting Pod, a Knative Service) are checked; Jobs, CronJobs, init and ephemeral containers are not. The quick fix copies the handler of the container's readiness or startup probe when it has one, else probes `/` (or `/metrics`) over HTTP on a port named like `http`, `https`, `web` or `metrics`, else connects to its first TCP port, and waits 15 s then probes every 20 s so that a slow start is not taken for a hang; a container that declares no port and has no other probe gets no fix. It is never applied by fix-all or `lint --fix`: a liveness probe that fails on a healthy container restarts it in a loop.",
      standard: 'Container standard "Health checks: liveness probes"; kube-linter no-liveness-probe; Polaris livenessProbeMissing.',
      bad: 'apiVersion: v1\nkind: Pod\nmetadata: { name: db }\nspec:\n  containers:\n    - name: db\n      image: postgres:16\n      ports:\n        - containerPort: 5432',
      good: 'apiVersion: v1\nkind: Pod\nmetadata: { name: db }\nspec:\n  containers:\n    - name: db\n      image: postgres:16\n      ports:\n        - containerPort: 5432\n      livenessProbe:\n        tcpSocket:\n          port: 5432\n        initialDelaySeconds: 15\n        periodSeconds: 20',
    },
  },
  check(context) {
    for (const container of containersHere(context)) {
      if (!isServingContainer(container) || container.get('livenessProbe') !== undefined) continue;
      context.report({
        messageId: 'missing',
        data: { container: container.name || '?' },
        range: container.anchorRange,
        fixes: () => probeFixes(container, 'livenessProbe'),
      });
    }
  },
});
