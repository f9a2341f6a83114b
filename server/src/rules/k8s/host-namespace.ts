import { defineKubernetesRule } from '../../engine/ruleTypes';
import { deletePair } from '../../parsing/yamlEdit';
import { workloadsHere } from '../support/kubernetes';
import { describeWorkload } from '../support/podSecurity';

/** The pod spec fields that share one of the node's namespaces, what that gives the pod, and the checks that name it. */
const HOST_NAMESPACES = [
  {
    field: 'hostNetwork',
    check: 'host-network',
    risk: "its containers use the node's network stack: they can bind any port of the node, reach services listening on its localhost, and NetworkPolicies cannot reliably isolate them",
    aliases: ['kube-linter:host-network', 'polaris:hostNetworkSet', 'checkov:CKV_K8S_19'],
  },
  {
    field: 'hostPID',
    check: 'host-pid',
    risk: 'its containers see every process of the node, read their command lines and environments, and with enough privileges signal or trace them',
    aliases: ['kube-linter:host-pid', 'polaris:hostPIDSet', 'checkov:CKV_K8S_17'],
  },
  {
    field: 'hostIPC',
    check: 'host-ipc',
    risk: 'its containers share the shared memory and message queues of every process of the node',
    aliases: ['kube-linter:host-ipc', 'polaris:hostIPCSet', 'checkov:CKV_K8S_18'],
  },
] as const;

export const rule = defineKubernetesRule({
  id: 'k8s/host-namespace',
  meta: {
    severity: 'error',
    description:
      "A pod shares the node's network, process or IPC namespace (`hostNetwork`, `hostPID` or `hostIPC: true`), so its containers are no longer isolated from the node.",
    scope: 'document',
    fix: { applied: 'editor-only' },
    aliases: ['kube-linter:host-network', 'kube-linter:host-pid', 'kube-linter:host-ipc'],
    messages: {
      shared: '{{workload}} sets {{field}}: true: {{risk}}; remove it unless the pod must act on the node itself.',
      sharedByAgent:
        '{{workload}} sets {{field}}: true: {{risk}}. Node agents (CNI plugins, kube-proxy, node monitoring) may need that; if this one does, keep it and suppress the finding with the annotation ignore-check.kube-linter.io/{{check}}, else remove it.',
    },
    explanation: {
      why: "Namespaces are what isolates a container from the node: with hostNetwork, hostPID or hostIPC the pod sees the node's network, processes or shared memory, which turns a compromised container into a foothold on the node. Only node agents, run by DaemonSets, usually need it. The quick fix removes the setting and is never applied by fix-all or `lint --fix`, since what relied on it stops working.",
      standard:
        'Container standard "Container Security"; Pod Security Standards "baseline" (host namespaces); CIS Kubernetes Benchmark 5.2 (pod security policies).',
      bad: 'apiVersion: v1\nkind: Pod\nmetadata: { name: web }\nspec:\n  hostNetwork: true\n  containers:\n    - name: web\n      image: example/web:1.4',
      good: 'apiVersion: v1\nkind: Pod\nmetadata: { name: web }\nspec:\n  containers:\n    - name: web\n      image: example/web:1.4\n      ports:\n        - containerPort: 8080',
    },
  },
  check(context) {
    for (const workload of workloadsHere(context)) {
      for (const { field, check, risk, aliases } of HOST_NAMESPACES) {
        const setting = workload.podSpec.get(field);
        if (setting?.scalar !== true) continue;
        context.report({
          messageId: workload.object.kind === 'DaemonSet' ? 'sharedByAgent' : 'shared',
          data: { workload: describeWorkload(workload), field, check, risk },
          range: setting.pairRange,
          aliases,
          fixes: () => {
            const edit = deletePair(setting);
            return edit ? [{ title: `Remove ${field}: true`, edits: [edit], unsafe: true }] : [];
          },
        });
      }
    }
  },
});
