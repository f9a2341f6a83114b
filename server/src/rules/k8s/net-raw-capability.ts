import { defineKubernetesRule } from '../../engine/ruleTypes';
import { containersHere } from '../support/kubernetes';
import { capabilities, describeContainer, drops, isCloudRunService, isWindowsPod, privilegedSetting } from '../support/podSecurity';
import { dropCapability, hardeningFix } from '../support/securityContextFix';

export const rule = defineKubernetesRule({
  id: 'k8s/net-raw-capability',
  meta: {
    severity: 'info',
    description:
      "A container keeps the NET_RAW capability (it drops neither NET_RAW nor ALL), with which it can forge packets and spoof other pods on the node's network.",
    scope: 'document',
    fix: { when: 'unless the container adds NET_RAW itself', applied: 'auto' },
    aliases: ['kube-linter:drop-net-raw-capability', 'checkov:CKV_K8S_28'],
    messages: {
      kept: 'The {{container}} keeps NET_RAW, which container runtimes grant by default: with it a compromised process can craft raw packets and spoof or sniff traffic of other pods on the node; add NET_RAW (or ALL) to securityContext.capabilities.drop.',
      added:
        'The {{container}} adds {{capability}}, with which it can craft raw packets and spoof or sniff traffic of other pods on the node; remove it unless the container needs raw sockets (ping, packet capture).',
    },
    explanation: {
      why: 'NET_RAW lets a process open raw sockets: forge ARP and DNS answers to other pods on the same node, or sniff traffic, which is how several container escapes and in-cluster spoofing attacks started. Almost no application needs it (ping and packet capture tools do). The quick fix adds NET_RAW to `capabilities.drop`; dropping ALL (the hardening fix) is better still. A privileged container is left to k8s/privileged: dropping a capability does not confine it. Knative Services deployed to Cloud Run (marked by a `run.googleapis.com/` annotation or the `cloud.googleapis.com/location` label) are not checked: Cloud Run accepts no securityContext and runs every container in its gVisor sandbox.',
      standard:
        'Container standard "Container Security"; Pod Security Standards "restricted" (drop ALL); kube-linter drop-net-raw-capability; CIS Kubernetes Benchmark 5.2 (pod security policies).',
      bad: 'apiVersion: v1\nkind: Pod\nmetadata: { name: web }\nspec:\n  containers:\n    - name: web\n      image: example/web:1.4',
      good: 'apiVersion: v1\nkind: Pod\nmetadata: { name: web }\nspec:\n  containers:\n    - name: web\n      image: example/web:1.4\n      securityContext:\n        capabilities:\n          drop: [ALL]',
    },
  },
  check(context) {
    for (const container of containersHere(context)) {
      // Cloud Run accepts no securityContext (see isCloudRunService).
      if (isWindowsPod(container.workload) || isCloudRunService(container.workload) || privilegedSetting(container)) continue;
      const data = { container: describeContainer(container) };
      const added = capabilities(container, 'add');
      // Adding ALL is reported by k8s/dangerous-capability, and no drop list takes NET_RAW back from it.
      if (added.some(({ name }) => name === 'ALL')) continue;
      const addedNetRaw = added.find(({ name }) => name === 'NET_RAW');
      if (addedNetRaw) {
        context.report({ messageId: 'added', data: { ...data, capability: addedNetRaw.view.text ?? 'NET_RAW' }, range: addedNetRaw.view.range });
        continue;
      }
      if (drops(container, 'NET_RAW')) continue;
      context.report({
        messageId: 'kept',
        data,
        range: container.view.at('securityContext', 'capabilities', 'drop')?.keyRange ?? container.anchorRange,
        fixes: () => {
          const edits = dropCapability(container, 'NET_RAW');
          const own = edits?.length ? [{ title: 'Drop the NET_RAW capability', edits }] : [];
          return [...own, ...hardeningFix(container, 'capabilities')];
        },
      });
    }
  },
});
