// Completions, hovers, symbols, folding and code actions on randomly broken copies of the real-world files, at
// seeded positions (some past the end of a line or of the file, and each line's end, where typing happens): none may
// throw, whatever is being typed. Compose completions see the project of the workspace.
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { Linter } from '../../server/src/engine/linter';
import { rules } from '../../server/src/rules';
import { codeActions } from '../../server/src/service/codeActions';
import { completions } from '../../server/src/service/completion';
import { toDiagnostic } from '../../server/src/service/diagnostics';
import { foldingRanges } from '../../server/src/service/folding';
import { hover } from '../../server/src/service/hover';
import { documentSymbols } from '../../server/src/service/symbols';
import { ruleDocsLinks } from '../../server/src/service/ruleDocs';
import { Workspace } from '../../server/src/workspace/workspace';
import { corpus, CORPUS_KINDS, corpusFiles, mutants } from '../helpers/corpus';
import { seededRandom } from '../helpers/random';

const MUTANTS_PER_KIND = 200;
const POSITIONS_PER_MUTANT = 10;
const ruleDocs = ruleDocsLinks(undefined);

for (const kind of CORPUS_KINDS) {
  test(`${MUTANTS_PER_KIND} mutated ${kind.folder} corpus files: no editor feature throws`, (t) => {
    const folder = join(corpus, kind.folder);
    if (!existsSync(folder)) {
      t.skip(`the real-world corpus is not at ${corpus}`);
      return;
    }
    const workspace = new Workspace({ readFile: () => undefined });
    const linter = new Linter(workspace, rules);
    const random = seededRandom(kind.folder.length + 1);
    const failures: string[] = [];
    let requests = 0;
    for (const mutant of mutants(kind, corpusFiles(folder), MUTANTS_PER_KIND)) {
      const uri = `file:///editor-features/${kind.fileName}`;
      workspace.open(uri, mutant.text, kind.languageId);
      const attempt = (feature: string, work: () => unknown) => {
        requests++;
        try {
          work();
        } catch (error) {
          failures.push(`${mutant.label}: ${feature} threw ${String(error)}`);
        }
      };
      const linted = linter.lint(uri)!;
      attempt('documentSymbols', () => documentSymbols(linted.file));
      attempt('foldingRanges', () => foldingRanges(linted.file));
      attempt('codeActions', () =>
        codeActions({
          file: linted.file,
          findings: linted.findings,
          diagnostics: linted.findings.map((finding) => toDiagnostic(finding, ruleDocs)),
          canCreateFile: () => true,
          clientWritesFiles: false,
          ruleDocs,
        }),
      );
      const lines = mutant.text.split('\n');
      for (let index = 0; index < POSITIONS_PER_MUTANT; index++) {
        const line = Math.floor(random() * (lines.length + 1));
        const lineEnd = { line, character: (lines[line] ?? '').replace(/\r$/, '').length };
        for (const position of [{ line, character: Math.floor(random() * ((lines[line]?.length ?? 0) + 2)) }, lineEnd]) {
          attempt(`completions at ${line + 1}:${position.character + 1}`, () => completions(linted.file, position, workspace));
          attempt(`hover at ${line + 1}:${position.character + 1}`, () => hover(linted, position, rules, ruleDocs));
        }
      }
    }
    t.diagnostic(`${requests} requests`);
    assert.deepEqual(failures, []);
  });
}
