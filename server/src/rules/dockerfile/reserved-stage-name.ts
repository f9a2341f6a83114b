import { defineDockerfileRule } from '../../engine/ruleTypes';

/** Names the builder gives a meaning of its own: the empty image and the build context. */
const RESERVED = new Set(['scratch', 'context']);

export const rule = defineDockerfileRule({
  id: 'dockerfile/reserved-stage-name',
  meta: {
    severity: 'warning',
    description: 'A stage is named `scratch` or `context`, names the builder reserves.',
    aliases: ['hadolint:DL3063', 'buildkit:ReservedStageName'],
    messages: {
      reserved: 'Stage name "{{name}}" is reserved ({{name}} already means {{meaning}} to the builder); choose another name.',
    },
    explanation: {
      why: '`scratch` and `context` already mean the empty image and the build context, so a stage with one of these names cannot be referred to.',
      standard: 'BuildKit build check ReservedStageName; hadolint DL3063.',
      bad: 'FROM alpine:3.22 AS scratch',
      good: 'FROM alpine:3.22 AS base',
    },
  },
  check({ file, report }) {
    for (const stage of file.dockerfile.stages) {
      const range = stage.from.getBuildStageRange();
      if (!stage.name || !range || !RESERVED.has(stage.name)) continue;
      report({ messageId: 'reserved', data: { name: stage.name, meaning: stage.name === 'scratch' ? 'the empty image' : 'the build context' }, range });
    }
  },
});
