import { defineKubernetesRule, type Problem } from '../../engine/ruleTypes';
import { type ContainerView, isServingContainer } from '../../parsing/kubernetes';
import type { YamlView } from '../../parsing/yamlView';
import { containersHere } from '../support/kubernetes';
import { insertTree } from '../support/yamlTree';

/** What the kubelet waits between SIGTERM and SIGKILL when the pod does not say. */
const DEFAULT_GRACE_SECONDS = 30;

/** Long enough for kube-proxy, the ingress controller and cloud load balancers to stop sending new requests. */
const PRE_STOP_SLEEP_SECONDS = '5';

export const rule = defineKubernetesRule({
  id: 'k8s/missing-prestop',
  meta: {
    severity: 'info',
    description:
      'A container that serves on a port has no preStop hook, so it gets SIGTERM while Services still send it requests; or its preStop outlasts the grace period.',
    scope: 'document',
    fix: { when: 'when the container has no preStop hook (one that outlasts the grace period is reported without a fix)', applied: 'editor-only' },
    aliases: [],
    messages: {
      missing:
        'Container "{{container}}" serves on a port but has no lifecycle.preStop: when a pod stops, SIGTERM and its removal from Service endpoints happen at the same time, so requests still arrive after the process began to shut down; add a short preStop sleep so that traffic drains first.',
      outlastsGrace:
        'The preStop hook of container "{{container}}" waits {{sleep}} s, but the pod allows only {{grace}} s to stop (terminationGracePeriodSeconds): the kubelet kills the container before it ever gets SIGTERM, so it never shuts down gracefully; shorten the hook or raise the grace period.',
    },
    explanation: {
      why: 'When a pod is deleted (a rollout, a scale-down, a node drain) the kubelet sends SIGTERM while, in parallel, endpoints, kube-proxy, ingress controllers and cloud load balancers learn that the pod is going; for a few seconds they still send it new requests, which fail if the process already stopped accepting them. A preStop hook runs before SIGTERM: a short sleep lets the routing catch up, then the application drains and exits on SIGTERM (the standard\'s "graceful SIGTERM shutdown"). The hook counts against `terminationGracePeriodSeconds` (30 s by default): a hook that takes longer means SIGKILL without SIGTERM. Only containers of long-running workloads that declare a port are checked, not Knative Services, whose queue-proxy drains requests itself. The quick fix (never applied by fix-all or `lint --fix`) adds `lifecycle.preStop.sleep.seconds: 5`, the kubelet\'s own sleep (Kubernetes 1.30 or later), which needs no `sleep` binary in the image.',
      standard: 'Container standard "graceful SIGTERM shutdown"; Kubernetes docs, "Termination of Pods" and "Container Lifecycle Hooks".',
      bad: 'apiVersion: v1\nkind: Pod\nmetadata: { name: web }\nspec:\n  containers:\n    - name: web\n      image: example/web:1.4\n      ports:\n        - containerPort: 8080',
      good: 'apiVersion: v1\nkind: Pod\nmetadata: { name: web }\nspec:\n  containers:\n    - name: web\n      image: example/web:1.4\n      ports:\n        - containerPort: 8080\n      lifecycle:\n        preStop:\n          sleep:\n            seconds: 5',
    },
  },
  check(context) {
    for (const container of containersHere(context)) {
      if (!isServingContainer(container) || container.workload.object.group === 'serving.knative.dev') continue;
      const preStop = container.view.at('lifecycle', 'preStop');
      if (preStop) {
        reportLongHook(container, preStop, (problem) => context.report(problem));
        continue;
      }
      if (!container.ports.some((port) => port.protocol.toUpperCase() === 'TCP')) continue;
      context.report({
        messageId: 'missing',
        data: { container: container.name || '?' },
        range: container.keyRangeOr('lifecycle'),
        fixes: () => {
          const lifecycle = container.get('lifecycle');
          const hook = { preStop: { sleep: { seconds: PRE_STOP_SLEEP_SECONDS } } };
          const edit = lifecycle
            ? lifecycle.isMap
              ? insertTree(lifecycle, 'preStop', hook.preStop)
              : undefined
            : insertTree(container.view, 'lifecycle', hook);
          return edit ? [{ title: `Sleep ${PRE_STOP_SLEEP_SECONDS} s before SIGTERM so that traffic drains (preStop)`, edits: [edit], unsafe: true }] : [];
        },
      });
    }
  },
});

function reportLongHook(container: ContainerView, preStop: YamlView, report: (problem: Problem) => void): void {
  const sleep = sleepSeconds(preStop);
  if (!sleep) return;
  const graceView = container.workload.podSpec.get('terminationGracePeriodSeconds');
  const grace = typeof graceView?.scalar === 'number' ? graceView.scalar : DEFAULT_GRACE_SECONDS;
  if (sleep.seconds < grace) return;
  report({ messageId: 'outlastsGrace', data: { container: container.name || '?', sleep: sleep.seconds, grace }, range: sleep.view.range, severity: 'warning' });
}

/** How long a preStop hook sleeps: the kubelet's `sleep` action, or `sleep N` run by exec (alone or through a shell). */
function sleepSeconds(preStop: YamlView): { seconds: number; view: YamlView } | undefined {
  const action = preStop.at('sleep', 'seconds');
  if (typeof action?.scalar === 'number') return { seconds: action.scalar, view: action };
  const command = preStop.at('exec', 'command');
  const words = (command?.items() ?? []).map((item) => item.text ?? '');
  const script = words.length === 2 && words[0] === 'sleep' ? words.join(' ') : words.at(-1);
  const match = /^\s*(?:\/bin\/)?sleep\s+(\d+)\s*$/.exec(script ?? '');
  return match && command ? { seconds: Number(match[1]), view: command } : undefined;
}
