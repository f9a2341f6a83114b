import type { Instruction } from 'dockerfile-ast';
import { defineDockerfileRule, type Fix } from '../../engine/ruleTypes';
import { instructionsNamed } from '../support/dockerfile';

export const rule = defineDockerfileRule({
  id: 'dockerfile/maintainer-deprecated',
  meta: {
    severity: 'error',
    description: 'MAINTAINER is deprecated in favour of the `org.opencontainers.image.authors` label.',
    fix: { when: 'when MAINTAINER names someone', applied: 'auto' },
    aliases: ['hadolint:DL4000', 'buildkit:MaintainerDeprecated'],
    messages: {
      maintainer: 'MAINTAINER is deprecated; record the author with LABEL org.opencontainers.image.authors="…" instead.',
    },
    explanation: {
      why: 'MAINTAINER has been deprecated since Docker 1.13; the OCI label is what registries and tools read.',
      standard: 'BuildKit build check MaintainerDeprecated; hadolint DL4000.',
      bad: 'MAINTAINER Jane Doe <jane@example.com>',
      good: 'LABEL org.opencontainers.image.authors="Jane Doe <jane@example.com>"',
    },
  },
  check({ file, report }) {
    for (const stage of file.dockerfile.stages) {
      for (const instruction of instructionsNamed(stage, 'MAINTAINER')) {
        report({ messageId: 'maintainer', range: instruction.getInstructionRange(), fixes: labelFix(instruction) });
      }
    }
  },
});

function labelFix(instruction: Instruction): Fix[] {
  const author = instruction.getArgumentsContent()?.trim();
  if (!author) return [];
  const keyword = instruction.getInstruction() === instruction.getInstruction().toLowerCase() ? 'label' : 'LABEL';
  return [
    {
      title: 'Replace with LABEL org.opencontainers.image.authors',
      edits: [{ range: instruction.getRange(), newText: `${keyword} org.opencontainers.image.authors=${labelValue(author)}` }],
    },
  ];
}

/**
 * Quotes in MAINTAINER group words (`"Jane Doe" <jane@example.com>`), so paired ones are dropped; the LABEL value
 * is double-quoted, escaping what the builder would otherwise read as quotes, escapes or variables.
 */
function labelValue(author: string): string {
  const text = author.replace(/"([^"]*)"|'([^']*)'/g, (_whole, double: string | undefined, single: string | undefined) => double ?? single ?? '');
  return `"${text.replace(/[\\"$]/g, (character) => `\\${character}`)}"`;
}
