import { defineDockerfileRule } from '../../engine/ruleTypes';
import { runInstructions, type RunCommand, type RunInstruction } from '../../parsing/dockerfileRun';
import { callRange, hasSubcommand, parseCall } from '../support/packageManagers';
import { callsIn, hasCacheMountOn, installWithoutCleanup, ZYPPER_PROGRAMS, ZYPPER_SYNTAX } from '../support/rpmPackages';
import { appendAfterCommand, removesFolder } from '../support/shellCommands';

const ZYPPER_CACHE_FOLDERS = ['/var/cache/zypp'];

export const rule = defineDockerfileRule({
  id: 'dockerfile/zypper-cache-not-cleaned',
  meta: {
    severity: 'warning',
    description: 'A RUN with `zypper install` does not run `zypper clean` after it, so the package cache stays in the layer.',
    fixable: true,
    aliases: ['hadolint:DL3036'],
    messages: {
      missingClean:
        '`zypper install` leaves its package cache in the image layer; run `zypper clean --all` after it in the same RUN (or use `--mount=type=cache,target=/var/cache/zypp`).',
    },
    explanation: {
      why: 'zypper keeps downloaded packages and repository metadata in /var/cache/zypp; unless the same RUN cleans it, the cache stays in the layer.',
      standard: 'Container standard "minimal images"; hadolint DL3036.',
      bad: 'RUN zypper --non-interactive install curl',
      good: 'RUN zypper --non-interactive install curl && zypper clean --all',
    },
  },
  check({ file, report }) {
    for (const run of runInstructions(file)) {
      if (hasCacheMountOn(run, ZYPPER_CACHE_FOLDERS)) continue;
      const installs = callsIn(run, ZYPPER_PROGRAMS, ZYPPER_SYNTAX).filter((call) => hasSubcommand(call, 'install', 'in'));
      const install = installWithoutCleanup(run, installs, (command) => isZypperCleanup(run, command));
      if (!install) continue;
      const edit = appendAfterCommand(file, run, installs.at(-1)!.command, 'zypper clean --all');
      report({ messageId: 'missingClean', range: callRange(install), fixes: edit ? [{ title: 'Append `&& zypper clean --all`', edits: [edit] }] : [] });
    }
  },
});

function isZypperCleanup(run: RunInstruction, command: RunCommand): boolean {
  if (removesFolder(command, ZYPPER_CACHE_FOLDERS)) return true;
  return command.program === 'zypper' && hasSubcommand(parseCall(run, command, 0, ZYPPER_SYNTAX), 'clean', 'cc');
}
