import { defineDockerfileRule } from '../../engine/ruleTypes';
import { APT_SYNTAX, callsOf, hasSubcommand, subcommandOperands } from '../support/packageManagers';
import { reportUnpinnedPackages } from '../support/unpinnedPackages';

export const rule = defineDockerfileRule({
  id: 'dockerfile/apt-get-pin-versions',
  meta: {
    severity: 'info',
    description: '`apt-get install` names a package without a version, so rebuilds install whatever version is current.',
    aliases: ['hadolint:DL3008'],
    messages: {
      unpinned:
        'Installed without a version: {{packages}}, so a rebuild installs whatever the repository holds that day; where the image must rebuild identically, pin them as `{{first}}=<version>`.',
    },
    explanation: {
      why: "Without a version, each build installs whatever the repository holds that day, so two builds of the same commit can differ and an upstream release can break a build nobody changed. Reported once per install command, as info, and only in stages whose layers ship: the base image's release already fixes the major versions, and a pinned version leaves the distribution's archive at its next update and breaks the build, so pin where rebuilding identically matters more than that (or pin the base image by digest and rebuild on purpose).",
      standard: 'Docker build best practices (apt-get, version pinning); hadolint DL3008.',
      bad: 'RUN apt-get install -y --no-install-recommends curl',
      good: 'RUN apt-get install -y --no-install-recommends curl=7.88.1-10+deb12u12',
    },
  },
  check({ file, report }) {
    for (const call of callsOf(file, ['apt-get'], APT_SYNTAX)) {
      if (!hasSubcommand(call, 'install')) continue;
      // Variables are decided at build time; `pkg/release` and local `.deb` files are pinned otherwise.
      const unpinned = subcommandOperands(call).filter(
        ({ value }) => value !== undefined && !value.includes('=') && !value.includes('/') && !value.endsWith('.deb'),
      );
      reportUnpinnedPackages(file, report, call.run, unpinned);
    }
  },
});
