import { defineDockerfileRule } from '../../engine/ruleTypes';
import type { ParsedScript } from '../../parsing/shellScript';
import type { ParameterPiece } from '../../parsing/shellWords';
import { foundIn, isTestCommand, quoteEdits, reportOnce, shellRuns, wordsInScript, type Occurrence } from '../support/shellChecks';
import { dockerfileVariables, ScriptVariables, type ValueKind } from '../support/shellVariables';

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
      // Only the script gives run-time input (arguments, `read`, file names): what it reports outside `[ ]` depends
      // on the script alone. Inside `[ ]` an ARG without default matters too.
      const { unquoted, inTests } = foundIn(script.parsed, 'unquoted-variable', () => unquotedExpansions(script.parsed));
      const dockerfile = inTests.length ? new ScriptVariables(script.parsed, dockerfileVariables(file, run)) : undefined;
      const occurrences = [...unquoted, ...inTests.filter(({ name }) => !ONE_WORD.includes(dockerfile!.kindOf(name)))];
      // Quoting changes what an empty value gives (an empty argument instead of none), which a script may rely on.
      reportOnce(file, report, script, occurrences, { messageId: 'unquoted', codes: ['SC2086'], fix: { title: 'Quote the expansion', unsafe: true } });
    }
  },
});

/**
 * The unquoted expansions of a command's words that split like `$NAME`: outside `[ ]` those of run-time input,
 * inside all of them, for the caller to weigh with the Dockerfile's ARGs and ENVs.
 */
function unquotedExpansions(parsed: ParsedScript): { unquoted: Occurrence[]; inTests: (Occurrence & { name: string })[] } {
  const variables = new ScriptVariables(parsed, () => 'unknown');
  const unquoted: Occurrence[] = [];
  const inTests: (Occurrence & { name: string })[] = [];
  for (const { word, command, role } of wordsInScript(parsed)) {
    if (role !== 'argument' || !command) continue;
    const inTest = isTestCommand(command);
    for (const piece of word.parts) {
      if (piece.type !== 'parameter' || piece.quoted || !isSplitCandidate(piece)) continue;
      const occurrence = { start: piece.start, end: piece.end, text: piece.source, edits: quoteEdits(piece.start, piece.end) };
      if (inTest) inTests.push({ ...occurrence, messageId: 'unquotedInTest', name: piece.name });
      else if (variables.kindOf(piece.name) === 'input') unquoted.push(occurrence);
    }
  }
  return { unquoted, inTests };
}

/**
 * Expansions that split like a plain `$NAME`: not a length (a number), not `$@`/`$*` and arrays (ShellCheck's
 * SC2068), and not `${NAME:+…}`, the idiom for an optional argument that is meant to vanish when unset.
 */
function isSplitCandidate(piece: ParameterPiece): boolean {
  if (piece.length || piece.name === '@' || piece.name === '*' || piece.indexed || piece.indirect) return false;
  return piece.operator !== '+' && piece.operator !== ':+';
}
