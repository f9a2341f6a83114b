import { defineDockerfileRule } from '../../engine/ruleTypes';
import { callsOf, hasOptionNamed, hasSubcommand, subcommandOperands, type OptionSyntax } from '../support/packageManagers';

const GEM_SYNTAX: OptionSyntax = {
  long: ['--version', '--platform', '--install-dir', '--bindir', '--source', '--document', '--build-root', '--trust-policy', '--target-rbconfig'],
  short: 'vinsP',
};

export const rule = defineDockerfileRule({
  id: 'dockerfile/gem-pin-versions',
  meta: {
    severity: 'warning',
    description: '`gem install` names a gem without a version, so rebuilds install whatever version is current.',
    aliases: ['hadolint:DL3028'],
    messages: {
      unpinned: 'Gem "{{gem}}" is installed without a version, so rebuilds can silently change it; pin it as `{{gem}}:<version>` or add `-v <version>`.',
    },
    explanation: {
      why: 'Without a version, each build installs whatever the repository holds that day, so two builds of the same commit can differ and an upstream release can break a build nobody changed.',
      standard: 'hadolint DL3028.',
      bad: 'RUN gem install bundler',
      good: 'RUN gem install bundler:2.6.9',
    },
  },
  check({ file, report }) {
    for (const call of callsOf(file, ['gem'], GEM_SYNTAX)) {
      // `-v` pins every gem of the call; `-g`/`--file` installs from a Gemfile (and its lock).
      if (!hasSubcommand(call, 'install', 'i') || hasOptionNamed(call, '-v', '--version', '-g', '--file')) continue;
      // After `--` come build options for native extensions, not gems.
      const words = call.command.words;
      const buildOptions = words.findIndex((word) => word.value === '--');
      for (const word of subcommandOperands(call).filter((operand) => buildOptions < 0 || words.indexOf(operand) < buildOptions)) {
        const gem = word.value;
        if (gem !== undefined && !gem.includes(':') && !gem.endsWith('.gem')) report({ messageId: 'unpinned', data: { gem }, range: word.range });
      }
    }
  },
});
