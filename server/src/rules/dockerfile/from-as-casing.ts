import { defineDockerfileRule } from '../../engine/ruleTypes';

export const rule = defineDockerfileRule({
  id: 'dockerfile/from-as-casing',
  meta: {
    severity: 'warning',
    description: 'The AS keyword of a FROM is not written in the same casing as FROM.',
    fix: { applied: 'auto' },
    aliases: ['buildkit:FromAsCasing'],
    messages: {
      casing: "'{{as}}' and '{{from}}' keywords' casing do not match; write '{{expected}}' to match '{{from}}'.",
    },
    explanation: {
      why: 'FROM and AS are case-insensitive, so mixed casing changes nothing for the builder and only makes stage lines harder to read.',
      standard: 'BuildKit build check FromAsCasing.',
      bad: 'FROM golang:1.25 as build',
      good: 'FROM golang:1.25 AS build',
    },
  },
  check({ file, report }) {
    for (const { from } of file.dockerfile.stages) {
      const keyword = from.getInstruction();
      const stageRange = from.getBuildStageRange();
      // A FROM in mixed casing is dockerfile/consistent-instruction-casing's to report.
      const expected = keyword === keyword.toUpperCase() ? 'AS' : keyword === keyword.toLowerCase() ? 'as' : undefined;
      if (!expected || !stageRange) continue;
      const asKeyword = from
        .getArguments()
        .filter((argument) => argument.getValue().toLowerCase() === 'as' && argument.isBefore(stageRange.start))
        .at(-1);
      if (!asKeyword || asKeyword.getValue() === expected) continue;
      report({
        messageId: 'casing',
        data: { as: asKeyword.getValue(), from: keyword, expected },
        range: asKeyword.getRange(),
        fixes: [{ title: `Write '${expected}'`, edits: [{ range: asKeyword.getRange(), newText: expected }] }],
      });
    }
  },
});
