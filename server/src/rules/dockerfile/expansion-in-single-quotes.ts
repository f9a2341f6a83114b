import { defineDockerfileRule } from '../../engine/ruleTypes';
import { basename, POSIX_SHELLS, type ParsedScript, type ScriptCommand } from '../../parsing/shellScript';
import { foundIn, reportOnce, shellRuns, shortened, type Occurrence } from '../support/shellChecks';

/** `$NAME`, `${…}`, `$(…)`, `$1` or a backquoted command: what would expand in double quotes. */
const EXPANSION = /\$[{(a-zA-Z_]|`[^`]+`/;
/** In a sed script, `$` addresses the last line: `$d`, `$p`, `$a\`, `${…}` blocks. */
const SED_LAST_LINE = /\$[{dpsaic](?:$|[^a-zA-Z])/;

/**
 * Programs whose single-quoted arguments are programs or templates of their own, where `$` is theirs to read
 * (ShellCheck's list, with the interpreters a Dockerfile runs): shells and what runs a shell (`su -c`, `docker
 * exec`), awk, perl, python, node, jq, SQL clients, `envsubst '$VAR'`, make.
 */
const OWN_LANGUAGE: ReadonlySet<string> = new Set([
  ...POSIX_SHELLS,
  'busybox',
  'trap',
  'ssh',
  'eval',
  'xprop',
  'alias',
  'sudo',
  'doas',
  'su',
  'runuser',
  'gosu',
  'su-exec',
  'setpriv',
  'chroot',
  'xargs',
  'docker',
  'podman',
  'oc',
  'kubectl',
  'dpkg-query',
  'jq',
  'yq',
  'rename',
  'rg',
  'unset',
  'python',
  'python2',
  'python3',
  'node',
  'nodejs',
  'ruby',
  'php',
  'lua',
  'Rscript',
  'psql',
  'mysql',
  'mariadb',
  'sqlite3',
  'envsubst',
  'make',
  'expect',
  'git',
  'timeout',
  'nohup',
  'env',
]);
/** Programs that write their arguments, which a redirection or a pipe sends into a file or another program (a profile, a script). */
const WRITERS: ReadonlySet<string> = new Set(['echo', 'printf', 'cat']);

export const rule = defineDockerfileRule({
  id: 'dockerfile/expansion-in-single-quotes',
  meta: {
    severity: 'info',
    description: 'A RUN writes `$VAR` or `$(…)` inside single quotes where it seems meant to expand, but single quotes keep it as it is.',
    aliases: ['shellcheck:SC2016'],
    messages: {
      literal: '{{text}} is in single quotes, so `{{program}}` gets the `$` as it is, not the value; use double quotes if it should expand.{{also}}',
    },
    explanation: {
      why: "Single quotes keep every character as it is: `curl -o /tmp/app.tgz 'https://example.com/$VERSION/app.tgz'` downloads a path with a literal `$VERSION` in it. Not reported where the `$` is meant for another program: shells and `sh -c` scripts, sed, awk, perl, python, jq and other interpreters, `envsubst`, SQL clients, and text written into a file (`echo 'export PATH=$HOME/bin:$PATH' >> ~/.profile`).",
      standard: 'ShellCheck SC2016.',
      bad: "ARG VERSION=1.4.2\nRUN curl -fsSLo /tmp/app.tgz 'https://example.com/releases/$VERSION/app.tgz'",
      good: 'ARG VERSION=1.4.2\nRUN curl -fsSLo /tmp/app.tgz "https://example.com/releases/$VERSION/app.tgz"',
    },
  },
  check({ file, report }) {
    for (const { script } of shellRuns(file)) {
      const occurrences = foundIn(script.parsed, 'expansion-in-single-quotes', () => singleQuotedExpansions(script.parsed));
      reportOnce(file, report, script, occurrences, { messageId: 'literal', codes: ['SC2016'] });
    }
  },
});

function singleQuotedExpansions(parsed: ParsedScript): Occurrence[] {
  const occurrences: Occurrence[] = [];
  for (const command of parsed.allCommands) {
    const program = command.words[0]?.value;
    if (program === undefined || isForAnotherProgram(command, basename(program))) continue;
    const isSed = basename(program) === 'sed';
    for (const word of command.words.slice(1)) {
      for (const piece of word.parts) {
        if (piece.type !== 'quoted' || piece.quoting !== 'single' || !EXPANSION.test(piece.source)) continue;
        if (isSed && SED_LAST_LINE.test(piece.source)) continue;
        occurrences.push({ start: piece.start, end: piece.end, text: shortened(piece.source), data: { program: basename(program) } });
      }
    }
  }
  return occurrences;
}

/** Whether the command hands its single-quoted words to a program of their own, or writes them into a file. */
function isForAnotherProgram(command: ScriptCommand, program: string): boolean {
  if (OWN_LANGUAGE.has(program) || program.endsWith('awk') || program.startsWith('perl') || /^python\d/.test(program)) return true;
  // `find … -exec sh -c '…'`, `xargs -I{} bash -c '…'`, `timeout 5 sh -c '…'`.
  if (command.words.some((word) => word.value !== undefined && (OWN_LANGUAGE.has(basename(word.value)) || word.value === '-exec' || word.value === '-execdir')))
    return true;
  // Into a file, or piped into `tee`, a shell, `kubectl apply -f -`…: the text is read later, by something else.
  return WRITERS.has(program) && command.stdoutRedirected;
}
