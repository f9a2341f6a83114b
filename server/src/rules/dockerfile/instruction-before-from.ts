import { defineDockerfileRule } from '../../engine/ruleTypes';

export const rule = defineDockerfileRule({
  id: 'dockerfile/instruction-before-from',
  meta: {
    severity: 'error',
    description: 'An instruction other than ARG comes before the first FROM.',
    aliases: ['hadolint:DL3061'],
    messages: {
      beforeFrom:
        '{{instruction}} comes before the first FROM, but a Dockerfile must start with FROM (only ARG, comments and parser directives may precede it); move it into a stage.',
    },
    explanation: {
      why: 'Only ARG (with comments and parser directives) may come before the first FROM; the builder rejects anything else.',
      standard: 'Dockerfile reference (FROM); hadolint DL3061.',
      bad: 'LABEL team=web\nFROM alpine:3.22',
      good: 'FROM alpine:3.22\nLABEL team=web',
    },
  },
  check({ file, report }) {
    // Only the first one: when FROM is missing or misplaced, every later instruction would repeat the same news.
    for (const instruction of file.dockerfile.ast.getInstructions()) {
      const keyword = instruction.getKeyword();
      if (keyword === 'FROM') return;
      if (keyword !== 'ARG') {
        report({ messageId: 'beforeFrom', data: { instruction: keyword }, range: instruction.getInstructionRange() });
        return;
      }
    }
  },
});
