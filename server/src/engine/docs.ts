import type { Rule } from './ruleTypes';

/**
 * Where a rule is documented, as a path in the package (which ships RULES.md at its root) and the repository: its
 * section of the generated RULES.md. A path rather than a web address, so the link works offline and wherever the
 * package is installed.
 */
export function docsPath(ruleId: string): string {
  return `RULES.md#${ruleAnchor(ruleId)}`;
}

/** The anchor GitHub gives a `### <rule id>` heading. */
export function ruleAnchor(ruleId: string): string {
  return ruleId.toLowerCase().replace(/[^a-z0-9 -]/g, '');
}

/** How the explanation is labelled where it is shown (a hover speaks to the editor's user, RULES.md to a reader). */
export interface ExplanationLabels {
  standard: string;
  good: string;
}

/** A rule's explanation as Markdown paragraphs: why, the standard, the reported and the passing snippet. */
export function explanationMarkdown(rule: Rule, labels: ExplanationLabels): string[] {
  const explanation = rule.meta.explanation;
  if (!explanation) return [];
  const language = rule.kind === 'dockerfile' ? 'dockerfile' : 'yaml';
  return [
    explanation.why,
    ...(explanation.standard ? [`${labels.standard} ${explanation.standard}`] : []),
    `Reported:\n\n${codeBlock(explanation.bad, language)}`,
    `${labels.good}\n\n${codeBlock(explanation.good, language)}`,
  ];
}

/** A fenced block whose fence is longer than any backtick run in the code, so the code cannot close it early. */
function codeBlock(code: string, language: string): string {
  const longestRun = Math.max(0, ...(code.match(/`+/g) ?? []).map((run) => run.length));
  const fence = '`'.repeat(Math.max(3, longestRun + 1));
  return `${fence}${language}\n${code.replace(/\n$/, '')}\n${fence}`;
}
