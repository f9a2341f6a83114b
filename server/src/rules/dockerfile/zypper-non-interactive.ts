import { defineDockerfileRule, type Fix } from '../../engine/ruleTypes';
import type { DockerfileFile } from '../../parsing/containerFile';
import { runInstructions } from '../../parsing/dockerfileRun';
import { callRange, callsIn, hasOptionNamed, hasSubcommand, insertOptionAfter, type ToolCall } from '../support/packageManagers';
import { ZYPPER_PROGRAMS, ZYPPER_SYNTAX } from '../support/rpmPackages';
import { FIX_WHEN } from '../support/fixConditions';

/** Subcommands that ask for a confirmation before changing packages. */
const CONFIRMING_SUBCOMMANDS = ['install', 'in', 'remove', 'rm', 'source-install', 'si', 'patch'];

export const rule = defineDockerfileRule({
  id: 'dockerfile/zypper-non-interactive',
  meta: {
    severity: 'warning',
    description: 'A zypper command that changes packages runs without a non-interactive switch, so it can stop at a prompt that a build cannot answer.',
    fix: { when: FIX_WHEN.commandWrittenPlainly, applied: 'auto' },
    aliases: ['hadolint:DL3034'],
    messages: {
      interactive:
        '`zypper {{subcommand}}` without a non-interactive switch can stop at a prompt that the build cannot answer; use `zypper --non-interactive {{subcommand}}` (or `-y`).',
    },
    explanation: {
      why: 'zypper asks for confirmation before it changes packages, and a build has no one to answer; `--non-interactive` makes it take the default answers instead of waiting for input.',
      standard: 'hadolint DL3034.',
      bad: 'RUN zypper install curl && zypper clean --all',
      good: 'RUN zypper --non-interactive install curl && zypper clean --all',
    },
  },
  check({ file, report }) {
    for (const run of runInstructions(file)) {
      for (const call of callsIn(run, ZYPPER_PROGRAMS, ZYPPER_SYNTAX)) {
        if (!hasSubcommand(call, ...CONFIRMING_SUBCOMMANDS) || isNonInteractive(call)) continue;
        report({ messageId: 'interactive', data: { subcommand: call.operands[0]!.value! }, range: callRange(call), fixes: nonInteractiveFix(file, call) });
      }
    }
  },
});

/**
 * `--non-interactive` and `-y`/`--no-confirm` work anywhere; `-n` only as a global option before the subcommand,
 * since after `install` it means `--name`.
 */
function isNonInteractive(call: ToolCall): boolean {
  if (hasOptionNamed(call, '--non-interactive', '-y', '--no-confirm')) return true;
  const subcommandIndex = call.command.words.indexOf(call.operands[0]!);
  return call.options.some((option) => option.name === '-n' && call.command.words.indexOf(option.words[0]!) < subcommandIndex);
}

/** A global option right after `zypper`, valid for every subcommand. */
function nonInteractiveFix(file: DockerfileFile, call: ToolCall): Fix[] {
  return insertOptionAfter(file, call, call.tool, '--non-interactive', 'Add --non-interactive: zypper --non-interactive …');
}
