import { defineDockerfileRule } from '../../engine/ruleTypes';
import { copyFromReferences } from '../support/copyAndAdd';

export const rule = defineDockerfileRule({
  id: 'dockerfile/copy-from-own-stage',
  meta: {
    severity: 'error',
    description: 'COPY --from names the stage the COPY is in.',
    aliases: ['hadolint:DL3023'],
    messages: {
      ownStage:
        'COPY --from={{name}} names the stage it is in, which cannot copy from itself; copy from an earlier stage, or copy from the build context without --from.',
    },
    explanation: {
      why: 'A stage cannot copy from itself; the builder fails with a circular dependency.',
      standard: 'hadolint DL3023.',
      bad: 'FROM alpine:3.22 AS app\nCOPY --from=app /etc/motd /tmp/',
      good: 'FROM alpine:3.22 AS app\nCOPY motd /tmp/',
    },
  },
  check({ file, report }) {
    for (const { name, range, source } of copyFromReferences(file.dockerfile)) {
      if (source.kind === 'own-stage') report({ messageId: 'ownStage', data: { name }, range });
    }
  },
});
