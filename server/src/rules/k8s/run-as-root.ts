import { defineKubernetesRule, type Fix } from '../../engine/ruleTypes';
import type { ContainerView } from '../../parsing/kubernetes';
import { containersHere } from '../support/kubernetes';
import { describeContainer, isCloudRunService } from '../support/podSecurity';
import { hardeningFix, replaceValue, setSecurityContext } from '../support/securityContextFix';

export const rule = defineKubernetesRule({
  id: 'k8s/run-as-root',
  meta: {
    severity: 'warning',
    description: 'A container may run as root: neither it nor its pod sets `runAsNonRoot: true` or a non-zero `runAsUser`.',
    scope: 'document',
    fix: { when: 'unless the container runs as uid 0 or its securityContext is reached through a YAML alias', applied: 'editor-only' },
    aliases: ['kube-linter:run-as-non-root', 'polaris:runAsRootAllowed', 'checkov:CKV_K8S_23'],
    messages: {
      notEnforced:
        'The {{container}} runs as whatever user its image names, root unless the image says otherwise, and nothing stops it; set securityContext.runAsNonRoot: true (its image must then run as a numeric non-root USER) or a non-zero runAsUser.',
      disabled:
        'The {{container}} has runAsNonRoot: false, so it may run as root; set it to true (its image must then run as a numeric non-root USER) or set a non-zero runAsUser.',
      rootUser:
        'The {{container}} runs as root (runAsUser: 0 in the {{level}} securityContext): a process that escapes the container is root on the node; run it as a non-zero uid that its image allows.',
      rootUserRefused:
        'The {{container}} has runAsUser: 0 (in the {{level}} securityContext) and runAsNonRoot: true, so the kubelet refuses to start it (CreateContainerConfigError); set runAsUser to a non-zero uid that its image allows.',
    },
    explanation: {
      why: 'Root in a container is root on the node for the kernel: a container escape, or a host path it mounts, gives full control of the node. `runAsNonRoot: true` makes the kubelet refuse to start a container whose user is root. The quick fix adds it, and is never applied by fix-all or `lint --fix`: an image that runs as root (or as a named user, which the kubelet cannot check) then fails with CreateContainerConfigError until its Dockerfile sets a numeric non-root USER or the pod sets `runAsUser`. Init containers and Jobs are checked too: they run code as well; an init container that must be root (to chown a volume) keeps the finding and is suppressed where it is. Knative Services deployed to Cloud Run (marked by a `run.googleapis.com/` annotation or the `cloud.googleapis.com/location` label) are not checked: Cloud Run accepts no securityContext and runs every container in its gVisor sandbox.',
      standard:
        'Container standard "Container Security: run as a non-root user"; Pod Security Standards "restricted" (runAsNonRoot); CIS Kubernetes Benchmark 5.2 (pod security policies).',
      bad: 'apiVersion: v1\nkind: Pod\nmetadata: { name: web }\nspec:\n  containers:\n    - name: web\n      image: example/web:1.4',
      good: 'apiVersion: v1\nkind: Pod\nmetadata: { name: web }\nspec:\n  securityContext:\n    runAsNonRoot: true\n    runAsUser: 10001\n  containers:\n    - name: web\n      image: example/web:1.4',
    },
  },
  check(context) {
    for (const container of containersHere(context)) {
      // Cloud Run accepts no securityContext (see isCloudRunService): the image's USER is what runs, and the Dockerfile rules check it.
      if (isCloudRunService(container.workload)) continue;
      const data = { container: describeContainer(container) };
      const runAsUser = container.security('runAsUser');
      const runAsNonRoot = container.security('runAsNonRoot');
      if (runAsUser?.value.scalar === 0) {
        const messageId = runAsNonRoot?.value.scalar === true ? 'rootUserRefused' : 'rootUser';
        context.report({ messageId, data: { ...data, level: runAsUser.level }, range: runAsUser.value.pairRange });
        continue;
      }
      if (runAsNonRoot?.value.scalar === true) continue;
      if (typeof runAsUser?.value.scalar === 'number' && runAsUser.value.scalar > 0) continue;
      const disabled = runAsNonRoot?.value.scalar === false;
      context.report({
        messageId: disabled ? 'disabled' : 'notEnforced',
        data,
        range: disabled && runAsNonRoot ? runAsNonRoot.value.pairRange : container.keyRangeOr('securityContext'),
        fixes: () => [...nonRootFix(container), ...hardeningFix(container, 'runAsNonRoot')],
      });
    }
  },
});

/** runAsNonRoot: true in the container's own securityContext, which wins over a pod's `false`. */
function nonRootFix(container: ContainerView): Fix[] {
  const own = container.view.at('securityContext', 'runAsNonRoot');
  const edit = own ? replaceValue(own, 'true') : undefined;
  const edits = own ? (edit ? [edit] : undefined) : setSecurityContext(container, [['runAsNonRoot', 'true']]);
  if (!edits?.length) return [];
  return [{ title: 'Set runAsNonRoot: true (the image must run as a numeric non-root user)', edits, unsafe: true }];
}
