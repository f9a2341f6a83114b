import { defineDockerfileRule } from '../../engine/ruleTypes';
import { APT_SYNTAX, callRange, callsOf, hasOptionNamed, hasSubcommand, type ToolCall } from '../support/packageManagers';

/** Subcommands that ask "Do you want to continue? [Y/n]" and abort on the RUN's empty stdin. */
const ASKING = ['install', 'reinstall', 'remove', 'purge', 'upgrade', 'dist-upgrade', 'full-upgrade', 'autoremove', 'autopurge', 'build-dep', 'satisfy'];
const TRUE = /^(true|yes|1)$/i;

export const rule = defineDockerfileRule({
  id: 'dockerfile/apt-get-yes',
  meta: {
    severity: 'warning',
    description: '`apt-get install` (or another changing subcommand) runs without `-y`, so it waits for a confirmation the build cannot give.',
    aliases: ['hadolint:DL3014'],
    messages: {
      noYes: '`{{command}}` asks for confirmation, and a build cannot answer, so it aborts; add `-y` (`--yes`).',
    },
    explanation: {
      why: 'A build has no one to answer apt-get\'s "Do you want to continue? [Y/n]", so apt-get reads end of input, aborts, and the RUN fails.',
      standard: 'Docker build best practices (apt-get); hadolint DL3014.',
      bad: 'RUN apt-get install curl',
      good: 'RUN apt-get install -y curl',
    },
  },
  check({ file, report }) {
    for (const call of callsOf(file, ['apt-get', 'apt'], APT_SYNTAX)) {
      if (!hasSubcommand(call, ...ASKING) || answersYes(call) || isSimulation(call) || fedByYes(call)) continue;
      report({ messageId: 'noYes', data: { command: `${call.command.program} ${call.operands[0]!.value}` }, range: callRange(call) });
    }
  },
});

/** `-y`, `--yes`, `--assume-yes`, `-o APT::Get::Assume-Yes=true`, or quiet level 2 (`-qq`, `-q=2`), which implies `-y`. */
function answersYes(call: ToolCall): boolean {
  let quietLevel = 0;
  for (const { name, value } of call.options) {
    if ((name === '-y' || name === '--yes' || name === '--assume-yes') && (value === undefined || TRUE.test(value))) return true;
    if ((name === '-o' || name === '--option') && value && /^APT::Get::Assume-Yes=(.*)$/i.test(value) && TRUE.test(value.split('=')[1]!)) return true;
    if (name === '-q' || name === '--quiet') quietLevel = value === undefined ? quietLevel + 1 : Number(value) || 0;
  }
  return quietLevel >= 2;
}

function isSimulation(call: ToolCall): boolean {
  return hasOptionNamed(call, '-s', '--simulate', '--just-print', '--dry-run', '--recon', '--no-act');
}

/** `yes | apt-get install …` answers every question too. */
function fedByYes(call: ToolCall): boolean {
  const commands = call.run.commands;
  const previous = commands[commands.indexOf(call.command) - 1];
  return call.command.piped && previous?.piped === true && previous.program === 'yes';
}
