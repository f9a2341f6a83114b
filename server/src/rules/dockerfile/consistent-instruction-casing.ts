import { defineDockerfileRule } from '../../engine/ruleTypes';
import { INSTRUCTIONS_BY_KEYWORD } from '../../knowledge/dockerfileInstructions';

export const rule = defineDockerfileRule({
  id: 'dockerfile/consistent-instruction-casing',
  meta: {
    severity: 'warning',
    description: 'An instruction keyword is not written in the casing most instructions of the file use (all uppercase or all lowercase).',
    fix: { applied: 'auto' },
    aliases: ['buildkit:ConsistentInstructionCasing'],
    messages: {
      casing: "Instruction '{{keyword}}' should match the casing of the majority of instructions ({{casing}}); write '{{expected}}'.",
    },
    explanation: {
      why: 'The builder accepts instructions in any casing, but a mix makes instructions easy to overlook when reading or searching the file.',
      standard: 'BuildKit build check ConsistentInstructionCasing.',
      bad: 'FROM alpine:3.22\ncopy app /app\nCMD ["/app"]',
      good: 'FROM alpine:3.22\nCOPY app /app\nCMD ["/app"]',
    },
  },
  check({ file, report }) {
    // Unknown instructions are dockerfile/syntax's to report, not a casing matter.
    const instructions = file.dockerfile.ast.getInstructions().filter((instruction) => INSTRUCTIONS_BY_KEYWORD.has(instruction.getKeyword()));
    const written = instructions.map((instruction) => instruction.getInstruction());
    const lower = written.filter((keyword) => keyword === keyword.toLowerCase()).length;
    const upper = written.filter((keyword) => keyword === keyword.toUpperCase()).length;
    // As BuildKit decides: lowercase only when strictly more instructions use it.
    const majorityLower = lower > upper;
    for (const instruction of instructions) {
      const keyword = instruction.getInstruction();
      const expected = majorityLower ? keyword.toLowerCase() : keyword.toUpperCase();
      if (keyword === expected) continue;
      const range = instruction.getInstructionRange();
      report({
        messageId: 'casing',
        data: { keyword, casing: majorityLower ? 'lowercase' : 'uppercase', expected },
        range,
        fixes: [{ title: `Write '${expected}'`, edits: [{ range, newText: expected }] }],
      });
    }
  },
});
