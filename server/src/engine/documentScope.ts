import type { Range } from 'vscode-languageserver-types';
import type { KubernetesFile } from '../parsing/containerFile';
import type { YamlDocument } from '../parsing/yaml';
import type { RecordedRead, Workspace } from '../workspace/workspace';
import type { KubernetesRule, Problem, Rule } from './ruleTypes';
import { notReadyAsUndefined, runRule } from './runRule';

/** A document-scoped rule to run over a file, with the options it runs with. */
export interface ScopedRun {
  rule: KubernetesRule;
  options: Readonly<Record<string, unknown>>;
}

/** A rule's reports about one document, as its last run on it gave them (see KubernetesRuleScope). */
interface KeptReports {
  /** The options the rule ran with, as JSON: other settings may give other reports. */
  options: string;
  /** The document's first line then; the reports are moved by as many lines as the document has moved since. */
  line: number;
  problems: readonly Problem[];
  /** What the run read through the workspace: the reports hold while all of it is unchanged. */
  reads: ReadonlyMap<string, RecordedRead>;
  /**
   * The workspace's set of files then (Workspace.trackedVersion): a rule may look for files it does not find (the
   * skaffold.yaml that builds an image), and a file added since may change its answer.
   */
  trackedVersion: number;
}

/**
 * Per document, the reports of each rule, for the file they were worked out in. A document is kept across versions
 * of its file while its text is unchanged (parseYamlFile moves it), so are its reports; they go when it goes.
 */
const keptReports = new WeakMap<YamlDocument, { uri: string; byRule: Map<KubernetesRule, KeptReports> }>();

const NO_PROBLEMS: readonly Problem[] = Object.freeze([]);
const NO_READS: ReadonlyMap<string, RecordedRead> = new Map();

export function isDocumentScoped(rule: Rule): rule is KubernetesRule {
  return rule.kind === 'kubernetes' && rule.meta.scope === 'document';
}

/**
 * The reports of document-scoped rules over the file, per rule (in the order of `runs`): each rule runs on each
 * document alone (a file of that one document and its object), unless its last run on that document still holds —
 * same text, same options, nothing it read changed —, whose reports are then moved to where the document now starts.
 * A rule that found a table of the workspace not ready on some document has undefined: its reports are left out.
 */
export function documentScopedProblems(runs: readonly ScopedRun[], file: KubernetesFile, workspace: Workspace): (Problem[] | undefined)[] {
  const optionKeys = runs.map(({ options }) => (Object.keys(options).length === 0 ? '' : JSON.stringify(options)));
  const problems: (Problem[] | undefined)[] = runs.map((): Problem[] => []);
  const objectOf = new Map(file.objects.map((object) => [object.document, object]));
  const notObjects = new Set(file.notObjects);
  for (const document of file.yaml.documents) {
    let kept = keptReports.get(document);
    if (kept?.uri !== file.uri) {
      kept = { uri: file.uri, byRule: new Map() };
      keptReports.set(document, kept);
    }
    let alone: KubernetesFile | undefined;
    for (let index = 0; index < runs.length; index++) {
      const into = problems[index];
      if (!into) continue;
      const { rule, options } = runs[index]!;
      let reports = kept.byRule.get(rule);
      // unchangedSince counts what the kept run read as read again: the lint still depends on it.
      if (reports && reports.options === optionKeys[index] && reports.trackedVersion === workspace.trackedVersion && workspace.unchangedSince(reports.reads)) {
        if (reports.line !== document.startLine) {
          // Most documents have nothing to report for most rules: nothing to move.
          if (reports.problems.length === 0) reports.line = document.startLine;
          else {
            reports = moved(reports, document.startLine);
            kept.byRule.set(rule, reports);
          }
        }
      } else {
        if (!alone) {
          const object = objectOf.get(document);
          alone = { ...file, yaml: { documents: [document] }, objects: object ? [object] : [], notObjects: notObjects.has(document) ? [document] : [] };
        }
        const single = alone;
        const at = { line: document.startLine, character: 0 };
        const trackedVersion = workspace.trackedVersion;
        const run = notReadyAsUndefined(() => workspace.recordReads(() => runRule(rule, single, workspace, options, { start: at, end: at })));
        if (!run) {
          problems[index] = undefined;
          continue;
        }
        // Most runs report nothing and read nothing: one shared empty list and map keep the reports of a long
        // manifest's every document and rule small.
        const problemsOfRun = run.result.length === 0 ? NO_PROBLEMS : run.result;
        const reads = run.reads.size === 0 ? NO_READS : run.reads;
        reports = { options: optionKeys[index]!, line: document.startLine, problems: problemsOfRun, reads, trackedVersion };
        kept.byRule.set(rule, reports);
      }
      for (const problem of reports.problems) into.push(problem);
    }
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
