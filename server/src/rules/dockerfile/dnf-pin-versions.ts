import { defineDockerfileRule } from '../../engine/ruleTypes';
import { runInstructions } from '../../parsing/dockerfileRun';
import { DNF_PROGRAMS, unpinnedRpmPackages } from '../support/rpmPackages';

export const rule = defineDockerfileRule({
  id: 'dockerfile/dnf-pin-versions',
  meta: {
    severity: 'warning',
    description: '`dnf install` or `microdnf install` names a package without a version, so rebuilds install whatever is newest.',
    aliases: ['hadolint:DL3041'],
    messages: {
      unpinned:
        'Package "{{package}}" has no pinned version, so each build may install a different one; pin it as `{{package}}-<version>` (modules as `name:stream`).',
    },
    explanation: {
      why: 'Without a version, each build installs whatever the repository holds that day, so two builds of the same commit can differ and an upstream release can break a build nobody changed.',
      standard: 'hadolint DL3041.',
      bad: 'RUN dnf install -y httpd && dnf clean all',
      good: 'RUN dnf install -y httpd-2.4.62 && dnf clean all',
    },
  },
  check({ file, report }) {
    for (const run of runInstructions(file)) {
      for (const word of unpinnedRpmPackages(run, DNF_PROGRAMS)) report({ messageId: 'unpinned', data: { package: word.value! }, range: word.range });
    }
  },
});
