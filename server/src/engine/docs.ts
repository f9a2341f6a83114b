import packageJson from '../../../package.json';
import type { Rule } from './ruleTypes';

/** Where a rule is documented: its section of the generated RULES.md in the project repository. */
export function docsUrl(ruleId: string): string {
  // Asked for every finding of every check, so each rule's address is built once.
  let url = docsUrls.get(ruleId);
  if (!url) {
    url = `${packageJson.homepage}/blob/main/RULES.md#${ruleAnchor(ruleId)}`;
    docsUrls.set(ruleId, url);
  }
  return url;
}

const docsUrls = new Map<string, string>();

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
