import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { TextEdit } from 'vscode-languageserver-types';
import { applyEdits } from '../server/src/engine/fixes';
import { isDocumentScoped } from '../server/src/engine/documentScope';
import { lintFile, type Finding } from '../server/src/engine/lint';
import type { Rule, RuleKind, Severity } from '../server/src/engine/ruleTypes';
import { rulesById } from '../server/src/rules';
import { Workspace } from '../server/src/workspace/workspace';
import { fixMetaContradictions, unshownFixClaims } from './helpers/fixMeta';

const ROOT = 'file:///project/';
const DEFAULT_FILE_NAMES: Record<RuleKind, string> = {
  dockerfile: 'Dockerfile',
  compose: 'compose.yaml',
  kubernetes: 'manifest.yaml',
  ecs: 'task-definition.json',
  render: 'render.yaml',
  railway: 'railway.json',
};

export interface ValidCase {
  code: string;
  /** Name of the linted file under the project folder; defaults by kind (`Dockerfile`, `compose.yaml`, `manifest.yaml`, `task-definition.json`). */
  filename?: string;
  /** Other files of the workspace, by path relative to the project folder (for cross-file rules). */
  files?: Readonly<Record<string, string>>;
  /** Rule options by name, as settings or the config file set them. */
  options?: Readonly<Record<string, unknown>>;
  name?: string;
}

export interface ExpectedError {
  messageId: string;
  /** 1-based, like the editor shows it. */
  line: number;
  column: number;
  endLine?: number;
  endColumn?: number;
  /** Values the rendered message must contain. */
  data?: Readonly<Record<string, string | number>>;
  /** The whole rendered message, when the case is about its wording. */
  message?: string;
  /** The finding's severity under default settings, when the rule chooses it per finding. */
  severity?: Severity;
}

export interface InvalidCase extends ValidCase {
  errors: readonly ExpectedError[];
  /** The text after applying the first fix of every finding; null when no fix may be offered. Required for rules with a meta.fix. */
  output?: string | null;
  /** Files the first fixes create (a `.dockerignore`), by path relative to the project folder; stands in for `output` when the fix only creates files. */
  createdFiles?: Readonly<Record<string, string>>;
  /** Other files of `files` that the first fixes edit (a `.env.example`), with their text after the edits. */
  editedFiles?: Readonly<Record<string, string>>;
}

export interface RuleCases {
  valid: readonly (ValidCase | string)[];
  invalid: readonly InvalidCase[];
}

/**
 * Registers one test per case: valid code has no finding of the rule; invalid code has exactly the expected
 * findings, and its fixes produce exactly `output`, a text on which the fixed findings are gone. Every report agrees
 * with what the rule's meta.fix says of its quick fix, and the cases together show each of its claims.
 */
export function ruleTester(rule: Rule, cases: RuleCases): void {
  const hasFix = rule.meta.fix !== undefined;
  const findingsOfCase = new Map<InvalidCase, Finding[]>();
  describe(rule.id, () => {
    test('meta: registered, cases unique, meta.fix matches the cases', () => {
      assert.equal(rulesById.get(rule.id), rule, `${rule.id} is not in the registry`);
      const codes = [...cases.valid.map((entry) => (typeof entry === 'string' ? entry : entry.code)), ...cases.invalid.map((entry) => entry.code)];
      const duplicates = codes.filter((code, index) => codes.indexOf(code) !== index);
      assert.deepEqual(duplicates, [], 'duplicate test cases');
      assert.ok(cases.valid.length > 0 && cases.invalid.length > 0, 'a rule needs firing and non-firing cases');
      const hasFixedOutput = cases.invalid.some((entry) => typeof entry.output === 'string' || entry.createdFiles !== undefined);
      assert.equal(
        hasFixedOutput,
        hasFix,
        hasFix ? 'a rule with a meta.fix needs a case with fixed output' : 'a rule without meta.fix cannot have fixed output',
      );
      if (hasFix) {
        const missing = cases.invalid
          .filter((entry) => entry.output === undefined && entry.createdFiles === undefined)
          .map((entry) => entry.name ?? entry.code);
        assert.deepEqual(missing, [], 'every invalid case of a rule with a meta.fix states its output (null for no fix)');
      }
    });

    if (isDocumentScoped(rule)) {
      test('document scope: reports kept for a document that moved are what a fresh run gives', () => {
        for (const entry of [...cases.valid.map((valid) => (typeof valid === 'string' ? { code: valid } : valid)), ...cases.invalid]) {
          assertKeptReportsMove(rule, entry);
        }
      });
    }

    for (const entry of cases.valid) {
      const valid = typeof entry === 'string' ? { code: entry } : entry;
      test(`valid: ${valid.name ?? firstLine(valid.code)}`, () => {
        const findings = lintCase(rule, valid);
        assert.deepEqual(findings.map(describeFinding), [], 'expected no finding');
      });
    }

    for (const invalid of cases.invalid) {
      test(`invalid: ${invalid.name ?? firstLine(invalid.code)}`, () => {
        const findings = lintCase(rule, invalid);
        findingsOfCase.set(invalid, findings);
        assert.deepEqual(
          findings.map((finding, index) => actualError(finding, invalid.errors[index])),
          invalid.errors.map(expectedError),
        );
        assert.deepEqual(
          findings.flatMap((finding) => fixMetaContradictions(rule, finding)),
          [],
          'the reports must agree with what meta.fix says of the quick fix',
        );
        invalid.errors.forEach((expected, index) => {
          for (const value of Object.values(expected.data ?? {}))
            assert.ok(findings[index]!.message.includes(String(value)), `message "${findings[index]!.message}" lacks ${value}`);
        });
        if (invalid.output === undefined && invalid.createdFiles === undefined) return;
        const edits = firstFixEdits(findings);
        const created = firstFixCreatedFiles(findings);
        const edited = firstFixEditedFiles(findings, invalid.files ?? {});
        if (invalid.output === null) {
          assert.deepEqual(edits, [], 'expected no fix');
          assert.deepEqual(created, {}, 'expected no created file');
          assert.deepEqual(edited, {}, 'expected no edit of another file');
          return;
        }
        assert.deepEqual(created, invalid.createdFiles ?? {}, 'files created by the fixes');
        assert.deepEqual(edited, invalid.editedFiles ?? {}, 'other files edited by the fixes');
        if (invalid.output !== undefined) assert.notEqual(invalid.output, invalid.code, 'output equal to code: use null for "no fix"');
        const fixed = applyEdits(invalid.code, edits);
        assert.equal(fixed, invalid.output ?? invalid.code);
        const remaining = lintCase(rule, { ...invalid, code: fixed, files: { ...invalid.files, ...created, ...edited } });
        const fixedCount = findings.filter((finding) => finding.fixes.length > 0).length;
        assert.equal(remaining.length, findings.length - fixedCount, `the fix must remove what it fixes; left: ${remaining.map(describeFinding).join('; ')}`);
        assertStillParses(rule.kind, invalid, fixed);
      });
    }

    // Runs after the cases (node:test keeps their order), and lints again only the cases a name filter skipped.
    test('meta.fix: the cases show each of its claims', () => {
      const findings = cases.invalid.flatMap((invalid) => findingsOfCase.get(invalid) ?? lintCase(rule, invalid));
      assert.deepEqual(unshownFixClaims(rule, findings), []);
    });
  });
}

/** Lints the case as the file its kind names, with its other files beside it; rules that are off by default are on. */
export function lintCase(rule: Rule, entry: ValidCase): Finding[] {
  const filename = entry.filename ?? DEFAULT_FILE_NAMES[rule.kind];
  const texts = new Map<string, string>(Object.entries(entry.files ?? {}).map(([path, text]) => [ROOT + path, text]));
  texts.set(ROOT + filename, entry.code);
  const workspace = new Workspace({ readFile: (uri) => texts.get(uri) });
  for (const uri of texts.keys()) workspace.index(uri, { composeByContent: true });
  const file = workspace.get(ROOT + filename);
  assert.ok(file, 'the case file must be readable');
  assert.equal(file.kind, rule.kind, `the case file is detected as ${file.kind}, not ${rule.kind}`);
  const rules = rule.meta.severity === 'off' ? { [rule.id]: 'warning' as const } : {};
  return lintFile(file, workspace, { rules, options: entry.options }, [rule]);
}

/**
 * A document-scoped rule's reports are kept while its document's text is unchanged, and moved with it (see
 * KubernetesRuleScope): after lines are added above the case's documents, what the rule reported before, moved,
 * must be what it reports on the new text from scratch, fixes included.
 */
function assertKeptReportsMove(rule: Rule, entry: ValidCase): void {
  const filename = entry.filename ?? DEFAULT_FILE_NAMES[rule.kind];
  const uri = ROOT + filename;
  const texts = new Map<string, string>(Object.entries(entry.files ?? {}).map(([path, text]) => [ROOT + path, text]));
  const config = { rules: rule.meta.severity === 'off' ? { [rule.id]: 'warning' as const } : {}, options: entry.options };
  const lintText = (workspace: Workspace, text: string) => {
    texts.set(uri, text);
    workspace.changedOnDisk(uri);
    const file = workspace.get(uri);
    assert.ok(file);
    return lintFile(file, workspace, config, [rule]).map(({ ruleId, messageId, severity, message, range, fixes }) => ({
      ruleId,
      messageId,
      severity,
      message,
      range,
      fixes,
    }));
  };
  const kept = new Workspace({ readFile: (path) => texts.get(path) });
  kept.index(uri);
  lintText(kept, `# the case's documents start below\n---\n${entry.code}`);
  const moved = `# the case's documents start below\n# three lines\n# further down\n---\n${entry.code}`;
  const keptAndMoved = lintText(kept, moved);
  const fresh = new Workspace({ readFile: (path) => texts.get(path) });
  fresh.index(uri);
  assert.deepEqual(keptAndMoved, lintText(fresh, moved), `case ${entry.name ?? firstLine(entry.code)}`);
}

/** Fixes of a case must not make the file worse: no new syntax findings. */
function assertStillParses(kind: RuleKind, entry: ValidCase, fixed: string): void {
  const syntaxRule = rulesById.get(kind === 'kubernetes' ? 'k8s/syntax' : `${kind}/syntax`);
  if (!syntaxRule) return;
  const before = lintCase(syntaxRule, entry).length;
  const after = lintCase(syntaxRule, { ...entry, code: fixed });
  assert.ok(after.length <= before, `the fixed text has new syntax problems: ${after.map(describeFinding).join('; ')}`);
}

/**
 * Several findings may carry the same edit (one SHELL line fixes every RUN under it); applied once, as fix-all
 * does by skipping overlapping edits.
 */
function firstFixEdits(findings: readonly Finding[]): TextEdit[] {
  const edits = findings.flatMap((finding) => finding.fixes[0]?.edits ?? []);
  return edits.filter((edit, index) => edits.findIndex((other) => JSON.stringify(other) === JSON.stringify(edit)) === index);
}

function firstFixCreatedFiles(findings: readonly Finding[]): Record<string, string> {
  const files = findings.flatMap((finding) => finding.fixes[0]?.createFiles ?? []);
  return Object.fromEntries(files.map((file) => [file.uri.startsWith(ROOT) ? file.uri.slice(ROOT.length) : file.uri, file.text]));
}

/** The other files' texts after the first fixes' edits of them (identical edits applied once, as for the document). */
function firstFixEditedFiles(findings: readonly Finding[], files: Readonly<Record<string, string>>): Record<string, string> {
  const byPath = new Map<string, TextEdit[]>();
  for (const { uri, edits } of findings.flatMap((finding) => finding.fixes[0]?.editFiles ?? [])) {
    const path = uri.startsWith(ROOT) ? uri.slice(ROOT.length) : uri;
    const taken = byPath.get(path) ?? [];
    for (const edit of edits) if (!taken.some((other) => JSON.stringify(other) === JSON.stringify(edit))) taken.push(edit);
    byPath.set(path, taken);
  }
  return Object.fromEntries([...byPath].map(([path, edits]) => [path, applyEdits(files[path] ?? '', edits)]));
}

function actualError(finding: Finding, expected: ExpectedError | undefined): ExpectedError {
  return {
    messageId: finding.messageId,
    line: finding.range.start.line + 1,
    column: finding.range.start.character + 1,
    ...(expected?.endLine !== undefined ? { endLine: finding.range.end.line + 1 } : {}),
    ...(expected?.endColumn !== undefined ? { endColumn: finding.range.end.character + 1 } : {}),
    ...(expected?.message !== undefined ? { message: finding.message } : {}),
    ...(expected?.severity !== undefined ? { severity: finding.severity } : {}),
  };
}

function expectedError(expected: ExpectedError): ExpectedError {
  const { data: _data, ...position } = expected;
  return position;
}

export function describeFinding(finding: Finding): string {
  return `${finding.ruleId} ${finding.range.start.line + 1}:${finding.range.start.character + 1} ${finding.message}`;
}

function firstLine(code: string): string {
  const line = code.split('\n').find((candidate) => candidate.trim() && !candidate.startsWith('#')) ?? code;
  return line.length > 60 ? `${line.slice(0, 57)}...` : line;
}
