import { defineDockerfileRule } from '../../engine/ruleTypes';
import { basename, type ParsedScript } from '../../parsing/shellScript';
import { foundIn, reportOnce, shellRuns, sourceOf, type Occurrence } from '../support/shellChecks';

/**
 * Programs where a file named like an option does harm (`-rf`, `-R`, `--target-directory=…`): ShellCheck reports
 * every program, but a compiler or `ls` reading a stray option fails loudly, which nobody guards a build against.
 */
const HARMED_BY_OPTIONS: ReadonlySet<string> = new Set(['rm', 'mv', 'cp', 'chmod', 'chown', 'chgrp', 'ln', 'tar']);
/** For these `./name` is the same file as `name`, and nothing else changes; `tar` stores the names as given. */
const SAME_FILES: ReadonlySet<string> = new Set(['rm', 'mv', 'cp', 'chmod', 'chown', 'chgrp', 'ln']);

export const rule = defineDockerfileRule({
  id: 'dockerfile/glob-may-become-option',
  meta: {
    severity: 'info',
    description:
      'A RUN passes a glob that starts with `*` or `?` to `rm`, `cp`, `mv`, `chmod`, `chown`, `ln` or `tar`, so a file whose name starts with `-` would be read as an option.',
    fix: { applied: { autoWhen: 'when the program is rm, mv, cp, chmod, chown, chgrp or ln (tar stores the names as written)' } },
    aliases: ['shellcheck:SC2035'],
    messages: {
      glob: '`{{text}}` may match a file whose name starts with `-`, which `{{program}}` would read as an option; write `./{{text}}` (or put `--` before it).{{also}}',
    },
    explanation: {
      why: 'The shell expands `*.txt` to the matching names as they are, so a file called `-rf.txt` reaches `rm` as options. `./*.txt` expands to `./-rf.txt`, which no command reads as an option.',
      standard: 'ShellCheck SC2035.',
      bad: 'RUN rm -f *.tmp',
      good: 'RUN rm -f ./*.tmp',
    },
  },
  check({ file, report }) {
    for (const { script } of shellRuns(file)) {
      const occurrences = foundIn(script.parsed, 'glob-may-become-option', () => leadingGlobs(script.parsed));
      // Elsewhere the names change (`tar` stores `./a.txt`).
      const sameFiles = occurrences.every((occurrence) => SAME_FILES.has(occurrence.data?.program ?? ''));
      reportOnce(file, report, script, occurrences, { messageId: 'glob', codes: ['SC2035'], fix: { title: 'Prefix the glob with ./', unsafe: !sameFiles } });
    }
  },
});

function leadingGlobs(parsed: ParsedScript): Occurrence[] {
  const occurrences: Occurrence[] = [];
  for (const command of parsed.allCommands) {
    const program = command.words[0]?.value;
    if (program === undefined || !HARMED_BY_OPTIONS.has(basename(program))) continue;
    for (const word of command.words.slice(1)) {
      // After `--` nothing is an option.
      if (word.value === '--') break;
      const first = word.parts[0];
      if (first?.type !== 'glob' || !/^[*?]/.test(first.source)) continue;
      occurrences.push({
        start: word.start,
        end: word.end,
        text: sourceOf(parsed, word),
        edits: [{ start: word.start, end: word.start, newText: './' }],
        data: { program: basename(program) },
      });
    }
  }
  return occurrences;
}
