import { defineDockerfileRule } from '../../engine/ruleTypes';
import { runInstructions } from '../../parsing/dockerfileRun';
import { callRange, hasSubcommand } from '../support/packageManagers';
import { callsIn, hasCacheMountOn, installWithoutCleanup, isRpmCleanup, RPM_CACHE_FOLDERS, RPM_SYNTAX, YUM_PROGRAMS } from '../support/rpmPackages';
import { appendAfterCommand } from '../support/shellCommands';

export const rule = defineDockerfileRule({
  id: 'dockerfile/yum-cache-not-cleaned',
  meta: {
    severity: 'warning',
    description: 'A RUN with `yum install` does not run `yum clean all` after it, so the package cache stays in the layer.',
    fixable: true,
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
    for (const run of runInstructions(file)) {
      // yum on RHEL 8+ is dnf, whose cache is /var/cache/dnf: a cache mount on either keeps the downloads out.
      if (hasCacheMountOn(run, RPM_CACHE_FOLDERS)) continue;
      const installs = callsIn(run, YUM_PROGRAMS, RPM_SYNTAX).filter((call) => hasSubcommand(call, 'install'));
      const install = installWithoutCleanup(run, installs, (command) => isRpmCleanup(run, command));
      if (!install) continue;
      const edit = appendAfterCommand(file, run, installs.at(-1)!.command, 'yum clean all');
      report({ messageId: 'missingClean', range: callRange(install), fixes: edit ? [{ title: 'Append `&& yum clean all`', edits: [edit] }] : [] });
    }
  },
});
