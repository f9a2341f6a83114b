// Every quick fix offered on a real-world file, applied alone, must leave a file that still parses (no new
// syntax finding), still passes the schema where the kind has one, keeps its comments, and on which that finding is
// gone and the same edit is not offered again (applying it twice would apply it twice); so must every fix on randomly
// broken copies of them. Fix-all (`--fix`, source.fixAll) must reach a fixpoint on them, keeping comments and syntax.
// The project's own files (examples, Helm fixtures, every rule's failing example, of all six kinds) go through the
// same, corpus or not.
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { applyEdits, collectSafeFixes } from '../../server/src/engine/fixes';
import { fixUntilStable, MAX_FIX_PASSES } from '../../server/src/engine/fixpoint';
import { Linter } from '../../server/src/engine/linter';
import { INTERNAL_ERROR_PREFIX, lintFile, type Finding } from '../../server/src/engine/lint';
import type { CreatedFile } from '../../server/src/engine/ruleTypes';
import { rules } from '../../server/src/rules';
import { Workspace } from '../../server/src/workspace/workspace';
import { corpus, CORPUS_KINDS, corpusFiles, mutants } from '../helpers/corpus';
import { fuzzSeeds, type FuzzKind } from '../helpers/engineFuzz';

/** test/robust/engineFuzz.test.ts mutates many more files to find rules that fail; these are for the fixes. */
const MUTANTS_PER_KIND = 100;

/** How a kind of file is named and opened, and the rules that tell whether it still parses and passes its schema. */
interface FixedKind {
  languageId: string;
  fileName: string;
  syntaxRule: string;
  schemaRule: string | undefined;
}

const FIXTURE_KINDS: Readonly<Record<FuzzKind, FixedKind>> = {
  dockerfile: CORPUS_KINDS[0],
  compose: CORPUS_KINDS[1],
  kubernetes: CORPUS_KINDS[2],
  ecs: { languageId: 'json', fileName: 'task-definition.json', syntaxRule: 'ecs/syntax', schemaRule: undefined },
  render: { languageId: 'yaml', fileName: 'render.yaml', syntaxRule: 'render/syntax', schemaRule: 'render/schema' },
  railway: { languageId: 'json', fileName: 'railway.json', syntaxRule: 'railway/syntax', schemaRule: 'railway/schema' },
};

/** `created`: files a fix creates (a `.dockerignore`), which the linted workspace then has. */
function lint(text: string, languageId: string, fileName: string, created: readonly CreatedFile[] = []): Finding[] {
  const uri = `file:///corpus-fix/${fileName}`;
  const createdTexts = new Map(created.map((file) => [file.uri, file.text]));
  const workspace = new Workspace({ readFile: (other) => createdTexts.get(other) });
  workspace.open(uri, text, languageId);
  const file = workspace.get(uri)!;
  return lintFile(file, workspace, { rules: {} }, rules);
}

/**
 * Comment lines and trailing comments (from a `#` at the start of a line or after a blank), by how many times each
 * is written. A `#` inside a quoted string counts too: a fix that does not touch the string keeps it all the same.
 */
function commentsOf(text: string): Map<string, number> {
  const comments = new Map<string, number>();
  for (const line of text.split(/\r\n|\r|\n/)) {
    const comment = /(?:^|[ \t])(#.*)$/.exec(line)?.[1]?.trimEnd();
    if (comment) comments.set(comment, (comments.get(comment) ?? 0) + 1);
  }
  return comments;
}

function lostComments(before: string, after: string): string[] {
  const kept = commentsOf(after);
  return [...commentsOf(before)].filter(([comment, count]) => (kept.get(comment) ?? 0) < count).map(([comment]) => comment);
}

/** Applies each fix of each finding alone; returns what went wrong, and counts the fixes per rule. */
function checkFixes(where: string, text: string, kind: FixedKind, appliedByRule: Map<string, number>): string[] {
  const failures: string[] = [];
  const findings = lint(text, kind.languageId, kind.fileName);
  for (const finding of findings) {
    if (finding.message.startsWith(INTERNAL_ERROR_PREFIX)) failures.push(`${where}: ${finding.ruleId} failed: ${finding.message}`);
  }
  // The builder rejects a file whose here-document runs to its end, and lines added at the end would be its content.
  if (findings.some((finding) => finding.messageId === 'unterminatedHeredoc')) return failures;
  const syntaxBefore = findings.filter((finding) => finding.ruleId === kind.syntaxRule).length;
  const schemaBefore = findings.filter((finding) => finding.ruleId === kind.schemaRule).length;
  for (const finding of findings) {
    for (const fix of finding.fixes) {
      const fixed = applyEdits(text, fix.edits);
      const after = lint(fixed, kind.languageId, kind.fileName, fix.createFiles);
      const at = `${where}:${finding.range.start.line + 1} ${finding.ruleId} "${fix.title}"`;
      const syntaxAfter = after.filter((other) => other.ruleId === kind.syntaxRule).length;
      // A file that does not parse may read differently after any edit; the promise is for files that parse.
      if (syntaxBefore === 0 && syntaxAfter > 0) failures.push(`${at}: the fixed file has ${syntaxAfter} syntax problem(s)`);
      const schemaAfter = after.filter((other) => other.ruleId === kind.schemaRule).length;
      if (syntaxBefore === 0 && schemaAfter > schemaBefore)
        failures.push(`${at}: the fixed file breaks the schema (${schemaBefore} → ${schemaAfter} finding(s))`);
      const countBefore = findings.filter((other) => other.ruleId === finding.ruleId).length;
      const countAfter = after.filter((other) => other.ruleId === finding.ruleId).length;
      if (countAfter >= countBefore) failures.push(`${at}: the finding is still there`);
      // The same title too: deleting one of two adjacent lines leaves the other's deletion with the same range.
      const edits = JSON.stringify(fix.edits);
      const offeredAgain = (other: Finding) => other.fixes.some((again) => again.title === fix.title && JSON.stringify(again.edits) === edits);
      if (after.some((other) => other.ruleId === finding.ruleId && offeredAgain(other)))
        failures.push(`${at}: the same edit is offered again on the fixed file`);
      const lost = lostComments(text, fixed);
      if (lost.length > 0) failures.push(`${at}: the fix drops the comment(s) ${lost.join(' | ')}`);
      appliedByRule.set(finding.ruleId, (appliedByRule.get(finding.ruleId) ?? 0) + 1);
    }
  }
  return failures;
}

/**
 * Fix-all to its fixpoint, as `--fix` runs it (fixUntilStable, with the files it creates or edits kept in memory):
 * what went wrong, and how many edits it made.
 */
function checkFixAll(where: string, text: string, kind: FixedKind): { failures: string[]; edits: number } {
  const uri = `file:///corpus-fix/${kind.fileName}`;
  const files = new Map<string, string>();
  const workspace = new Workspace({ readFile: (other) => files.get(other) });
  workspace.open(uri, text, kind.languageId);
  const linter = new Linter(workspace, rules);
  const before = linter.lint(uri)!.findings;
  if (before.some((finding) => finding.messageId === 'unterminatedHeredoc')) return { failures: [], edits: 0 };
  let edits = 0;
  const write = (target: string, written: string) => {
    if (target === uri) workspace.open(uri, written, kind.languageId);
    else {
      files.set(target, written);
      workspace.changedOnDisk(target);
    }
  };
  fixUntilStable(linter, uri, undefined, write, (pass) => {
    edits += pass.edits.length;
  });
  const fixed = workspace.readText(uri)!;
  const after = linter.lint(uri)!.findings;
  const failures: string[] = [];
  const left = collectSafeFixes(after);
  if (applyEdits(fixed, left.edits) !== fixed)
    failures.push(`${where}: fix-all stopped after ${MAX_FIX_PASSES} passes with fixes left (${left.taken.map(({ ruleId }) => ruleId).join(', ')})`);
  const count = (findings: readonly Finding[], ruleId: string | undefined) => findings.filter((finding) => finding.ruleId === ruleId).length;
  if (count(before, kind.syntaxRule) === 0 && count(after, kind.syntaxRule) > 0) failures.push(`${where}: fix-all leaves a file that does not parse`);
  if (count(before, kind.syntaxRule) === 0 && count(after, kind.schemaRule) > count(before, kind.schemaRule))
    failures.push(`${where}: fix-all breaks the schema (${count(before, kind.schemaRule)} → ${count(after, kind.schemaRule)} finding(s))`);
  const lost = lostComments(text, fixed);
  if (lost.length > 0) failures.push(`${where}: fix-all drops the comment(s) ${lost.join(' | ')}`);
  return { failures, edits };
}

const summary = (appliedByRule: ReadonlyMap<string, number>) => [...appliedByRule].map(([rule, count]) => `${rule} ${count}`).join(', ') || 'none';

for (const kind of CORPUS_KINDS) {
  const folder = join(corpus, kind.folder);
  test(`every quick fix on the ${kind.folder} corpus leaves a parsing file without that finding`, (t) => {
    if (!existsSync(folder)) {
      t.skip(`the real-world corpus is not at ${corpus}`);
      return;
    }
    const appliedByRule = new Map<string, number>();
    const files = corpusFiles(folder);
    const failures = files.flatMap(({ path, text }) => checkFixes(path, text, kind, appliedByRule));
    t.diagnostic(`${files.length} files; fixes applied per rule: ${summary(appliedByRule)}`);
    assert.deepEqual(failures, []);
  });

  test(`fix-all reaches a fixpoint on the ${kind.folder} corpus, keeping comments and syntax`, (t) => {
    if (!existsSync(folder)) {
      t.skip(`the real-world corpus is not at ${corpus}`);
      return;
    }
    const files = corpusFiles(folder);
    let edits = 0;
    const failures = files.flatMap(({ path, text }) => {
      const result = checkFixAll(path, text, kind);
      edits += result.edits;
      return result.failures;
    });
    t.diagnostic(`${files.length} files, ${edits} edits`);
    assert.deepEqual(failures, []);
  });

  // Files being typed are broken in every way: no rule may fail on them, and every fix still has to work.
  test(`${MUTANTS_PER_KIND} mutated ${kind.folder} corpus files: no rule fails, every quick fix works`, (t) => {
    if (!existsSync(folder)) {
      t.skip(`the real-world corpus is not at ${corpus}`);
      return;
    }
    const appliedByRule = new Map<string, number>();
    const failures = mutants(kind, corpusFiles(folder), MUTANTS_PER_KIND).flatMap((mutant) => checkFixes(mutant.label, mutant.text, kind, appliedByRule));
    t.diagnostic(`fixes applied per rule: ${summary(appliedByRule)}`);
    assert.deepEqual(failures, []);
  });
}

test('every quick fix and fix-all on the project’s examples, fixtures and rule examples, all six kinds', (t) => {
  const appliedByRule = new Map<string, number>();
  const seeds = fuzzSeeds().seeds.filter((seed) => !seed.origin.startsWith('corpus/'));
  let edits = 0;
  // Saved by an editor that writes a byte order mark and CRLF line ends, as well.
  const variants = seeds.flatMap((seed) => [seed, { ...seed, origin: `${seed.origin} (BOM, CRLF)`, text: `\ufeff${seed.text.replace(/\r?\n/g, '\r\n')}` }]);
  const failures = variants.flatMap(({ kind, origin, text }) => {
    const fixAll = checkFixAll(origin, text, FIXTURE_KINDS[kind]);
    edits += fixAll.edits;
    return [...checkFixes(origin, text, FIXTURE_KINDS[kind], appliedByRule), ...fixAll.failures];
  });
  t.diagnostic(`${variants.length} files, fix-all made ${edits} edits; fixes applied per rule: ${summary(appliedByRule)}`);
  assert.deepEqual(failures, []);
});
