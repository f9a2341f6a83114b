import { defineDockerfileRule } from '../../engine/ruleTypes';
import { callRange } from '../support/packageManagers';
import { DNF_PROGRAMS, isRpmCleanup, RPM_CACHE_FOLDERS, RPM_SYNTAX, uncleanedInstalls, type PackageCache } from '../support/rpmPackages';
import { FIX_WHEN } from '../support/fixConditions';

const DNF_CACHE: PackageCache = {
  programs: DNF_PROGRAMS,
  syntax: RPM_SYNTAX,
  installSubcommands: ['install'],
  folders: RPM_CACHE_FOLDERS,
  isCleanup: isRpmCleanup,
  cleanCommand: (program) => `${program} clean all`,
};

export const rule = defineDockerfileRule({
  id: 'dockerfile/dnf-cache-not-cleaned',
  meta: {
    severity: 'warning',
    description: 'A RUN with `dnf install` or `microdnf install` does not run `dnf clean all` after it, so the package cache stays in the layer.',
    fix: { when: FIX_WHEN.commandCanBeFollowed, applied: 'auto' },
    aliases: ['hadolint:DL3040'],
    messages: {
      missingClean:
        '`{{program}} install` leaves its package cache in the image layer; run `{{program}} clean all` after it in the same RUN (or use `--mount=type=cache,target=/var/cache/dnf`).',
    },
    explanation: {
      why: 'dnf keeps downloaded packages and repository metadata in /var/cache/dnf; unless the same RUN cleans it, the cache stays in the layer.',
      standard: 'Container standard "minimal images"; hadolint DL3040.',
      bad: 'RUN dnf install -y httpd',
      good: 'RUN dnf install -y httpd && dnf clean all',
    },
  },
  check({ file, report }) {
    for (const { install, fixes } of uncleanedInstalls(file, DNF_CACHE)) {
      report({ messageId: 'missingClean', data: { program: install.command.program! }, range: callRange(install), fixes });
    }
  },
});
