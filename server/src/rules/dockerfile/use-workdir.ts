import { defineDockerfileRule } from '../../engine/ruleTypes';
import { firstOperand, runInstructions, type RunCommand, type RunInstruction } from '../../parsing/dockerfileRun';
import { stageWeight } from '../support/shippedLayers';

/** Where a RUN goes to work and leave nothing behind: a WORKDIR there would outlive the RUN. */
const SCRATCH_DIRECTORY = /^(?:\/tmp|\/var\/tmp)(?:\/|$)/;
/** `cd /`, `cd -`, `cd ..`, `cd ~`: going back, not choosing where the image works. */
const GOING_BACK = new Set(['/', '-', '..', '~']);

export const rule = defineDockerfileRule({
  id: 'dockerfile/use-workdir',
  meta: {
    severity: 'warning',
    description: 'A RUN changes directory with `cd` instead of a WORKDIR instruction.',
    aliases: ['hadolint:DL3003'],
    messages: {
      cd: '`cd` only lasts for this RUN and hides where the commands run; set the directory with a WORKDIR instruction instead{{stageNote}}.',
    },
    explanation: {
      why: '`cd` lasts only until the end of its RUN, so the next instruction runs somewhere else; WORKDIR sets the directory for every later instruction and for the container, creating it if needed. Reported when a RUN starts with `cd`: then a WORKDIR before it says the same. A `cd` further down a script (into the source tree it just unpacked) is left alone, and so are `cd` into a directory the same RUN deletes again (building from source in /usr/src/x, then `rm -rf /usr/src/x`), into /tmp or /var/tmp, into a directory named by a variable or a command substitution (`cd "$(mktemp -d)"`), and `cd /`, `cd -`, `cd ..`: a WORKDIR there would outlive the RUN. In a stage whose layers do not ship it is info.',
      standard: 'Docker build best practices (WORKDIR); hadolint DL3003.',
      bad: 'RUN cd /app && npm ci',
      good: 'WORKDIR /app\nRUN npm ci',
    },
  },
  check({ file, report }) {
    for (const run of runInstructions(file)) {
      // Only a RUN that starts by changing directory does all its work there, so that a WORKDIR before it says the
      // same; a `cd` further down (into a source tree it just unpacked) is the script's business.
      const cd = run.commands[0]?.program === 'cd' ? run.commands[0] : undefined;
      if (cd && choosesWorkingDirectory(run, cd)) {
        const { severity, stageNote } = stageWeight(file, run);
        report({ messageId: 'cd', data: { stageNote }, range: cd.words[0]!.range, ...(severity ? { severity } : {}) });
      }
    }
  },
});

function choosesWorkingDirectory(run: RunInstruction, cd: RunCommand): boolean {
  const target = firstOperand(cd);
  if (target === undefined || cd.args.some((arg) => arg === undefined)) return false;
  if (GOING_BACK.has(target) || SCRATCH_DIRECTORY.test(target)) return false;
  return !removedLater(run, cd, target.replace(/\/+$/, ''));
}

/** Whether an `rm` after the `cd` in the same RUN removes the directory or a folder above it. */
function removedLater(run: RunInstruction, cd: RunCommand, target: string): boolean {
  const after = run.commands.slice(run.commands.indexOf(cd) + 1);
  return after.some(
    (command) =>
      command.program === 'rm' &&
      command.args.some(
        (arg) => arg !== undefined && !arg.startsWith('-') && (target === arg.replace(/\/+$/, '') || target.startsWith(`${arg.replace(/\/+$/, '')}/`)),
      ),
  );
}
