import { defineDockerfileRule } from '../../engine/ruleTypes';
import { instructionsNamed } from '../support/dockerfile';

const HIGHEST_PORT = 65535;

export const rule = defineDockerfileRule({
  id: 'dockerfile/expose-port-out-of-range',
  meta: {
    severity: 'error',
    description: 'An EXPOSEd port or port range lies outside 0–65535.',
    aliases: ['hadolint:DL3011'],
    messages: {
      outOfRange: 'EXPOSE {{port}} is not a valid port: ports range from 0 to 65535; expose the port the application listens on.',
    },
    explanation: {
      why: 'TCP and UDP ports are 16-bit numbers; a larger one is a typo the builder does not catch.',
      standard: 'hadolint DL3011.',
      bad: 'EXPOSE 80800',
      good: 'EXPOSE 8080',
    },
  },
  check({ file, report }) {
    for (const stage of file.dockerfile.stages) {
      for (const expose of instructionsNamed(stage, 'EXPOSE')) {
        for (const argument of expose.getArguments()) {
          // `8000-8010/tcp`; variables and malformed values are left to the builder's own checks (dockerfile/syntax).
          const match = /^(\d+)(?:-(\d+))?(?:\/\w+)?$/.exec(argument.getValue());
          if (match && [match[1], match[2]].some((port) => port !== undefined && Number(port) > HIGHEST_PORT)) {
            report({ messageId: 'outOfRange', data: { port: argument.getValue() }, range: argument.getRange() });
          }
        }
      }
    }
  },
});
