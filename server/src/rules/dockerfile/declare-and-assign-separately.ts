import { defineDockerfileRule } from '../../engine/ruleTypes';
import { basename, type ParsedScript, type ScriptCommand, type ScriptWord } from '../../parsing/shellScript';
import type { SubstitutionPiece } from '../../parsing/shellWords';
import { exitsOnError, foundIn, isFollowed, reportOnce, shellRuns, shortened, sourceOf, type Occurrence, type ScriptEdit } from '../support/shellChecks';

/** Built-ins that take `NAME=value` and return their own status, not the value's. */
const DECLARATIONS: ReadonlySet<string> = new Set(['export', 'local', 'declare', 'typeset', 'readonly']);
/** Those that must come before the assignment (they make the name local), rather than after it. */
const DECLARE_FIRST: ReadonlySet<string> = new Set(['local', 'declare', 'typeset']);

/**
 * Programs whose failure is no news: system facts and text filters. A substitution's status is the status of the
 * last command of its pipeline, so `$(curl … | tail -n 1)` cannot fail either (without pipefail).
 */
const NEVER_FAILS: ReadonlySet<string> = new Set([
  'mktemp',
  'pwd',
  'dirname',
  'basename',
  'date',
  'uname',
  'nproc',
  'arch',
  'id',
  'whoami',
  'getconf',
  'echo',
  'printf',
  'tr',
  'cut',
  'sed',
  'awk',
  'head',
  'tail',
  'sort',
  'uniq',
  'wc',
  'xargs',
]);

export const rule = defineDockerfileRule({
  id: 'dockerfile/declare-and-assign-separately',
  meta: {
    severity: 'warning',
    description:
      'A RUN assigns the output of a command in `export`, `local`, `readonly` or `declare`, whose own success hides the failure of the command, where that failure should stop the script.',
    fix: { when: 'when the built-in assigns one name and nothing else', applied: 'editor-only' },
    aliases: ['shellcheck:SC2155'],
    messages: {
      masked:
        '`{{text}}` hides the status of its command substitution: `{{builtin}}` succeeds even when the command fails, so the build goes on with an empty value; assign and {{builtin}} in two steps.{{also}}',
    },
    explanation: {
      why: 'The status of `export NAME=$(cmd)` is the status of `export`, which succeeds, so `&&`, `set -e` and the RUN itself never see `cmd` fail and the build carries on with an empty value. Only reported where the failure would otherwise stop something: before `&&` or `||`, under `set -e`, or as the last command.',
      standard: 'ShellCheck SC2155.',
      bad: 'RUN export GOPATH=$(go env GOPATH) && make install',
      good: 'RUN GOPATH=$(go env GOPATH) && export GOPATH && make install',
    },
  },
  check({ file, report }) {
    for (const { script } of shellRuns(file)) {
      const occurrences = foundIn(script.parsed, `declare-and-assign-separately ${script.shell.join(' ')}`, () =>
        maskingDeclarations(script.parsed, script.shell),
      );
      reportOnce(file, report, script, occurrences, {
        messageId: 'masked',
        codes: ['SC2155'],
        // A failing command now stops the script, which is the point, but a build that passed may fail.
        fix: { title: 'Assign and declare in two steps', unsafe: true },
      });
    }
  },
});

function maskingDeclarations(parsed: ParsedScript, shell: readonly string[]): Occurrence[] {
  const occurrences: Occurrence[] = [];
  for (const command of parsed.allCommands) {
    const builtin = command.words[0]?.value;
    if (builtin === undefined || !DECLARATIONS.has(builtin)) continue;
    const masking = command.words.filter((word) => word.assignment?.value.parts.some((piece) => piece.type === 'substitution' && mayFail(piece)));
    if (masking.length === 0) continue;
    const errexit = exitsOnError(parsed, shell, command);
    if (!command.tested && !errexit && isFollowed(parsed, command)) continue;
    const edit = masking.length === 1 ? splitEdit(parsed, command, builtin, masking[0]!, errexit) : undefined;
    occurrences.push({
      start: command.start,
      end: command.end,
      text: shortened(sourceOf(parsed, command)),
      data: { builtin },
      ...(edit ? { edits: [edit] } : {}),
    });
  }
  return occurrences;
}

/**
 * `export NAME=$(cmd)` → `NAME=$(cmd) && export NAME` (`local NAME && NAME=$(cmd)` for the built-ins that make a
 * name local). Under `set -e` a failure left of `&&` does not exit, so a statement of its own is split with `;`
 * instead. Only a command of the built-in and that one assignment, as written, is rewritten.
 */
function splitEdit(parsed: ParsedScript, command: ScriptCommand, builtin: string, word: ScriptWord, errexit: boolean): ScriptEdit | undefined {
  if (command.words.length !== 2 || command.assignments.length > 0 || !word.assignment) return undefined;
  const written = sourceOf(parsed, command);
  const assignment = sourceOf(parsed, word);
  if (!new RegExp(`^${builtin}\\s+`).test(written) || !written.endsWith(assignment)) return undefined;
  const standalone = parsed.statements.some((statement) => statement.start === command.start && statement.end === command.end);
  if (errexit && !command.tested && !standalone) return undefined;
  const separator = errexit && !command.tested ? '; ' : ' && ';
  const name = word.assignment.name;
  const newText = DECLARE_FIRST.has(builtin) ? `${builtin} ${name}${separator}${assignment}` : `${assignment}${separator}${builtin} ${name}`;
  return { start: command.start, end: command.end, newText };
}

function mayFail(piece: SubstitutionPiece): boolean {
  const program = piece.output?.[0];
  if (program === undefined) return true;
  const name = basename(program);
  return !NEVER_FAILS.has(name) && !(name === 'dpkg' && piece.output?.includes('--print-architecture'));
}
