import { defineKubernetesRule, type Fix } from '../../engine/ruleTypes';
import type { ContainerView } from '../../parsing/kubernetes';
import { containersHere } from '../support/kubernetes';
import { describeContainer, escalationImpliedBy, isCloudRunService, isWindowsPod } from '../support/podSecurity';
import { hardeningFix, replaceValue, setSecurityContext } from '../support/securityContextFix';

export const rule = defineKubernetesRule({
  id: 'k8s/privilege-escalation',
  meta: {
    severity: 'warning',
    description:
      'A container does not set `allowPrivilegeEscalation: false`, so its processes can gain more privileges than they started with (setuid binaries, file capabilities).',
    scope: 'document',
    fix: {
      when: 'unless `privileged` or CAP_SYS_ADMIN implies it',
      applied: { autoWhen: 'when `allowPrivilegeEscalation` is not written' },
    },
    aliases: ['kube-linter:privilege-escalation-container', 'polaris:privilegeEscalationAllowed', 'checkov:CKV_K8S_20'],
    messages: {
      unset:
        'The {{container}} does not set allowPrivilegeEscalation, which defaults to true: a setuid binary or file capability in its image can raise a process to root; set securityContext.allowPrivilegeEscalation: false.',
      allowed:
        'The {{container}} sets allowPrivilegeEscalation: true: a setuid binary or file capability in its image can raise a process to root; set it to false unless the container must switch users (sudo, su).',
      implied:
        'The {{container}} can always escalate privileges because of {{reason}}, whatever allowPrivilegeEscalation says (the API server rejects false beside it); remove that first, then set allowPrivilegeEscalation: false.',
    },
    explanation: {
      why: "`allowPrivilegeEscalation: false` sets no_new_privs on the container's processes: a setuid-root binary or a file capability then gives no extra privilege, which closes the usual path from a compromised non-root process to root. It is on by default. The quick fix sets it; a container that needs sudo or su, or a binary with file capabilities (setcap) to bind a low port, stops working and must keep it. Knative Services deployed to Cloud Run (marked by a `run.googleapis.com/` annotation or the `cloud.googleapis.com/location` label) are not checked: Cloud Run accepts no securityContext and runs every container in its gVisor sandbox.",
      standard:
        'Container standard "Container Security"; Pod Security Standards "restricted" (allowPrivilegeEscalation); CIS Kubernetes Benchmark 5.2 (pod security policies).',
      bad: 'apiVersion: v1\nkind: Pod\nmetadata: { name: web }\nspec:\n  containers:\n    - name: web\n      image: example/web:1.4',
      good: 'apiVersion: v1\nkind: Pod\nmetadata: { name: web }\nspec:\n  containers:\n    - name: web\n      image: example/web:1.4\n      securityContext:\n        allowPrivilegeEscalation: false',
    },
  },
  check(context) {
    for (const container of containersHere(context)) {
      // Cloud Run accepts no securityContext (see isCloudRunService).
      if (isWindowsPod(container.workload) || isCloudRunService(container.workload)) continue;
      const data = { container: describeContainer(container) };
      const setting = container.view.at('securityContext', 'allowPrivilegeEscalation');
      const implied = escalationImpliedBy(container);
      if (implied) {
        if (setting?.scalar !== false)
          context.report({ messageId: 'implied', data: { ...data, reason: implied.reason }, range: container.keyRangeOr('securityContext') });
        continue;
      }
      if (setting?.scalar === false) continue;
      const written = setting !== undefined && setting.scalar !== null && setting.scalar !== undefined;
      context.report({
        messageId: written ? 'allowed' : 'unset',
        data,
        range: written ? setting.pairRange : container.keyRangeOr('securityContext'),
        fixes: () => [...noEscalationFix(container), ...hardeningFix(container, 'allowPrivilegeEscalation')],
      });
    }
  },
});

function noEscalationFix(container: ContainerView): Fix[] {
  const own = container.view.at('securityContext', 'allowPrivilegeEscalation');
  const edit = own ? replaceValue(own, 'false') : undefined;
  const edits = own ? (edit ? [edit] : undefined) : setSecurityContext(container, [['allowPrivilegeEscalation', 'false']]);
  // Turning off an escalation someone wrote `true` for is theirs to decide; adding the missing default is not.
  return edits?.length ? [{ title: 'Set allowPrivilegeEscalation: false', edits, unsafe: own !== undefined }] : [];
}
