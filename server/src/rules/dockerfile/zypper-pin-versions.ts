import { defineDockerfileRule } from '../../engine/ruleTypes';
import { runInstructions, type RunWord } from '../../parsing/dockerfileRun';
import { callsIn, hasSubcommand, subcommandOperands, type ToolCall } from '../support/packageManagers';
import { isPackageName, ZYPPER_PROGRAMS, ZYPPER_SYNTAX } from '../support/rpmPackages';
import { reportUnpinnedPackages } from '../support/unpinnedPackages';

export const rule = defineDockerfileRule({
  id: 'dockerfile/zypper-pin-versions',
  meta: {
    severity: 'info',
    description: '`zypper install` names a package without a version, so rebuilds install whatever is newest.',
    aliases: ['hadolint:DL3037'],
    messages: {
      unpinned:
        'Installed without a version: {{packages}}, so a rebuild installs whatever the repository holds that day; where the image must rebuild identically, pin them as `{{first}}=<version>` (or a range such as `{{first}}>=<version>`).',
    },
    explanation: {
      why: "Without a version, each build installs whatever the repository holds that day, so two builds of the same commit can differ and an upstream release can break a build nobody changed. Reported once per install command, as info, and only in stages whose layers ship: the base image's release already fixes the major versions, and a pinned version leaves the distribution's archive at its next update and breaks the build, so pin where rebuilding identically matters more than that (or pin the base image by digest and rebuild on purpose).",
      standard: 'hadolint DL3037.',
      bad: 'RUN zypper --non-interactive install curl && zypper clean --all',
      good: 'RUN zypper --non-interactive install curl=8.6.0 && zypper clean --all',
    },
  },
  check({ file, report }) {
    for (const run of runInstructions(file)) {
      for (const call of callsIn(run, ZYPPER_PROGRAMS, ZYPPER_SYNTAX)) {
        reportUnpinnedPackages(file, report, run, unpinnedPackages(call));
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
