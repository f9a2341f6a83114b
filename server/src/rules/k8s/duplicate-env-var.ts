import { defineKubernetesRule } from '../../engine/ruleTypes';
import { oncePerRange } from '../support/composeMerged';
import { containersHere } from '../support/kubernetes';

export const rule = defineKubernetesRule({
  id: 'k8s/duplicate-env-var',
  meta: {
    severity: 'warning',
    description: 'A container sets the same environment variable twice, and only the last value counts.',
    aliases: ['kube-linter:duplicate-env-var', 'kube-score:environment-variable-key-duplication'],
    messages: {
      duplicate:
        'Container "{{container}}" sets {{name}} again (first on line {{firstLine}}): this later entry wins, so the first value is dead and misleading to whoever reads it; remove one of them.',
    },
    explanation: {
      why: 'The kubelet applies `env` in order and the last entry of a name wins, so an earlier one only misleads readers and reviews; `kubectl apply` merges env lists by name, so a later edit of such a list can drop or keep the wrong entry. It is usually a copy-paste or a merge left over.',
      standard: 'kube-linter duplicate-env-var; kube-score environment-variable-key-duplication.',
      bad: 'apiVersion: v1\nkind: Pod\nmetadata: { name: api }\nspec:\n  containers:\n    - name: api\n      image: example/api:2.3\n      env:\n        - name: LOG_LEVEL\n          value: info\n        - name: LOG_LEVEL\n          value: debug',
      good: 'apiVersion: v1\nkind: Pod\nmetadata: { name: api }\nspec:\n  containers:\n    - name: api\n      image: example/api:2.3\n      env:\n        - name: LOG_LEVEL\n          value: debug',
    },
  },
  check(context) {
    // An env list shared through an anchor is one text: reported once, where it is written.
    const firstTime = oncePerRange();
    for (const container of containersHere(context)) {
      const seen = new Map<string, number>();
      for (const env of container.env) {
        const nameView = env.nameView ?? env.view;
        const line = nameView.range.start.line + 1;
        const firstLine = seen.get(env.name);
        if (firstLine === undefined) {
          seen.set(env.name, line);
          continue;
        }
        if (!firstTime(nameView.range)) continue;
        context.report({ messageId: 'duplicate', data: { container: container.name || '?', name: env.name, firstLine }, range: nameView.range });
      }
    }
  },
});
