import { defineKubernetesRule } from '../../engine/ruleTypes';
import { deletePair, insertPair } from '../../parsing/yamlEdit';
import { objectsHere } from '../support/kubernetes';

/** A day: long enough to read a failed Job's logs the next morning. */
const DEFAULT_TTL_SECONDS = '86400';

/** Annotations of tools that delete the Jobs they run themselves (Helm and Argo CD hooks). */
const DELETED_BY_TOOL = ['helm.sh/hook-delete-policy', 'argocd.argoproj.io/hook-delete-policy'];

export const rule = defineKubernetesRule({
  id: 'k8s/job-ttl-seconds-after-finished',
  meta: {
    severity: 'info',
    description: "A standalone Job sets no ttlSecondsAfterFinished, or a CronJob's job template sets one that competes with its history limits.",
    scope: 'document',
    fix: { applied: 'editor-only' },
    aliases: ['kube-linter:job-ttl-seconds-after-finished'],
    messages: {
      noTtl:
        'Job "{{job}}" sets no spec.ttlSecondsAfterFinished, so once finished it and its pods stay in the cluster until someone deletes them; set a TTL that leaves time to read its logs.',
      cronJobTtl:
        'The job template of CronJob "{{job}}" sets ttlSecondsAfterFinished, which deletes finished Jobs regardless of successfulJobsHistoryLimit and failedJobsHistoryLimit: whichever acts first wins, so the history limits do not keep what they say; keep one mechanism, normally the history limits.',
    },
    explanation: {
      why: "Nothing deletes a finished standalone Job: its object and its completed pods pile up (and count against quotas) until a person or a tool removes them. `ttlSecondsAfterFinished` makes the TTL controller delete them, pods included. A CronJob already keeps a bounded history of its Jobs (3 successful, 1 failed by default); a TTL on its template removes Jobs behind that history's back, so a failure may be gone before anyone looks. Jobs that Helm or Argo CD hooks delete themselves, and Jobs owned by another object, are not reported. Under a GitOps tool that re-applies the manifest, a Job deleted by its TTL may be created again: there, prefer the tool's own cleanup. The quick fixes (never applied by fix-all or `lint --fix`) set a TTL of one day on a Job, or remove the TTL from a CronJob's template.",
      standard: 'kube-linter job-ttl-seconds-after-finished; Kubernetes docs, "Automatic Cleanup for Finished Jobs".',
      bad: 'apiVersion: batch/v1\nkind: Job\nmetadata: { name: migrate }\nspec:\n  template:\n    spec:\n      restartPolicy: Never\n      containers:\n        - name: migrate\n          image: example/migrate:1.0',
      good: 'apiVersion: batch/v1\nkind: Job\nmetadata: { name: migrate }\nspec:\n  ttlSecondsAfterFinished: 86400\n  template:\n    spec:\n      restartPolicy: Never\n      containers:\n        - name: migrate\n          image: example/migrate:1.0',
    },
  },
  check(context) {
    for (const object of objectsHere(context)) {
      if (object.group !== 'batch') continue;
      const spec = object.view.get('spec');
      if (!spec?.isMap) continue;
      if (object.kind === 'Job') {
        if (spec.get('ttlSecondsAfterFinished') !== undefined || object.view.at('metadata', 'ownerReferences') !== undefined) continue;
        if (DELETED_BY_TOOL.some((annotation) => object.annotations.has(annotation))) continue;
        context.report({
          messageId: 'noTtl',
          data: { job: object.name ?? '?' },
          range: object.anchorRange,
          fixes: () => {
            const edit = insertPair(spec, 'ttlSecondsAfterFinished', DEFAULT_TTL_SECONDS);
            return edit ? [{ title: 'Delete the Job a day after it finishes (ttlSecondsAfterFinished: 86400)', edits: [edit], unsafe: true }] : [];
          },
        });
      } else if (object.kind === 'CronJob') {
        const ttl = spec.at('jobTemplate', 'spec', 'ttlSecondsAfterFinished');
        if (ttl === undefined) continue;
        context.report({
          messageId: 'cronJobTtl',
          data: { job: object.name ?? '?' },
          range: ttl.pairRange,
          fixes: () => {
            const edit = deletePair(ttl);
            return edit ? [{ title: 'Remove ttlSecondsAfterFinished and let the history limits clean up', edits: [edit], unsafe: true }] : [];
          },
        });
      }
    }
  },
});
