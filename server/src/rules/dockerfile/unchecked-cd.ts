import { defineDockerfileRule } from '../../engine/ruleTypes';
import type { ParsedScript } from '../../parsing/shellScript';
import { exitsOnError, foundIn, isFollowed, reportOnce, shellRuns, shortened, sourceOf, type Occurrence } from '../support/shellChecks';

const DIRECTORY_CHANGES: ReadonlySet<string> = new Set(['cd', 'pushd', 'popd']);

export const rule = defineDockerfileRule({
  id: 'dockerfile/unchecked-cd',
  meta: {
    severity: 'warning',
    description: 'A RUN changes directory with `cd` and goes on to other commands whether or not it succeeded.',
    fix: { applied: 'auto' },
    aliases: ['shellcheck:SC2164'],
    messages: {
      unchecked:
        '`{{text}}` is not checked: if it fails, the commands after it run in the wrong directory and the build goes on; write `{{text}} || exit`, or chain the next command with `&&`.{{also}}',
    },
    explanation: {
      why: 'A RUN fails only when its last command fails (Docker runs `/bin/sh -c` without `-e`), so after a `cd` into a folder that does not exist the rest of the script runs wherever it is, unpacking or deleting files in the wrong place. Not reported where a failure stops the script anyway: `cd … &&`, `set -e`, a SHELL with `-e`, or a `cd` that is the last command.',
      standard: 'ShellCheck SC2164.',
      bad: 'RUN cd /usr/src/app; make install',
      good: 'RUN cd /usr/src/app && make install',
    },
  },
  check({ file, report }) {
    for (const { script } of shellRuns(file)) {
      const occurrences = foundIn(script.parsed, `unchecked-cd ${script.shell.join(' ')}`, () => uncheckedDirectoryChanges(script.parsed, script.shell));
      reportOnce(file, report, script, occurrences, { messageId: 'unchecked', codes: ['SC2164'], fix: { title: 'Append || exit' } });
    }
  },
});

function uncheckedDirectoryChanges(parsed: ParsedScript, shell: readonly string[]): Occurrence[] {
  const occurrences: Occurrence[] = [];
  for (const command of parsed.allCommands) {
    const [program, ...args] = command.words.map((word) => word.value);
    if (program === undefined || !DIRECTORY_CHANGES.has(program)) continue;
    // `cd ..` cannot fail where the script just came from; `pushd -n` changes nothing.
    if (args[0] === '..' || (program !== 'cd' && args.includes('-n'))) continue;
    if (command.tested || command.piped || !isFollowed(parsed, command) || exitsOnError(parsed, shell, command)) continue;
    const text = shortened(sourceOf(parsed, command));
    occurrences.push({ start: command.start, end: command.end, text, edits: [{ start: command.end, end: command.end, newText: ' || exit' }] });
  }
  return occurrences;
}
