import { defineDockerfileRule } from '../../engine/ruleTypes';
import { runInstructions } from '../../parsing/dockerfileRun';
import { callRange, callsIn, hasSubcommand } from '../support/packageManagers';
import { ZYPPER_PROGRAMS, ZYPPER_SYNTAX } from '../support/rpmPackages';

export const rule = defineDockerfileRule({
  id: 'dockerfile/zypper-dist-upgrade',
  meta: {
    severity: 'warning',
    description: '`zypper dist-upgrade` moves the whole image to another distribution release in the middle of a build.',
    aliases: ['hadolint:DL3035'],
    messages: {
      distUpgrade:
        '`zypper {{subcommand}}` upgrades the base image to whatever release the repositories hold, which makes builds unpredictable; use a newer base image tag instead (or `zypper update` for fixes).',
    },
    explanation: {
      why: '`zypper dist-upgrade` installs whatever the configured repositories hold, replacing, downgrading or removing packages as needed, so the image drifts from its base tag and two builds can differ widely.',
      standard: 'hadolint DL3035.',
      bad: 'RUN zypper --non-interactive dist-upgrade',
      good: 'RUN zypper --non-interactive update',
    },
  },
  check({ file, report }) {
    for (const run of runInstructions(file)) {
      for (const call of callsIn(run, ZYPPER_PROGRAMS, ZYPPER_SYNTAX)) {
        if (hasSubcommand(call, 'dist-upgrade', 'dup'))
          report({ messageId: 'distUpgrade', data: { subcommand: call.operands[0]!.value! }, range: callRange(call) });
      }
    }
  },
});
