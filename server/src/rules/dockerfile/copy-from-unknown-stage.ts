import { defineDockerfileRule } from '../../engine/ruleTypes';
import { copyFromReferences } from '../support/copyAndAdd';
import { closestName } from '../support/didYouMean';

export const rule = defineDockerfileRule({
  id: 'dockerfile/copy-from-unknown-stage',
  meta: {
    severity: 'warning',
    description: 'COPY --from names neither an earlier stage nor an image reference.',
    fix: { when: "when the name is one edit away from an earlier stage's name", applied: 'editor-only' },
    aliases: ['hadolint:DL3022'],
    messages: {
      undefinedStage:
        'COPY --from={{name}} names no earlier stage, so the builder pulls an image called "{{name}}"; use the name of an earlier stage (FROM … AS {{name}}), or write the image with its tag.',
      laterStage: 'COPY --from={{name}} names a stage defined later, on line {{line}}; copy only from stages defined above.',
    },
    explanation: {
      why: 'A `--from` name that is no earlier stage is pulled as an image from a registry, so a typo in a stage name fetches (or fails to fetch) some unrelated image.',
      standard: 'hadolint DL3022.',
      bad: 'FROM golang:1.25 AS builder\nFROM alpine:3.22\nCOPY --from=buidler /app /app',
      good: 'FROM golang:1.25 AS builder\nFROM alpine:3.22\nCOPY --from=builder /app /app',
    },
  },
  check({ file, report }) {
    for (const { name, range, stage, source } of copyFromReferences(file.dockerfile)) {
      if (source.kind === 'undefined-stage') {
        const earlierNames = file.dockerfile.stages
          .filter((candidate) => candidate.index < stage.index && candidate.name)
          .map((candidate) => candidate.from.getBuildStage()!);
        const suggestion = closestName(name, earlierNames);
        // Unsafe: the name might really be an image (`nginx`) that merely resembles a stage name (`nginx1`).
        const fixes = suggestion ? [{ title: `Copy from stage ${suggestion}`, edits: [{ range, newText: suggestion }], unsafe: true }] : [];
        report({ messageId: 'undefinedStage', data: { name }, range, fixes });
      }
      if (source.kind === 'later-stage') report({ messageId: 'laterStage', data: { name, line: source.stage.from.getRange().start.line + 1 }, range });
    }
  },
});
