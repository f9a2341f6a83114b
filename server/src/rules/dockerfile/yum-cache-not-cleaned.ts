import { defineDockerfileRule } from '../../engine/ruleTypes';
import { callRange } from '../support/packageManagers';
import { isRpmCleanup, RPM_CACHE_FOLDERS, RPM_SYNTAX, uncleanedInstalls, YUM_PROGRAMS, type PackageCache } from '../support/rpmPackages';
import { FIX_WHEN } from '../support/fixConditions';

const YUM_CACHE: PackageCache = {
  programs: YUM_PROGRAMS,
  syntax: RPM_SYNTAX,
  installSubcommands: ['install'],
  // yum on RHEL 8+ is dnf, whose cache is /var/cache/dnf: a cache mount on either keeps the downloads out.
  folders: RPM_CACHE_FOLDERS,
  isCleanup: isRpmCleanup,
  cleanCommand: () => 'yum clean all',
};

export const rule = defineDockerfileRule({
  id: 'dockerfile/yum-cache-not-cleaned',
  meta: {
    severity: 'warning',
    description: 'A RUN with `yum install` does not run `yum clean all` after it, so the package cache stays in the layer.',
    fix: { when: FIX_WHEN.commandCanBeFollowed, applied: 'auto' },
    aliases: ['hadolint:DL3032'],
    messages: {
      missingClean:
        '`yum install` leaves its package cache in the image layer; run `yum clean all` after it in the same RUN (or use `--mount=type=cache,target=/var/cache/yum`).',
    },
    explanation: {
      why: 'yum keeps downloaded packages and repository metadata in /var/cache/yum; unless the same RUN cleans it, the cache stays in the layer.',
      standard: 'Container standard "minimal images"; hadolint DL3032.',
      bad: 'RUN yum install -y httpd',
      good: 'RUN yum install -y httpd && yum clean all',
    },
  },
  check({ file, report }) {
    for (const { install, fixes } of uncleanedInstalls(file, YUM_CACHE)) {
      report({ messageId: 'missingClean', data: { program: install.command.program! }, range: callRange(install), fixes });
    }
  },
});
