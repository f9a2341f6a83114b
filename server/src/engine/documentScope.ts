import type { Range } from 'vscode-languageserver-types';
import type { KubernetesFile } from '../parsing/containerFile';
import { kubernetesObjectOf } from '../parsing/kubernetes';
import type { YamlDocument } from '../parsing/yaml';
import type { RecordedRead, Workspace } from '../workspace/workspace';
import type { KubernetesRule, Problem, Rule } from './ruleTypes';
import { runRule } from './runRule';

/** A document-scoped rule's reports about one document, as its last run gave them (see KubernetesRuleScope). */
interface KeptReports {
  /** The file and the options the rule ran with (as JSON): another file or other settings may give other reports. */
  uri: string;
  options: string;
  /** The document's first line then; the reports are moved by as many lines as the document has moved since. */
  line: number;
  problems: readonly Problem[];
  /** What the run read through the workspace: the reports hold while all of it is unchanged. */
  reads: ReadonlyMap<string, RecordedRead>;
}

/**
 * Per document, per rule. A document is kept across versions of its file while its text is unchanged (parseYamlFile
 * moves it), so are its reports; they go when it goes.
 */
const keptReports = new WeakMap<YamlDocument, Map<KubernetesRule, KeptReports>>();

export function isDocumentScoped(rule: Rule): rule is KubernetesRule {
  return rule.kind === 'kubernetes' && rule.meta.scope === 'document';
}

/**
 * A document-scoped rule's reports over the file: run on each document alone (a file of that one document and its
 * object), or taken from its last run on that document when the document, the options and what the run read are
 * unchanged, moved to where the document now starts.
 */
export function documentScopedProblems(
  rule: KubernetesRule,
  file: KubernetesFile,
  workspace: Workspace,
  options: Readonly<Record<string, unknown>>,
): Problem[] {
  const optionsKey = Object.keys(options).length === 0 ? '' : JSON.stringify(options);
  const problems: Problem[] = [];
  for (const document of file.yaml.documents) {
    let byRule = keptReports.get(document);
    if (!byRule) {
      byRule = new Map();
      keptReports.set(document, byRule);
    }
    let kept = byRule.get(rule);
    if (kept && kept.uri === file.uri && kept.options === optionsKey && workspace.unchangedSince(kept.reads)) {
      workspace.readAgain(kept.reads);
      if (kept.line !== document.startLine) {
        kept = moved(kept, document.startLine);
        byRule.set(rule, kept);
      }
    } else {
      const object = kubernetesObjectOf(document);
      const alone: KubernetesFile = { ...file, yaml: { documents: [document] }, objects: object ? [object] : [] };
      const at = { line: document.startLine, character: 0 };
      const { result, reads } = workspace.recordReads(() => runRule(rule, alone, workspace, options, { start: at, end: at }));
      kept = { uri: file.uri, options: optionsKey, line: document.startLine, problems: result, reads };
      byRule.set(rule, kept);
    }
    for (const problem of kept.problems) problems.push(problem);
  }
  return problems;
}

/** The reports of a document that now starts at `line`: ranges and eager fixes' edits moved with it. */
function moved(kept: KeptReports, line: number): KeptReports {
  const lines = line - kept.line;
  const shift = (range: Range): Range => ({
    start: { line: range.start.line + lines, character: range.start.character },
    end: { line: range.end.line + lines, character: range.end.character },
  });
  const problems = kept.problems.map((problem) => {
    const { fixes } = problem;
    // Lazy fixes are built from the views when asked for, and the views report where the document is then.
    const movedFixes = Array.isArray(fixes) ? fixes.map((fix) => ({ ...fix, edits: fix.edits.map((edit) => ({ ...edit, range: shift(edit.range) })) })) : fixes;
    return { ...problem, range: shift(problem.range), fixes: movedFixes };
  });
  return { ...kept, line, problems };
}
