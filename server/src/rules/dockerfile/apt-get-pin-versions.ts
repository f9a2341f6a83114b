import { defineDockerfileRule } from '../../engine/ruleTypes';
import { APT_SYNTAX, callsOf, hasSubcommand, subcommandOperands } from '../support/packageManagers';

export const rule = defineDockerfileRule({
  id: 'dockerfile/apt-get-pin-versions',
  meta: {
    severity: 'warning',
    description: '`apt-get install` names a package without a version, so rebuilds install whatever version is current.',
    aliases: ['hadolint:DL3008'],
    messages: {
      unpinned: 'Package "{{package}}" is installed without a version, so rebuilds can silently change it; pin it as `{{package}}=<version>`.',
    },
    explanation: {
      why: 'Without a version, each build installs whatever the repository holds that day, so two builds of the same commit can differ and an upstream release can break a build nobody changed.',
      standard: 'Docker build best practices (apt-get, version pinning); hadolint DL3008.',
      bad: 'RUN apt-get install -y --no-install-recommends curl',
      good: 'RUN apt-get install -y --no-install-recommends curl=7.88.1-10+deb12u12',
    },
  },
  check({ file, report }) {
    for (const call of callsOf(file, ['apt-get'], APT_SYNTAX)) {
      if (!hasSubcommand(call, 'install')) continue;
      for (const word of subcommandOperands(call)) {
        // Variables are decided at build time; `pkg/release` and local `.deb` files are pinned otherwise.
        const name = word.value;
        if (name === undefined || name.includes('=') || name.includes('/') || name.endsWith('.deb')) continue;
        report({ messageId: 'unpinned', data: { package: name }, range: word.range });
      }
    }
  },
});
