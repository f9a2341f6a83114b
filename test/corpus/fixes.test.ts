// Every quick fix offered on a real-world file, applied alone, must leave a file that still parses (no new
// syntax finding), still passes the schema where the kind has one, and on which that finding is gone; so must every
// fix on randomly broken copies of them.
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { applyEdits } from '../../server/src/engine/fixes';
import { INTERNAL_ERROR_PREFIX, lintFile, type Finding } from '../../server/src/engine/lint';
import type { CreatedFile } from '../../server/src/engine/ruleTypes';
import { rules } from '../../server/src/rules';
import { Workspace } from '../../server/src/workspace/workspace';
import { corpus, CORPUS_KINDS, corpusFiles, mutants, type CorpusKind } from '../helpers/corpus';

const MUTANTS_PER_KIND = 300;

/** `created`: files a fix creates (a `.dockerignore`), which the linted workspace then has. */
function lint(text: string, languageId: string, fileName: string, created: readonly CreatedFile[] = []): Finding[] {
  const uri = `file:///corpus-fix/${fileName}`;
  const createdTexts = new Map(created.map((file) => [file.uri, file.text]));
  const workspace = new Workspace({ readFile: (other) => createdTexts.get(other) });
  workspace.open(uri, text, languageId);
  const file = workspace.get(uri)!;
  return lintFile(file, workspace, { rules: {} }, rules);
}

/** Applies each fix of each finding alone; returns what went wrong, and counts the fixes per rule. */
function checkFixes(where: string, text: string, kind: CorpusKind, appliedByRule: Map<string, number>): string[] {
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
      appliedByRule.set(finding.ruleId, (appliedByRule.get(finding.ruleId) ?? 0) + 1);
    }
  }
  return failures;
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
