import { defineKubernetesRule, type Fix } from '../../engine/ruleTypes';
import type { ContainerView } from '../../parsing/kubernetes';
import { containersHere } from '../support/kubernetes';
import { describeContainer, isCloudRunService, isWindowsPod } from '../support/podSecurity';
import { hardeningFix, replaceValue, setSecurityContext } from '../support/securityContextFix';

export const rule = defineKubernetesRule({
  id: 'k8s/writable-root-fs',
  meta: {
    severity: 'info',
    description: "A container's root filesystem is writable (`readOnlyRootFilesystem` is not true), so an intruder can change its programs and drop tools.",
    scope: 'document',
    fix: { applied: 'editor-only' },
    aliases: [
      'kube-linter:no-read-only-root-fs',
      'polaris:notReadOnlyRootFilesystem',
      'kube-score:container-security-context-readonlyrootfilesystem',
      'checkov:CKV_K8S_22',
    ],
    messages: {
      writable:
        'The {{container}} has a writable root filesystem: whoever gets code running in it can replace its programs and store tools there; set securityContext.readOnlyRootFilesystem: true, and mount an emptyDir where the application writes (/tmp, caches).',
    },
    explanation: {
      why: 'With a read-only root filesystem the image stays what was scanned and deployed: an attacker cannot modify binaries or configuration, and writes the application really makes go to volumes that are declared and sized. The quick fix sets it and is never applied by fix-all or `lint --fix`: an application that writes to its filesystem (temporary files, caches, pid files) fails until an emptyDir volume is mounted where it writes. Knative Services deployed to Cloud Run (marked by a `run.googleapis.com/` annotation or the `cloud.googleapis.com/location` label) are not checked: Cloud Run accepts no securityContext and runs every container in its gVisor sandbox.',
      standard: 'Container standard "Container Security"; NSA/CISA Kubernetes Hardening Guide (immutable container filesystems).',
      bad: 'apiVersion: v1\nkind: Pod\nmetadata: { name: web }\nspec:\n  containers:\n    - name: web\n      image: example/web:1.4',
      good: 'apiVersion: v1\nkind: Pod\nmetadata: { name: web }\nspec:\n  containers:\n    - name: web\n      image: example/web:1.4\n      securityContext:\n        readOnlyRootFilesystem: true\n      volumeMounts:\n        - { name: tmp, mountPath: /tmp }\n  volumes:\n    - { name: tmp, emptyDir: {} }',
    },
  },
  check(context) {
    for (const container of containersHere(context)) {
      // Cloud Run accepts no securityContext (see isCloudRunService).
      if (isWindowsPod(container.workload) || isCloudRunService(container.workload)) continue;
      const setting = container.view.at('securityContext', 'readOnlyRootFilesystem');
      if (setting?.scalar === true) continue;
      context.report({
        messageId: 'writable',
        data: { container: describeContainer(container) },
        range: setting?.scalar === false ? setting.pairRange : container.keyRangeOr('securityContext'),
        fixes: () => [...readOnlyFix(container), ...hardeningFix(container, 'readOnlyRootFilesystem')],
      });
    }
  },
});

function readOnlyFix(container: ContainerView): Fix[] {
  const own = container.view.at('securityContext', 'readOnlyRootFilesystem');
  const edit = own ? replaceValue(own, 'true') : undefined;
  const edits = own ? (edit ? [edit] : undefined) : setSecurityContext(container, [['readOnlyRootFilesystem', 'true']]);
  if (!edits?.length) return [];
  return [{ title: 'Set readOnlyRootFilesystem: true (mount an emptyDir where the application writes)', edits, unsafe: true }];
}
