import { defineDockerfileRule } from '../../engine/ruleTypes';

export const rule = defineDockerfileRule({
  id: 'dockerfile/duplicate-stage-name',
  meta: {
    severity: 'error',
    description: 'Two stages share a name (compared case-insensitively), so references to it are ambiguous.',
    aliases: ['hadolint:DL3024', 'buildkit:DuplicateStageName'],
    messages: {
      duplicate: 'Stage name "{{name}}" is already used on line {{line}}; give each stage a unique name.',
    },
    explanation: {
      why: 'Stage names must be unique (case does not count); the builder rejects a file that reuses one.',
      standard: 'BuildKit build check DuplicateStageName; hadolint DL3024.',
      bad: 'FROM golang:1.25 AS build\nFROM node:22 AS build',
      good: 'FROM golang:1.25 AS build-api\nFROM node:22 AS build-web',
    },
  },
  check({ file, report }) {
    const firstLineByName = new Map<string, number>();
    for (const stage of file.dockerfile.stages) {
      const range = stage.from.getBuildStageRange();
      if (!stage.name || !range) continue;
      const first = firstLineByName.get(stage.name);
      if (first === undefined) firstLineByName.set(stage.name, range.start.line);
      else report({ messageId: 'duplicate', data: { name: stage.from.getBuildStage() ?? stage.name, line: first + 1 }, range });
    }
  },
});
