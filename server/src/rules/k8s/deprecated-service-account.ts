import type { TextEdit } from 'vscode-languageserver-types';
import { defineKubernetesRule } from '../../engine/ruleTypes';
import { deletePair } from '../../parsing/yamlEdit';
import type { YamlView } from '../../parsing/yamlView';
import { workloadsHere } from '../support/kubernetes';
import { describeWorkload } from '../support/podSecurity';

export const rule = defineKubernetesRule({
  id: 'k8s/deprecated-service-account',
  meta: {
    severity: 'info',
    description: 'A pod names its service account with the deprecated `serviceAccount` field instead of `serviceAccountName`.',
    scope: 'document',
    fix: { applied: 'auto' },
    aliases: ['kube-linter:deprecated-service-account-field'],
    messages: {
      deprecated: '{{workload}} uses the deprecated field serviceAccount; rename it to serviceAccountName.',
      conflicting:
        '{{workload}} sets the deprecated serviceAccount "{{deprecated}}" and serviceAccountName "{{current}}": the pod runs as "{{current}}", whatever serviceAccount says; remove serviceAccount.',
      redundant: '{{workload}} sets the deprecated serviceAccount beside serviceAccountName with the same value; remove serviceAccount.',
    },
    explanation: {
      why: '`serviceAccount` is a deprecated alias kept for old manifests: the API server copies it into `serviceAccountName` when that is empty and ignores it otherwise, so a manifest that sets both to different accounts does not run as it reads.',
      standard:
        'Kubernetes API reference (PodSpec.serviceAccount: "Deprecated: Use serviceAccountName instead"); kube-linter deprecated-service-account-field.',
      bad: 'apiVersion: v1\nkind: Pod\nmetadata: { name: web }\nspec:\n  serviceAccount: web\n  containers:\n    - name: web\n      image: example/web:1.4',
      good: 'apiVersion: v1\nkind: Pod\nmetadata: { name: web }\nspec:\n  serviceAccountName: web\n  containers:\n    - name: web\n      image: example/web:1.4',
    },
  },
  check(context) {
    for (const workload of workloadsHere(context)) {
      const deprecated = workload.podSpec.get('serviceAccount');
      const deprecatedName = deprecated?.text;
      if (!deprecated || !deprecatedName) continue;
      const current = workload.podSpec.get('serviceAccountName');
      const currentName = current?.text;
      const data = { workload: describeWorkload(workload), deprecated: deprecatedName, current: currentName ?? '' };
      if (!currentName) {
        context.report({ messageId: 'deprecated', data, range: deprecated.keyRange ?? deprecated.range, fixes: () => renameFix(deprecated, current) });
        continue;
      }
      const conflicting = currentName !== deprecatedName;
      context.report({
        messageId: conflicting ? 'conflicting' : 'redundant',
        data,
        range: deprecated.pairRange,
        // Two accounts that disagree are a mistake worth a warning; the pod already runs as serviceAccountName.
        ...(conflicting ? { severity: 'warning' as const } : {}),
        fixes: () => {
          const edit = deletePair(deprecated);
          return edit ? [{ title: 'Remove the deprecated serviceAccount', edits: [edit] }] : [];
        },
      });
    }
  },
});

/** Renames the key, keeping its value and comments; an empty serviceAccountName beside it goes. */
function renameFix(deprecated: YamlView, current: YamlView | undefined) {
  const keyRange = deprecated.keyRange;
  if (!deprecated.isEditable || !keyRange) return [];
  const edits: TextEdit[] = [{ range: keyRange, newText: 'serviceAccountName' }];
  if (current) {
    const removal = deletePair(current);
    if (!removal) return [];
    edits.push(removal);
  }
  return [{ title: 'Rename serviceAccount to serviceAccountName', edits }];
}
