import { defineDockerfileRule } from '../../engine/ruleTypes';
import { runInstructions } from '../../parsing/dockerfileRun';
import { callsIn, type OptionSyntax } from '../support/packageManagers';

/** Where `/bin/sh` is found; on merged-/usr systems `/bin` links to `/usr/bin`. */
const SH_PATHS = ['/bin/sh', '/usr/bin/sh'];
const LN_SYNTAX: OptionSyntax = { long: ['--suffix'], short: 'S' };

export const rule = defineDockerfileRule({
  id: 'dockerfile/symlink-bin-sh',
  meta: {
    severity: 'warning',
    description: 'A RUN replaces `/bin/sh` with a link to another shell instead of using the SHELL instruction.',
    aliases: ['hadolint:DL4005'],
    messages: {
      linkSh:
        'Linking {{path}} to another shell silently changes every later RUN and every program that calls /bin/sh; set the shell for RUN with the SHELL instruction instead (e.g. SHELL ["/bin/bash", "-c"]).',
    },
    explanation: {
      why: "Replacing /bin/sh changes the shell of every later RUN and of every program in the image that calls /bin/sh, without saying so; SHELL changes it for the Dockerfile's own commands only, where the reader sees it.",
      standard: 'Dockerfile reference (SHELL); hadolint DL4005.',
      bad: 'RUN ln -sf /bin/bash /bin/sh',
      good: 'SHELL ["/bin/bash", "-c"]',
    },
  },
  check({ file, report }) {
    for (const run of runInstructions(file)) {
      for (const { operands, command } of callsIn(run, ['ln'], LN_SYNTAX)) {
        // The link is the last of two or more operands (`ln -sf bash /bin/sh`); /bin/sh as the target is harmless.
        const link = operands.length >= 2 ? operands.at(-1) : undefined;
        if (link?.value !== undefined && SH_PATHS.includes(link.value)) report({ messageId: 'linkSh', data: { path: link.value }, range: command.range });
      }
    }
  },
});
