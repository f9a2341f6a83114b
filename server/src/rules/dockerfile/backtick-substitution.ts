import { defineDockerfileRule } from '../../engine/ruleTypes';
import type { ParsedScript } from '../../parsing/shellScript';
import { foundIn, reportOnce, shellRuns, wordsInScript, type Occurrence } from '../support/shellChecks';

export const rule = defineDockerfileRule({
  id: 'dockerfile/backtick-substitution',
  meta: {
    severity: 'info',
    description: 'A RUN uses backquotes for command substitution, the legacy form that nests and quotes badly.',
    fix: { when: 'unless a backquoted command holds a backslash', applied: 'auto' },
    aliases: ['shellcheck:SC2006'],
    messages: {
      backticks: '{{text}} is the legacy form of command substitution; write `$(…)`, which nests and quotes without extra backslashes.{{also}}',
    },
    explanation: {
      why: 'Inside backquotes a backslash and a nested substitution need escaping, so scripts written with them are easy to get wrong; `$(…)` reads the same inside as outside.',
      standard: 'ShellCheck SC2006; POSIX Shell Command Language, 2.6.3 Command Substitution.',
      bad: 'RUN echo "built on `date -u`" > /etc/build-info',
      good: 'RUN echo "built on $(date -u)" > /etc/build-info',
    },
  },
  check({ file, report }) {
    for (const { script } of shellRuns(file)) {
      const occurrences = foundIn(script.parsed, 'backtick-substitution', () => backquotedSubstitutions(script.parsed));
      reportOnce(file, report, script, occurrences, { messageId: 'backticks', codes: ['SC2006'], fix: { title: 'Use $(…) instead of backquotes' } });
    }
  },
});

function backquotedSubstitutions(parsed: ParsedScript): Occurrence[] {
  const occurrences: Occurrence[] = [];
  for (const { word } of wordsInScript(parsed)) {
    for (const piece of word.parts) {
      if (piece.type !== 'substitution' || !piece.backquoted) continue;
      const inner = piece.source.slice(1, -1);
      // Inside backquotes a backslash escapes `$`, `` ` `` and `\`; `$(…)` would read it differently.
      const edits = inner.includes('\\') ? undefined : [{ start: piece.start, end: piece.end, newText: `$(${inner})` }];
      occurrences.push({ start: piece.start, end: piece.end, text: `\`${shorten(inner)}\``, ...(edits ? { edits } : {}) });
    }
  }
  return occurrences;
}

function shorten(text: string): string {
  return text.length > 30 ? `${text.slice(0, 29)}…` : text;
}
