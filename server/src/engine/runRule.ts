import type { Range } from 'vscode-languageserver-types';
import type { ContainerFile } from '../parsing/containerFile';
import type { Workspace } from '../workspace/workspace';
import type { Problem, Rule, RuleContext } from './ruleTypes';

const FILE_START: Range = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };

/** One run of a rule's check: what it reported, or, when it threw, one report of that at `errorAt`. */
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
    // A rule bug must not hide the other rules' findings or take the server down; it shows up as a finding.
    return [{ messageId: '', range: errorAt, severity: 'error', data: { error: String(error) } }];
  }
  return problems;
}
