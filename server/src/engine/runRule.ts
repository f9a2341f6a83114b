import type { Range } from 'vscode-languageserver-types';
import type { ContainerFile } from '../parsing/containerFile';
import { WorkspaceNotReady } from '../workspace/tableDeferral';
import type { Workspace } from '../workspace/workspace';
import type { Problem, Rule, RuleContext } from './ruleTypes';

const FILE_START: Range = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };

/**
 * One run of a rule's check: what it reported, or, when it threw, one report of that at `errorAt`. A table of the
 * workspace not ready to answer (WorkspaceNotReady) is no bug of the rule: it goes up to the caller, which leaves the
 * rule's findings out for now.
 */
export function runRule(
  rule: Rule,
  file: Exclude<ContainerFile, { kind: 'unknown' }>,
  workspace: Workspace,
  options: Readonly<Record<string, unknown>>,
  errorAt: Range = FILE_START,
): Problem[] {
  const problems: Problem[] = [];
  const context: RuleContext<typeof file> = { file, workspace, options, report: (problem) => problems.push(problem) };
  try {
    (rule.check as (context: RuleContext<typeof file>) => void)(context);
  } catch (error) {
    if (error instanceof WorkspaceNotReady) throw error;
    // A rule bug must not hide the other rules' findings or take the server down; it shows up as a finding.
    return [{ messageId: '', range: errorAt, severity: 'error', data: { error: String(error) } }];
  }
  return problems;
}

/** What `work` returns, or undefined when a table of the workspace it asked was not ready. */
export function notReadyAsUndefined<T>(work: () => T): T | undefined {
  try {
    return work();
  } catch (error) {
    if (error instanceof WorkspaceNotReady) return undefined;
    throw error;
  }
}
