import { defineDockerfileRule } from '../../engine/ruleTypes';
import { deleteInstruction, instructionsNamed } from '../support/dockerfile';

/** Instructions of which only the last one in a stage takes effect. */
const SINGLE_USE = ['CMD', 'ENTRYPOINT', 'HEALTHCHECK'] as const;

export const rule = defineDockerfileRule({
  id: 'dockerfile/multiple-cmd',
  meta: {
    severity: 'warning',
    description: 'A stage has more than one CMD, ENTRYPOINT or HEALTHCHECK, and all but the last are ignored.',
    fix: { applied: 'auto' },
    aliases: ['hadolint:DL4003', 'hadolint:DL4004', 'hadolint:DL3012', 'buildkit:MultipleInstructionsDisallowed'],
    messages: {
      overridden:
        'This {{instruction}} has no effect because the {{instruction}} on line {{line}} replaces it; remove it (only the last {{instruction}} of a stage counts).',
    },
    explanation: {
      why: 'Only the last CMD, ENTRYPOINT or HEALTHCHECK of a stage takes effect; the earlier ones mislead the reader about how the container starts.',
      standard: 'BuildKit build check MultipleInstructionsDisallowed; hadolint DL4003, DL4004, DL3012.',
      bad: 'CMD ["npm", "start"]\nCMD ["node", "server.js"]',
      good: 'CMD ["node", "server.js"]',
    },
  },
  check({ file, report }) {
    for (const stage of file.dockerfile.stages) {
      for (const keyword of SINGLE_USE) {
        const all = instructionsNamed(stage, keyword);
        const last = all.at(-1);
        for (const earlier of all.slice(0, -1)) {
          report({
            messageId: 'overridden',
            data: { instruction: keyword, line: last!.getRange().start.line + 1 },
            range: earlier.getRange(),
            fixes: [{ title: `Remove the overridden ${keyword}`, edits: [deleteInstruction(file, earlier)] }],
          });
        }
      }
    }
  },
});
