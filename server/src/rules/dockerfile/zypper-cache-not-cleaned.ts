import { defineDockerfileRule } from '../../engine/ruleTypes';
import type { RunCommand, RunInstruction } from '../../parsing/dockerfileRun';
import { callRange, hasSubcommand, parseCall } from '../support/packageManagers';
import { uncleanedInstalls, ZYPPER_PROGRAMS, ZYPPER_SYNTAX, type PackageCache } from '../support/rpmPackages';
import { removesFolder } from '../support/shellCommands';
import { FIX_WHEN } from '../support/fixConditions';

const ZYPPER_CACHE_FOLDERS = ['/var/cache/zypp'];

const ZYPPER_CACHE: PackageCache = {
  programs: ZYPPER_PROGRAMS,
  syntax: ZYPPER_SYNTAX,
  installSubcommands: ['install', 'in'],
  folders: ZYPPER_CACHE_FOLDERS,
  isCleanup: isZypperCleanup,
  cleanCommand: () => 'zypper clean --all',
};

export const rule = defineDockerfileRule({
  id: 'dockerfile/zypper-cache-not-cleaned',
  meta: {
    severity: 'warning',
    description: 'A RUN with `zypper install` does not run `zypper clean` after it, so the package cache stays in the layer.',
    fix: { when: FIX_WHEN.commandCanBeFollowed, applied: 'auto' },
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
    for (const { install, fixes } of uncleanedInstalls(file, ZYPPER_CACHE)) {
      report({ messageId: 'missingClean', data: { program: install.command.program! }, range: callRange(install), fixes });
    }
  },
});

function isZypperCleanup(run: RunInstruction, command: RunCommand): boolean {
  if (removesFolder(command, ZYPPER_CACHE_FOLDERS)) return true;
  return command.program === 'zypper' && hasSubcommand(parseCall(run, command, 0, ZYPPER_SYNTAX), 'clean', 'cc');
}
