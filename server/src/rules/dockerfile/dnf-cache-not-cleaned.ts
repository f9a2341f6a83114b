import { defineDockerfileRule } from '../../engine/ruleTypes';
import { runInstructions } from '../../parsing/dockerfileRun';
import { callRange, hasSubcommand } from '../support/packageManagers';
import { callsIn, DNF_PROGRAMS, hasCacheMountOn, installWithoutCleanup, isRpmCleanup, RPM_CACHE_FOLDERS, RPM_SYNTAX } from '../support/rpmPackages';
import { appendAfterCommand } from '../support/shellCommands';

export const rule = defineDockerfileRule({
  id: 'dockerfile/dnf-cache-not-cleaned',
  meta: {
    severity: 'warning',
    description: 'A RUN with `dnf install` or `microdnf install` does not run `dnf clean all` after it, so the package cache stays in the layer.',
    fixable: true,
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
    for (const run of runInstructions(file)) {
      if (hasCacheMountOn(run, RPM_CACHE_FOLDERS)) continue;
      const installs = callsIn(run, DNF_PROGRAMS, RPM_SYNTAX).filter((call) => hasSubcommand(call, 'install'));
      const install = installWithoutCleanup(run, installs, (command) => isRpmCleanup(run, command));
      if (!install) continue;
      const program = install.command.program!;
      const edit = appendAfterCommand(file, run, installs.at(-1)!.command, `${program} clean all`);
      report({ messageId: 'missingClean', data: { program }, range: callRange(install), fixes: edit ? [{ title: `Append \`&& ${program} clean all\``, edits: [edit] }] : [] });
    }
  },
});
