import { defineDockerfileRule } from '../../engine/ruleTypes';
import { runInstructions, type RunWord } from '../../parsing/dockerfileRun';
import { callsIn, hasSubcommand, subcommandOperands, type ToolCall } from '../support/packageManagers';
import { isPackageName, ZYPPER_PROGRAMS, ZYPPER_SYNTAX } from '../support/rpmPackages';

export const rule = defineDockerfileRule({
  id: 'dockerfile/zypper-pin-versions',
  meta: {
    severity: 'warning',
    description: '`zypper install` names a package without a version, so rebuilds install whatever is newest.',
    aliases: ['hadolint:DL3037'],
    messages: {
      unpinned:
        'Package "{{package}}" has no pinned version, so each build may install a different one; pin it as `{{package}}=<version>` (or a range such as `{{package}}>=<version>`).',
    },
    explanation: {
      why: 'Without a version, each build installs whatever the repository holds that day, so two builds of the same commit can differ and an upstream release can break a build nobody changed.',
      standard: 'hadolint DL3037.',
      bad: 'RUN zypper --non-interactive install curl && zypper clean --all',
      good: 'RUN zypper --non-interactive install curl=8.6.0 && zypper clean --all',
    },
  },
  check({ file, report }) {
    for (const run of runInstructions(file)) {
      for (const call of callsIn(run, ZYPPER_PROGRAMS, ZYPPER_SYNTAX)) {
        for (const word of unpinnedPackages(call)) report({ messageId: 'unpinned', data: { package: word.value! }, range: word.range });
      }
    }
  },
});

function unpinnedPackages(call: ToolCall): RunWord[] {
  if (!hasSubcommand(call, 'install', 'in')) return [];
  // Patterns, patches and products (`-t pattern devel_basis`) have no versions to pin.
  const type = call.options.find((option) => option.name === '-t' || option.name === '--type')?.value;
  if (type !== undefined && type !== 'package') return [];
  return subcommandOperands(call).filter((word) => isPackageName(word.value) && !/[=<>]/.test(word.value));
}
