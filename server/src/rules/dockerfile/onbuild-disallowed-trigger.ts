import type { Onbuild } from 'dockerfile-ast';
import { defineDockerfileRule } from '../../engine/ruleTypes';
import { instructionsNamed } from '../support/dockerfile';

const DISALLOWED_TRIGGERS = new Set(['ONBUILD', 'FROM', 'MAINTAINER']);

export const rule = defineDockerfileRule({
  id: 'dockerfile/onbuild-disallowed-trigger',
  meta: {
    severity: 'error',
    description: 'ONBUILD triggers ONBUILD, FROM or MAINTAINER, which the builder does not allow.',
    aliases: ['hadolint:DL3043'],
    messages: {
      disallowed: 'ONBUILD cannot trigger {{trigger}}; remove this ONBUILD or trigger another instruction.',
    },
    explanation: {
      why: 'The builder does not allow ONBUILD to trigger ONBUILD, FROM or MAINTAINER; the image fails to build.',
      standard: 'Dockerfile reference (ONBUILD); hadolint DL3043.',
      bad: 'ONBUILD FROM alpine:3.22',
      good: 'ONBUILD COPY . /app',
    },
  },
  check({ file, report }) {
    for (const stage of file.dockerfile.stages) {
      for (const onbuild of instructionsNamed(stage, 'ONBUILD') as Onbuild[]) {
        const trigger = onbuild.getTriggerInstruction();
        const range = onbuild.getTriggerRange();
        const keyword = trigger?.getKeyword();
        if (keyword && range && DISALLOWED_TRIGGERS.has(keyword)) report({ messageId: 'disallowed', data: { trigger: keyword }, range });
      }
    }
  },
});
