// Holds a rule's RuleFixMeta (what RULES.md, hovers and the rule lists say of its quick fix) to the reports it makes:
// the rule tester on the rule's own cases, test/corpus/fixMeta.test.ts on real files.
import type { Finding } from '../../server/src/engine/lint';
import type { Rule } from '../../server/src/engine/ruleTypes';

/** What one report offers: no fix, a safe fix (which fix-all and `--fix` apply), or unsafe fixes only (the editor's). */
export type ReportFix = 'none' | 'auto' | 'editor-only';

export function reportFix(finding: Finding): ReportFix {
  if (finding.fixes.some((fix) => !fix.unsafe)) return 'auto';
  return finding.fixes.length > 0 ? 'editor-only' : 'none';
}

/** How one report contradicts its rule's metadata; empty when it does not. */
export function fixMetaContradictions(rule: Rule, finding: Finding): string[] {
  const fix = rule.meta.fix;
  const kind = reportFix(finding);
  if (!fix) return kind === 'none' ? [] : [`${rule.id} says it has no quick fix (no meta.fix), but this report carries one`];
  const problems: string[] = [];
  if (kind === 'none' && fix.when === undefined)
    problems.push(`${rule.id} says every report carries a fix (no meta.fix.when), but this one has none: say when one is offered`);
  if (kind === 'editor-only' && fix.applied === 'auto')
    problems.push(`${rule.id} says fix-all and --fix apply its fix (applied: 'auto'), but this report has unsafe fixes only`);
  if (kind === 'auto' && fix.applied === 'editor-only')
    problems.push(
      `${rule.id} says its fix is offered in the editor only (applied: 'editor-only'), but this report has a safe fix that fix-all and --fix apply`,
    );
  const createsFile = finding.fixes.some((candidate) => !candidate.unsafe && (candidate.createFiles?.length ?? 0) > 0);
  if (createsFile && !fix.createsFile) problems.push(`${rule.id}'s safe fix creates a file, which fix-all on save leaves out: say createsFile`);
  return problems;
}

/**
 * What a rule's reports together must show that no single report can refute: a report without a fix when the rule
 * says when one is offered, both a safe and an editor-only report when that depends on the case, a created file
 * when it says its fix creates one. The rule tester asks this of the rule's cases, so each claim has a case.
 */
export function unshownFixClaims(rule: Rule, findings: readonly Finding[]): string[] {
  const fix = rule.meta.fix;
  if (!fix) return [];
  const kinds = new Set(findings.map(reportFix));
  const problems: string[] = [];
  if (fix.when !== undefined && !kinds.has('none'))
    problems.push(`${rule.id} says a fix is offered ${fix.when}, but no case has a report without one: add a case (output: null)`);
  if (typeof fix.applied === 'object' && !(kinds.has('auto') && kinds.has('editor-only')))
    problems.push(`${rule.id} says fix-all applies its fix ${fix.applied.autoWhen} and the editor only offers it otherwise, but the cases do not show both`);
  if (fix.applied === 'auto' && !kinds.has('auto')) problems.push(`${rule.id} says fix-all and --fix apply its fix, but no case has a safe fix`);
  if (fix.applied === 'editor-only' && !kinds.has('editor-only'))
    problems.push(`${rule.id} says its fix is offered in the editor only, but no case offers one`);
  if (fix.createsFile && !findings.some((finding) => finding.fixes.some((candidate) => !candidate.unsafe && candidate.createFiles?.length)))
    problems.push(`${rule.id} says its safe fix creates a file, but no case's does`);
  return problems;
}
