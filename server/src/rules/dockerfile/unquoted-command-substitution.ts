import { defineDockerfileRule } from '../../engine/ruleTypes';
import type { ParsedScript } from '../../parsing/shellScript';
import type { SubstitutionPiece } from '../../parsing/shellWords';
import { foundIn, isTestCommand, quoteEdits, reportOnce, shellRuns, wordsInScript, type Occurrence } from '../support/shellChecks';
import { printsOneWord } from '../support/shellVariables';

/**
 * Programs that print one path, which the caller means as one argument: split at a blank, it becomes two. Lists
 * (`$(cat packages.txt)`, `$(find …)`, `$(ls …)`) are written to be split and are not reported.
 */
const PRINTS_A_PATH: ReadonlySet<string> = new Set(['dirname', 'basename', 'pwd', 'realpath', 'readlink', 'mktemp', 'which']);

const CHANGES_DIRECTORY: ReadonlySet<string> = new Set(['cd', 'pushd']);

export const rule = defineDockerfileRule({
  id: 'dockerfile/unquoted-command-substitution',
  meta: {
    severity: 'info',
    description:
      'A RUN uses the output of a command that prints one path (`dirname`, `pwd`, `mktemp`…) as an argument without double quotes, or an unquoted command output inside `[ ]` or as the directory of `cd`.',
    fix: { applied: 'editor-only' },
    aliases: ['shellcheck:SC2046'],
    messages: {
      unquoted: '{{text}} is not quoted: the path it prints is split at blanks and expanded as a wildcard; write "{{text}}".{{also}}',
      unquotedInTest:
        '{{text}} is not quoted inside `[ ]`: when it prints nothing or several words the test breaks (`[ -n ]` is always true); write "{{text}}".{{also}}',
    },
    explanation: {
      why: 'The shell splits an unquoted command substitution at blanks and expands wildcards in it: a path with a space becomes two arguments, and empty output vanishes, which turns `[ -n $(…) ]` into `[ -n ]`, always true. Substitutions that print a list meant to be split (`apt-get install $(cat packages.txt)`) and one-word outputs (`$(uname -m)`, `$(nproc)`) are not reported.',
      standard: 'ShellCheck SC2046; POSIX Shell Command Language, 2.6.5 Field Splitting.',
      bad: 'RUN cd $(dirname $(readlink -f /usr/bin/java))/.. && ls',
      good: 'RUN cd "$(dirname "$(readlink -f /usr/bin/java)")"/.. && ls',
    },
  },
  check({ file, report }) {
    for (const { script } of shellRuns(file)) {
      const occurrences = foundIn(script.parsed, 'unquoted-command-substitution', () => unquotedSubstitutions(script.parsed));
      // Quoting changes what empty output gives (an empty argument instead of none).
      reportOnce(file, report, script, occurrences, {
        messageId: 'unquoted',
        codes: ['SC2046'],
        fix: { title: 'Quote the command substitution', unsafe: true },
      });
    }
  },
});

function unquotedSubstitutions(parsed: ParsedScript): Occurrence[] {
  const occurrences: Occurrence[] = [];
  for (const { word, command, role } of wordsInScript(parsed)) {
    if (role !== 'argument' || !command) continue;
    const inTest = isTestCommand(command);
    // `cd` takes one directory: output of several words is never what it wants.
    const wantsOneWord = inTest || CHANGES_DIRECTORY.has(command.words[0]?.value ?? '');
    for (const piece of word.parts) {
      if (piece.type !== 'substitution' || piece.quoted) continue;
      if (wantsOneWord ? printsOneWord(piece.output) : !printsAPath(piece)) continue;
      const messageId = inTest ? 'unquotedInTest' : 'unquoted';
      occurrences.push({ start: piece.start, end: piece.end, text: shorten(piece.source), edits: quoteEdits(piece.start, piece.end), messageId });
    }
  }
  return occurrences;
}

function printsAPath(piece: SubstitutionPiece): boolean {
  const [program, ...args] = piece.output ?? [];
  if (program === undefined) return false;
  const name = program.slice(program.lastIndexOf('/') + 1);
  return PRINTS_A_PATH.has(name) || (name === 'command' && args[0] === '-v');
}

function shorten(source: string): string {
  return source.length > 40 ? `${source.slice(0, 38)}…)` : source;
}
