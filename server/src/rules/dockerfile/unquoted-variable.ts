import { defineDockerfileRule } from '../../engine/ruleTypes';
import type { ParameterPiece } from '../../parsing/shellWords';
import { isTestCommand, quoteEdits, reportOnce, shellRuns, wordsInScript, type Occurrence } from '../support/shellChecks';
import { ScriptVariables, type ValueKind } from '../support/shellVariables';

/** Kinds of value that are safe unquoted inside `[ ]`: one word, never empty. */
const ONE_WORD: readonly ValueKind[] = ['word', 'number'];

export const rule = defineDockerfileRule({
  id: 'dockerfile/unquoted-variable',
  meta: {
    severity: 'info',
    description:
      'A RUN expands a variable without double quotes where its value may hold blanks or wildcards nobody meant to split on (arguments, `read`, file names), or may be empty inside `[ ]`.',
    fix: { applied: 'editor-only' },
    aliases: ['shellcheck:SC2086'],
    messages: {
      unquoted:
        '{{text}} is not quoted: its value comes from run time (arguments, `read`, file names) and is split at blanks and expanded as a wildcard; write "{{text}}".{{also}}',
      unquotedInTest:
        '{{text}} is not quoted inside `[ ]`: when it is empty or holds blanks the test breaks (`[ -n ]` is always true, `[ = x ]` is an error); write "{{text}}".{{also}}',
    },
    explanation: {
      why: 'The shell splits an unquoted expansion at blanks and expands wildcards in it, so a file name with a space becomes two arguments, and an empty value vanishes: inside `[ ]` that turns `[ -n $VERSION ]` into `[ -n ]`, which is always true. Variables the Dockerfile or the script sets to one word, numbers, and lists written to be split (`PKGS="curl git"`) are not reported.',
      standard: 'ShellCheck SC2086; POSIX Shell Command Language, 2.6.5 Field Splitting.',
      bad: 'ARG VERSION\nRUN if [ -n $VERSION ]; then echo "pinned to $VERSION"; fi',
      good: 'ARG VERSION\nRUN if [ -n "$VERSION" ]; then echo "pinned to $VERSION"; fi',
    },
  },
  check({ file, report }) {
    for (const { run, script } of shellRuns(file)) {
      const variables = new ScriptVariables(file, run, script);
      const occurrences: Occurrence[] = [];
      for (const { word, command, role } of wordsInScript(script)) {
        if (role !== 'argument' || !command) continue;
        const inTest = isTestCommand(command);
        for (const piece of word.parts) {
          if (piece.type !== 'parameter' || piece.quoted || !isSplitCandidate(piece)) continue;
          const kind = variables.kindOf(piece.name);
          const found = inTest ? !ONE_WORD.includes(kind) : kind === 'input';
          if (!found) continue;
          const range = script.rangeOf(piece.start, piece.end);
          const messageId = inTest ? 'unquotedInTest' : 'unquoted';
          occurrences.push({ range, text: piece.source, edits: quoteEdits(range), messageId });
        }
      }
      // Quoting changes what an empty value gives (an empty argument instead of none), which a script may rely on.
      const fix = { title: 'Quote the expansion', unsafe: true };
      reportOnce(file, report, occurrences, { messageId: 'unquoted', codes: ['SC2086'], fix });
    }
  },
});

/**
 * Expansions that split like a plain `$NAME`: not a length (a number), not `$@`/`$*` and arrays (ShellCheck's
 * SC2068), and not `${NAME:+…}`, the idiom for an optional argument that is meant to vanish when unset.
 */
function isSplitCandidate(piece: ParameterPiece): boolean {
  if (piece.length || piece.name === '@' || piece.name === '*' || piece.indexed || piece.indirect) return false;
  return piece.operator !== '+' && piece.operator !== ':+';
}
