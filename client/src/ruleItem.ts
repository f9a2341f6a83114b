import type { QuickPickItem } from 'vscode';
import type { RuleSummary } from '../../server/src/protocol';

export interface RuleItem extends QuickPickItem {
  ruleId: string;
}

/**
 * A rule in "Show Rules": the id as label; severity, quick fix and aliases as description and the rule's sentence as
 * detail, both searched (`matchOnDescription`, `matchOnDetail`), so `DL3007` finds `dockerfile/latest-tag`.
 */
export function ruleItem(rule: RuleSummary): RuleItem {
  const facts = [rule.severity, ...(rule.fix ? [`quick fix: ${rule.fix}`] : []), ...rule.aliases];
  return { label: rule.id, description: facts.join(' · '), detail: rule.description, ruleId: rule.id };
}
