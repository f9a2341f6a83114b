import type { Range } from 'vscode-languageserver-types';
import type { ContainerFile, KubernetesFile } from '../parsing/containerFile';
import type { Workspace } from '../workspace/workspace';
import { effectiveSeverity, optionsFor, type LintConfig } from './config';
import { docsUrl } from './docs';
import { documentScopedProblems, isDocumentScoped } from './documentScope';
import type { Fix, Problem, Rule, Severity } from './ruleTypes';
import { runRule } from './runRule';
import { collectSuppressions } from './suppressions';

/** A rule's report, resolved against the configuration: what the editor and the CLI show. */
export interface Finding {
  ruleId: string;
  messageId: string;
  severity: Severity;
  message: string;
  range: Range;
  /** Built on first access for rules that report them lazily. */
  readonly fixes: Fix[];
  aliases: string[];
  docsUrl: string;
}

/** Runs the rules that apply to the file's kind; drops what is switched off or suppressed. */
export function lintFile(file: ContainerFile, workspace: Workspace, config: LintConfig, rules: readonly Rule[]): Finding[] {
  if (file.kind === 'unknown') return [];
  const active = rules.filter((rule) => rule.kind === file.kind && effectiveSeverity(rule, config) !== 'off');
  const perDocument = file.kind === 'kubernetes' ? problemsPerDocument(active, file, workspace, config) : undefined;
  const findings: Finding[] = [];
  for (const rule of active) {
    const problems = perDocument?.get(rule) ?? runRule(rule, file, workspace, optionsFor(rule, config));
    for (const problem of problems) {
      const severity = effectiveSeverity(rule, config, problem.severity);
      if (severity === 'off') continue;
      let fixes = problem.fixes;
      findings.push({
        ruleId: rule.id,
        messageId: problem.messageId,
        severity,
        message: formatMessage(rule, problem),
        range: problem.range,
        get fixes() {
          if (typeof fixes === 'function') fixes = fixes();
          return fixes ?? [];
        },
        aliases: [...rule.meta.aliases, ...(problem.aliases ?? [])],
        docsUrl: docsUrl(rule.id),
      });
    }
  }
  const suppressions = collectSuppressions(file);
  return findings.filter((finding) => !suppressions.covers(finding)).sort(byPosition);
}

/** The reports of the document-scoped rules among `rules`, each run document by document (see KubernetesRuleScope). */
function problemsPerDocument(rules: readonly Rule[], file: KubernetesFile, workspace: Workspace, config: LintConfig): Map<Rule, Problem[]> {
  const runs = rules.filter(isDocumentScoped).map((rule) => ({ rule, options: optionsFor(rule, config) }));
  const problems = runs.length > 0 ? documentScopedProblems(runs, file, workspace) : [];
  return new Map(runs.map(({ rule }, index) => [rule, problems[index]!]));
}

export const INTERNAL_ERROR_PREFIX = 'Internal error in this rule';

function formatMessage(rule: Rule, problem: Problem): string {
  const template = rule.meta.messages[problem.messageId];
  if (template === undefined) return `${INTERNAL_ERROR_PREFIX}: ${problem.data?.error ?? `unknown message id "${problem.messageId}"`}. Please report it.`;
  return template.replace(/\{\{\s*(\w+)\s*\}\}/g, (whole, key: string) => String(problem.data?.[key] ?? whole));
}

function byPosition(a: Finding, b: Finding): number {
  return a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character || a.ruleId.localeCompare(b.ruleId);
}
