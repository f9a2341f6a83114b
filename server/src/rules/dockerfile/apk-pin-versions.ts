import { defineDockerfileRule } from '../../engine/ruleTypes';
import { APK_SYNTAX, callsOf, hasSubcommand, subcommandOperands } from '../support/packageManagers';
import { reportUnpinnedPackages } from '../support/unpinnedPackages';

/** apk's version constraints: `pkg=1.2.3-r0`, `pkg~1.2`, `pkg>=1.2`, `pkg<2`. */
const CONSTRAINT = /[=~<>]/;

export const rule = defineDockerfileRule({
  id: 'dockerfile/apk-pin-versions',
  meta: {
    severity: 'info',
    description: '`apk add` names a package without a version, so rebuilds install whatever version is current.',
    aliases: ['hadolint:DL3018'],
    messages: {
      unpinned:
        'Added without a version: {{packages}}, so a rebuild installs whatever the repository holds that day; where the image must rebuild identically, pin them as `{{first}}=<version>` (or `{{first}}~<major.minor>`).',
    },
    explanation: {
      why: "Without a version, each build installs whatever the repository holds that day, so two builds of the same commit can differ and an upstream release can break a build nobody changed. Reported once per install command, as info, and only in stages whose layers ship: the base image's release already fixes the major versions, and a pinned version leaves the distribution's archive at its next update and breaks the build, so pin where rebuilding identically matters more than that (or pin the base image by digest and rebuild on purpose).",
      standard: 'hadolint DL3018.',
      bad: 'RUN apk add --no-cache curl',
      good: 'RUN apk add --no-cache curl~8.14',
    },
  },
  check({ file, report }) {
    for (const call of callsOf(file, ['apk'], APK_SYNTAX)) {
      if (!hasSubcommand(call, 'add')) continue;
      const unpinned = subcommandOperands(call).filter(({ value }) => value !== undefined && !CONSTRAINT.test(value) && !value.endsWith('.apk'));
      reportUnpinnedPackages(file, report, call.run, unpinned);
    }
  },
});
