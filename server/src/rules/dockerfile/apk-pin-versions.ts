import { defineDockerfileRule } from '../../engine/ruleTypes';
import { APK_SYNTAX, callsOf, hasSubcommand, subcommandOperands } from '../support/packageManagers';

/** apk's version constraints: `pkg=1.2.3-r0`, `pkg~1.2`, `pkg>=1.2`, `pkg<2`. */
const CONSTRAINT = /[=~<>]/;

export const rule = defineDockerfileRule({
  id: 'dockerfile/apk-pin-versions',
  meta: {
    severity: 'warning',
    description: '`apk add` names a package without a version, so rebuilds install whatever version is current.',
    aliases: ['hadolint:DL3018'],
    messages: {
      unpinned:
        'Package "{{package}}" is added without a version, so rebuilds can silently change it; pin it as `{{package}}=<version>` (or `{{package}}~<major.minor>`).',
    },
    explanation: {
      why: 'Without a version, each build installs whatever the repository holds that day, so two builds of the same commit can differ and an upstream release can break a build nobody changed.',
      standard: 'hadolint DL3018.',
      bad: 'RUN apk add --no-cache curl',
      good: 'RUN apk add --no-cache curl~8.14',
    },
  },
  check({ file, report }) {
    for (const call of callsOf(file, ['apk'], APK_SYNTAX)) {
      if (!hasSubcommand(call, 'add')) continue;
      for (const word of subcommandOperands(call)) {
        const name = word.value;
        if (name === undefined || CONSTRAINT.test(name) || name.endsWith('.apk')) continue;
        report({ messageId: 'unpinned', data: { package: name }, range: word.range });
      }
    }
  },
});
