import type { Range } from 'vscode-languageserver-types';
import type { ContainerFile, KubernetesFile } from '../parsing/containerFile';
import { uncheckedReport, type Unchecked } from '../parsing/sizeLimits';
import type { Workspace } from '../workspace/workspace';
import { effectiveSeverity, isKindEnabled, optionsFor, type LintConfig } from './config';
import { documentScopedProblems, isDocumentScoped } from './documentScope';
import type { Fix, Problem, Rule, Severity } from './ruleTypes';
import { notReadyAsUndefined, runRule } from './runRule';
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
}

export interface FileFindings {
  findings: Finding[];
  /**
   * The rules whose findings are left out because a table of the workspace they asked was not ready (see
   * TableDeferral): a partial result, to be checked again once the tables are built.
   */
  deferredRules: string[];
}

/** Runs the rules that apply to the file's kind; drops what is switched off or suppressed. */
export function lintFile(file: ContainerFile, workspace: Workspace, config: LintConfig, rules: readonly Rule[]): Finding[] {
  return lintFileDeferring(file, workspace, config, rules).findings;
}

/**
 * lintFile, with the rules left out because a table of the workspace was not ready. Tables are only ever not ready
 * inside TableDeferral.answerFast: elsewhere (the CLI) every rule runs.
 */
export function lintFileDeferring(file: ContainerFile, workspace: Workspace, config: LintConfig, rules: readonly Rule[]): FileFindings {
  if (file.kind === 'unknown' || !isKindEnabled(config, file.kind)) return { findings: [], deferredRules: [] };
  if (file.unchecked) return { findings: uncheckedFindings(file, file.unchecked, config, rules), deferredRules: [] };
  const active = rules.filter((rule) => rule.kind === file.kind && effectiveSeverity(rule, config) !== 'off');
  const perDocument = file.kind === 'kubernetes' ? problemsPerDocument(active, file, workspace, config) : undefined;
  const findings: Finding[] = [];
  const deferredRules: string[] = [];
  for (const rule of active) {
    const problems = perDocument?.has(rule) ? perDocument.get(rule) : notReadyAsUndefined(() => runRule(rule, file, workspace, optionsFor(rule, config)));
    if (!problems) {
      deferredRules.push(rule.id);
      continue;
    }
    for (const problem of problems) {
      const severity = effectiveSeverity(rule, config, problem.severity);
      if (severity !== 'off') findings.push(findingOf(rule, problem, severity));
    }
  }
  const suppressions = collectSuppressions(file);
  return {
    findings: sortByPosition(
      findings.filter((finding) => !suppressions.covers(finding)),
      rules,
    ),
    deferredRules,
  };
}

/** A file too large to check (parsing/sizeLimits.ts) is reported once, by its kind's syntax rule, and no rule runs on it. */
function uncheckedFindings(file: Exclude<ContainerFile, { kind: 'unknown' }>, unchecked: Unchecked, config: LintConfig, rules: readonly Rule[]): Finding[] {
  const rule = rules.find((candidate) => candidate.kind === file.kind && candidate.id.endsWith('/syntax'));
  if (!rule) return [];
  const severity = effectiveSeverity(rule, config, 'info');
  if (severity === 'off') return [];
  const firstLine = file.document.getText({ start: { line: 0, character: 0 }, end: { line: 1, character: 0 } }).replace(/\r?\n$/, '');
  const range = { start: { line: 0, character: 0 }, end: { line: 0, character: firstLine.length } };
  return [findingOf(rule, { ...uncheckedReport(unchecked), range, severity: 'info' }, severity)];
}

/** The reports of the document-scoped rules among `rules`, each run document by document (see KubernetesRuleScope). */
function problemsPerDocument(rules: readonly Rule[], file: KubernetesFile, workspace: Workspace, config: LintConfig): Map<Rule, Problem[] | undefined> {
  const runs = rules.filter(isDocumentScoped).map((rule) => ({ rule, options: optionsFor(rule, config) }));
  const problems = runs.length > 0 ? documentScopedProblems(runs, file, workspace) : [];
  return new Map(runs.map(({ rule }, index) => [rule, problems[index]]));
}

/**
 * The finding of each report, per severity. A report kept for a document that did not change (see
 * KubernetesRuleScope) is the same object on the next lint, and so is its finding: message and fixes are worked out
 * once, and a long manifest's hundreds of findings cost nothing more per keystroke.
 */
const findingOfProblem = new WeakMap<Problem, Finding>();

function findingOf(rule: Rule, problem: Problem, severity: Severity): Finding {
  const known = findingOfProblem.get(problem);
  if (known?.severity === severity && known.ruleId === rule.id) return known;
  let fixes = problem.fixes;
  const finding: Finding = {
    ruleId: rule.id,
    messageId: problem.messageId,
    severity,
    message: formatMessage(rule, problem),
    range: problem.range,
    get fixes() {
      if (typeof fixes === 'function') fixes = fixes();
      return fixes ?? [];
    },
    aliases: findingAliases(rule.meta.aliases, problem.aliases),
  };
  findingOfProblem.set(problem, finding);
  return finding;
}

/**
 * The rule's aliases, except that a finding naming its own check of a tool (`kube-linter:unset-cpu-requirements`
 * where only the CPU request is missing) replaces the rule's aliases of that tool: an annotation or comment that
 * ignores one check of a tool then silences only the findings that check would report.
 */
function findingAliases(ruleAliases: readonly string[], own: readonly string[] | undefined): string[] {
  if (!own?.length) return [...ruleAliases];
  const toolsNamed = new Set(own.map(toolOf));
  return [...new Set([...ruleAliases.filter((alias) => !toolsNamed.has(toolOf(alias))), ...own])];
}

function toolOf(alias: string): string {
  return alias.slice(0, alias.indexOf(':'));
}

export const INTERNAL_ERROR_PREFIX = 'Internal error in this rule';

function formatMessage(rule: Rule, problem: Problem): string {
  const template = rule.meta.messages[problem.messageId];
  if (template === undefined) return `${INTERNAL_ERROR_PREFIX}: ${problem.data?.error ?? `unknown message id "${problem.messageId}"`}. Please report it.`;
  return template.replace(/\{\{\s*(\w+)\s*\}\}/g, (whole, key: string) => String(problem.data?.[key] ?? whole));
}

/** Each rule list's ids ranked in `localeCompare`'s order: ICU comparisons of a few hundred ids cost a small file's lint a fifth of a millisecond. */
const rankOfRules = new WeakMap<readonly Rule[], Map<string, number>>();

function idRanks(rules: readonly Rule[]): Map<string, number> {
  let rank = rankOfRules.get(rules);
  if (!rank) {
    rank = new Map(
      rules
        .map((rule) => rule.id)
        .sort((a, b) => a.localeCompare(b))
        .map((id, index) => [id, index]),
    );
    rankOfRules.set(rules, rank);
  }
  return rank;
}

/**
 * By position, then by rule id (in `localeCompare`'s order). Many findings share a place (a container's name), so ids
 * are compared by their rank among all the rules (the order of any subset), worked out once per rule list.
 */
function sortByPosition(findings: Finding[], rules: readonly Rule[]): Finding[] {
  const rank = idRanks(rules);
  return findings.sort(
    (a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character || rank.get(a.ruleId)! - rank.get(b.ruleId)!,
  );
}
