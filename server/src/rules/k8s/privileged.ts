import type { TextEdit } from 'vscode-languageserver-types';
import { defineKubernetesRule } from '../../engine/ruleTypes';
import type { ContainerView } from '../../parsing/kubernetes';
import { deletePair } from '../../parsing/yamlEdit';
import type { YamlView } from '../../parsing/yamlView';
import { containersHere } from '../support/kubernetes';
import { describeContainer, privilegedSetting } from '../support/podSecurity';

export const rule = defineKubernetesRule({
  id: 'k8s/privileged',
  meta: {
    severity: 'error',
    description: 'A container runs privileged: it has every capability and every host device, so whoever controls it controls the node.',
    scope: 'document',
    fix: { applied: 'editor-only' },
    aliases: ['kube-linter:privileged-container', 'polaris:runAsPrivileged', 'kube-score:container-security-context-privileged', 'checkov:CKV_K8S_16'],
    messages: {
      privileged:
        'The {{container}} runs privileged: it gets every capability and every device of the node and can escape to it; remove privileged: true and add only the capabilities it needs (capabilities.add).',
      privilegedAgent:
        'The {{container}} runs privileged: it gets every capability and every device of the node. Node agents run by DaemonSets (CNI, storage and device plugins) may need that; if this one does, keep it and suppress the finding with the annotation ignore-check.kube-linter.io/privileged-container, else remove privileged: true and add only the capabilities it needs.',
    },
    explanation: {
      why: "A privileged container runs with all capabilities, without seccomp or AppArmor confinement, and sees the node's devices: mounting the node's disk from it is enough to take over the node. Few workloads need it besides node agents (CNI plugins, CSI node drivers, device plugins), which are DaemonSets. The quick fix removes it and is never applied by fix-all or `lint --fix`: what the container did with those privileges then fails.",
      standard:
        'Container standard "Container Security"; Pod Security Standards "baseline" (privileged containers); CIS Kubernetes Benchmark 5.2 (pod security policies).',
      bad: 'apiVersion: v1\nkind: Pod\nmetadata: { name: vpn }\nspec:\n  containers:\n    - name: vpn\n      image: example/vpn:1.4\n      securityContext:\n        privileged: true',
      good: 'apiVersion: v1\nkind: Pod\nmetadata: { name: vpn }\nspec:\n  containers:\n    - name: vpn\n      image: example/vpn:1.4\n      securityContext:\n        capabilities:\n          add: [NET_ADMIN]',
    },
  },
  check(context) {
    for (const container of containersHere(context)) {
      const privileged = privilegedSetting(container);
      if (!privileged) continue;
      context.report({
        messageId: container.workload.object.kind === 'DaemonSet' ? 'privilegedAgent' : 'privileged',
        data: { container: describeContainer(container) },
        range: privileged.pairRange,
        fixes: () => {
          const edit = removePrivileged(container, privileged);
          return edit ? [{ title: 'Remove privileged: true', edits: [edit], unsafe: true }] : [];
        },
      });
    }
  },
});

/** Deletes the setting, or the whole securityContext when it is all that it holds (an empty one would be left). */
function removePrivileged(container: ContainerView, privileged: YamlView): TextEdit | undefined {
  const context = container.get('securityContext');
  return context && context.entries().length === 1 ? deletePair(context) : deletePair(privileged);
}
