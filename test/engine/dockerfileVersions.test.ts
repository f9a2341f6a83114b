// An edited Dockerfile's model takes over what its previous version worked out from unchanged pieces of text
// (scripts, RUN commands, syntax problems: see VersionMemo), moved to their new lines. Linting each version of an
// edited file must give exactly what a fresh lint of the same text gives, fixes included.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Linter } from '../../server/src/engine/linter';
import { rules } from '../../server/src/rules';
import { Workspace } from '../../server/src/workspace/workspace';
import { repoRoot } from '../helpers/cli';
import { corpus, corpusFiles } from '../helpers/corpus';

const URI = 'file:///project/Dockerfile';

function findings(linter: Linter): string {
  const result = linter.lint(URI);
  assert.ok(result);
  return JSON.stringify(result.findings.map((finding) => ({ ...finding, fixes: finding.fixes })));
}

/** The versions of an edit session: lines added above, a character typed at the end of a RUN, a line removed, the start again. */
function versions(text: string): string[] {
  const lines = text.split('\n');
  const run = lines.findIndex((line, index) => index >= lines.length / 2 && /^\s*RUN\s/i.test(line));
  const typed = run < 0 ? lines : lines.map((line, index) => (index === run ? `${line.replace(/\s*\\$/, '')}x${line.endsWith('\\') ? ' \\' : ''}` : line));
  return [text, `# a comment\n\n${text}`, `# a comment\n\n${typed.join('\n')}`, typed.slice(1).join('\n'), text];
}

test('each version of an edited Dockerfile gets the findings and fixes of a fresh lint', (t) => {
  const folder = join(corpus, 'dockerfile');
  const examples = ['examples/seed/Dockerfile', 'examples/clean/Dockerfile'].map((path) => readFileSync(join(repoRoot, path), 'utf8'));
  const texts = existsSync(folder)
    ? [
        ...examples,
        ...corpusFiles(folder)
          .map((file) => file.text)
          .filter((_, index) => index % 4 === 0),
      ]
    : examples;
  if (!existsSync(folder)) t.diagnostic(`${folder} is absent: only the examples are edited`);
  for (const text of texts) {
    const edited = new Workspace({ readFile: () => undefined });
    const linter = new Linter(edited, rules);
    for (const version of versions(text)) {
      edited.open(URI, version, 'dockerfile');
      const fresh = new Workspace({ readFile: () => undefined });
      fresh.open(URI, version, 'dockerfile');
      assert.equal(findings(linter), findings(new Linter(fresh, rules)), version.slice(0, 200));
    }
  }
});
