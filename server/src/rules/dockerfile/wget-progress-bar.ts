import { defineDockerfileRule } from '../../engine/ruleTypes';
import { callsOf, type OptionSyntax, type ToolCall } from '../support/packageManagers';

const WGET_SYNTAX: OptionSyntax = {
  long: [
    '--output-file',
    '--append-output',
    '--execute',
    '--input-file',
    '--base',
    '--config',
    '--tries',
    '--output-document',
    '--timeout',
    '--dns-timeout',
    '--connect-timeout',
    '--read-timeout',
    '--wait',
    '--waitretry',
    '--limit-rate',
    '--quota',
    '--bind-address',
    '--user',
    '--password',
    '--header',
    '--user-agent',
    '--post-data',
    '--post-file',
    '--referer',
    '--directory-prefix',
    '--cut-dirs',
    '--level',
    '--accept',
    '--reject',
    '--domains',
    '--exclude-domains',
    '--include-directories',
    '--exclude-directories',
    '--progress',
    '--ca-certificate',
    '--certificate',
    '--private-key',
    '--method',
    '--body-data',
    '--restrict-file-names',
    '--local-encoding',
    '--remote-encoding',
    '--secure-protocol',
  ],
  // `-n` takes its letter as a value: `-nv` is --no-verbose, `-nc` --no-clobber.
  short: 'oaOeiBPtTwQUlARDXIn',
};
/** Options that make the log short: a progress style, quiet or non-verbose output, or a log file. */
const QUIET = ['-q', '--quiet', '--no-verbose', '--progress', '-o', '--output-file', '-a', '--append-output'];

export const rule = defineDockerfileRule({
  id: 'dockerfile/wget-progress-bar',
  meta: {
    severity: 'info',
    description: '`wget` runs without `--progress`, `-q` or `-nv`, so its progress output floods the build log.',
    aliases: ['hadolint:DL3047'],
    messages: {
      progress: '`wget` prints a progress line for every few kilobytes in a build log; add `--progress=dot:giga`, or `-q`/`-nv` for quiet output.',
    },
    explanation: {
      why: 'Without a terminal, wget falls back to dot progress, one line for every 50 KB, so a large download floods the build log and buries the lines that matter.',
      standard: 'hadolint DL3047.',
      bad: 'RUN wget https://example.com/app.tar.gz',
      good: 'RUN wget --progress=dot:giga https://example.com/app.tar.gz',
    },
  },
  check({ file, report }) {
    for (const call of callsOf(file, ['wget'], WGET_SYNTAX)) {
      if (!isQuiet(call)) report({ messageId: 'progress', range: call.tool.range });
    }
  },
});

function isQuiet(call: ToolCall): boolean {
  return call.options.some(({ name, value }) => QUIET.includes(name) || (name === '-n' && value?.startsWith('v') === true));
}
