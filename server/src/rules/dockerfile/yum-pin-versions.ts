import { defineDockerfileRule } from '../../engine/ruleTypes';
import { runInstructions } from '../../parsing/dockerfileRun';
import { unpinnedRpmPackages, YUM_PROGRAMS } from '../support/rpmPackages';
import { reportUnpinnedPackages } from '../support/unpinnedPackages';

export const rule = defineDockerfileRule({
  id: 'dockerfile/yum-pin-versions',
  meta: {
    severity: 'info',
    description: '`yum install` names a package without a version, so rebuilds install whatever is newest.',
    aliases: ['hadolint:DL3033'],
    messages: {
      unpinned:
        'Installed without a version: {{packages}}, so a rebuild installs whatever the repository holds that day; where the image must rebuild identically, pin them as `{{first}}-<version>` (modules as `name:stream`).',
    },
    explanation: {
      why: "Without a version, each build installs whatever the repository holds that day, so two builds of the same commit can differ and an upstream release can break a build nobody changed. Reported once per install command, as info, and only in stages whose layers ship: the base image's release already fixes the major versions, and a pinned version leaves the distribution's archive at its next update and breaks the build, so pin where rebuilding identically matters more than that (or pin the base image by digest and rebuild on purpose).",
      standard: 'hadolint DL3033.',
      bad: 'RUN yum install -y httpd && yum clean all',
      good: 'RUN yum install -y httpd-2.4.6 && yum clean all',
    },
  },
  check({ file, report }) {
    for (const run of runInstructions(file)) {
      reportUnpinnedPackages(file, report, run, unpinnedRpmPackages(run, YUM_PROGRAMS));
    }
  },
});
