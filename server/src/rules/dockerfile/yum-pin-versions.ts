import { defineDockerfileRule } from '../../engine/ruleTypes';
import { runInstructions } from '../../parsing/dockerfileRun';
import { unpinnedRpmPackages, YUM_PROGRAMS } from '../support/rpmPackages';

export const rule = defineDockerfileRule({
  id: 'dockerfile/yum-pin-versions',
  meta: {
    severity: 'warning',
    description: '`yum install` names a package without a version, so rebuilds install whatever is newest.',
    aliases: ['hadolint:DL3033'],
    messages: {
      unpinned:
        'Package "{{package}}" has no pinned version, so each build may install a different one; pin it as `{{package}}-<version>` (modules as `name:stream`).',
    },
    explanation: {
      why: 'Without a version, each build installs whatever the repository holds that day, so two builds of the same commit can differ and an upstream release can break a build nobody changed.',
      standard: 'hadolint DL3033.',
      bad: 'RUN yum install -y httpd && yum clean all',
      good: 'RUN yum install -y httpd-2.4.6 && yum clean all',
    },
  },
  check({ file, report }) {
    for (const run of runInstructions(file)) {
      for (const word of unpinnedRpmPackages(run, YUM_PROGRAMS)) report({ messageId: 'unpinned', data: { package: word.value! }, range: word.range });
    }
  },
});
