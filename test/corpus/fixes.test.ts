// Every quick fix offered on a real-world file, applied alone, must leave a file that still parses (no new
// syntax finding) and on which that finding is gone.
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { test } from 'node:test';
import { applyEdits } from '../../server/src/engine/fixes';
import { lintFile, type Finding } from '../../server/src/engine/lint';
import type { CreatedFile } from '../../server/src/engine/ruleTypes';
import { rules } from '../../server/src/rules';
import { Workspace } from '../../server/src/workspace/workspace';
import { repoRoot } from '../helpers/cli';

const corpus = resolve(repoRoot, '../shared/corpus');
const KINDS = [
  { folder: 'dockerfile', languageId: 'dockerfile', fileName: 'Dockerfile', syntaxRule: 'dockerfile/syntax' },
  { folder: 'compose', languageId: 'dockercompose', fileName: 'compose.yaml', syntaxRule: 'compose/syntax' },
  { folder: 'k8s', languageId: 'yaml', fileName: 'manifest.yaml', syntaxRule: 'k8s/syntax' },
] as const;

/** `created`: files a fix creates (a `.dockerignore`), which the linted workspace then has. */
function lint(text: string, languageId: string, fileName: string, created: readonly CreatedFile[] = []): Finding[] {
  const uri = `file:///corpus-fix/${fileName}`;
  const createdTexts = new Map(created.map((file) => [file.uri, file.text]));
  const workspace = new Workspace({ readFile: (other) => createdTexts.get(other) });
  workspace.open(uri, text, languageId);
  const file = workspace.get(uri)!;
  return lintFile(file, workspace, { rules: {} }, rules);
}

for (const kind of KINDS) {
  test(`every quick fix on the ${kind.folder} corpus leaves a parsing file without that finding`, (t) => {
    const folder = join(corpus, kind.folder);
    if (!existsSync(folder)) {
      t.skip(`the real-world corpus is not at ${corpus}`);
      return;
    }
    const failures: string[] = [];
    const appliedByRule = new Map<string, number>();
    const files = readdirSync(folder, { recursive: true, withFileTypes: true }).filter((entry) => entry.isFile());
    for (const entry of files) {
      const path = join(entry.parentPath, entry.name);
      const text = readFileSync(path, 'utf8');
      const findings = lint(text, kind.languageId, kind.fileName);
      const syntaxBefore = findings.filter((finding) => finding.ruleId === kind.syntaxRule).length;
      for (const finding of findings) {
        for (const fix of finding.fixes) {
          const fixed = applyEdits(text, fix.edits);
          const after = lint(fixed, kind.languageId, kind.fileName, fix.createFiles);
          const where = `${path.slice(corpus.length + 1)}:${finding.range.start.line + 1} ${finding.ruleId} "${fix.title}"`;
          const syntaxAfter = after.filter((other) => other.ruleId === kind.syntaxRule).length;
          if (syntaxAfter > syntaxBefore) failures.push(`${where}: the fixed file has ${syntaxAfter - syntaxBefore} new syntax problem(s)`);
          const countBefore = findings.filter((other) => other.ruleId === finding.ruleId).length;
          const countAfter = after.filter((other) => other.ruleId === finding.ruleId).length;
          if (countAfter >= countBefore) failures.push(`${where}: the finding is still there`);
          appliedByRule.set(finding.ruleId, (appliedByRule.get(finding.ruleId) ?? 0) + 1);
        }
      }
    }
    t.diagnostic(`${files.length} files; fixes applied per rule: ${[...appliedByRule].map(([rule, count]) => `${rule} ${count}`).join(', ') || 'none'}`);
    assert.deepEqual(failures, []);
  });
}
