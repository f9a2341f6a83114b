// What RULES.md, hovers and the rule lists say of each rule's quick fix (meta.fix) must hold on real files: a rule
// that says every report carries a fix has no report without one, a rule whose fix --fix applies has no report with
// unsafe fixes only (and the reverse), a rule without a fix never offers one. Every rule is on, whatever its default.
// The rule tester holds each rule to the same on its own cases, which cover the rules these files never trigger.
import assert from 'node:assert/strict';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import type { LintConfig } from '../../server/src/engine/config';
import { type Finding, lintFile } from '../../server/src/engine/lint';
import { Linter } from '../../server/src/engine/linter';
import { rules, rulesById } from '../../server/src/rules';
import { pathToUri } from '../../server/src/workspace/uri';
import { diskReader, Workspace } from '../../server/src/workspace/workspace';
import { repoRoot } from '../helpers/cli';
import { CORPUS_KINDS, corpus, corpusFiles } from '../helpers/corpus';
import { fixMetaContradictions, type ReportFix, reportFix } from '../helpers/fixMeta';

const EVERY_RULE_ON: LintConfig = { rules: Object.fromEntries(rules.map((rule) => [rule.id, 'warning' as const])) };
const SHOWN_FAILURES = 30;

/** The reports of each rule, counted by what they offer, and the reports that contradict their rule's meta.fix. */
class Tally {
  readonly seen = new Map<string, Record<ReportFix, number>>();
  readonly contradictions: string[] = [];

  add(where: string, findings: readonly Finding[]): void {
    for (const finding of findings) {
      const rule = rulesById.get(finding.ruleId);
      if (!rule) continue;
      const counts = this.seen.get(rule.id) ?? { none: 0, auto: 0, 'editor-only': 0 };
      counts[reportFix(finding)]++;
      this.seen.set(rule.id, counts);
      for (const problem of fixMetaContradictions(rule, finding)) this.contradictions.push(`${where}:${finding.range.start.line + 1}: ${problem}`);
    }
  }

  summary(): string {
    return [...this.seen]
      .map(
        ([id, counts]) =>
          `${id} ${Object.entries(counts)
            .flatMap(([kind, count]) => (count ? [`${kind} ${count}`] : []))
            .join(', ')}`,
      )
      .join('; ');
  }
}

function filesUnder(folder: string): string[] {
  return readdirSync(folder, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name))
    .sort();
}

/** Every file of a folder as it lies on disk, so that rules see its neighbours (a build context, a .dockerignore). */
function lintFolder(folder: string, tally: Tally): number {
  const workspace = new Workspace(diskReader);
  const uris = filesUnder(folder).map(pathToUri);
  for (const uri of uris) workspace.index(uri);
  const linter = new Linter(workspace, rules);
  let linted = 0;
  for (const uri of uris) {
    const result = linter.lint(uri, EVERY_RULE_ON);
    if (!result || result.file.kind === 'unknown') continue;
    linted++;
    tally.add(uri.slice(pathToUri(folder).length + 1), result.findings);
  }
  return linted;
}

function assertAgrees(t: { diagnostic(message: string): void }, tally: Tally, files: number): void {
  t.diagnostic(`${files} files; reports per rule: ${tally.summary()}`);
  const shown = tally.contradictions.slice(0, SHOWN_FAILURES);
  const more = tally.contradictions.length - shown.length;
  assert.deepEqual(more > 0 ? [...shown, `and ${more} more`] : shown, []);
}

test("the corpus agrees with what each rule's meta.fix says of its quick fix, each file alone and as laid out", (t) => {
  if (!existsSync(corpus)) {
    t.skip(`the real-world corpus is not at ${corpus}`);
    return;
  }
  const tally = new Tally();
  let files = 0;
  for (const kind of CORPUS_KINDS) {
    for (const { path, text } of corpusFiles(join(corpus, kind.folder))) {
      const uri = `file:///corpus-alone/${kind.fileName}`;
      const workspace = new Workspace({ readFile: () => undefined });
      workspace.open(uri, text, kind.languageId);
      const file = workspace.get(uri);
      if (!file) continue;
      tally.add(path, lintFile(file, workspace, EVERY_RULE_ON, rules));
      files++;
    }
  }
  files += lintFolder(corpus, tally);
  assertAgrees(t, tally, files);
});

test("test/fixtures and examples agree with what each rule's meta.fix says of its quick fix", (t) => {
  const tally = new Tally();
  const files = ['test/fixtures', 'examples'].reduce((count, folder) => count + lintFolder(join(repoRoot, folder), tally), 0);
  assert.ok(files > 0, 'no container file found');
  assertAgrees(t, tally, files);
});
