// Formatting over the real-world Dockerfiles (../shared/corpus/dockerfile) and randomly broken copies of them: what
// the builder sees (each instruction's keyword, flags and arguments as dockerfile-ast reads them, the whitespace
// inside quotes, heredoc bodies byte for byte) never changes, formatting twice changes nothing more, and the edits
// are ones an editor accepts.
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { format } from 'dockerfile-utils';
import type { FormattingOptions } from 'vscode-languageserver-types';
import { builderView } from '../../server/src/format/builderView';
import { formatDockerfile } from '../../server/src/format/dockerfileFormat';
import { CORPUS_KINDS, corpus, corpusFiles, mutants } from '../helpers/corpus';
import { applyEdits, assertWellFormed } from '../helpers/formatting';

const OPTIONS: Record<string, FormattingOptions> = {
  'four spaces': { tabSize: 4, insertSpaces: true },
  tabs: { tabSize: 4, insertSpaces: false },
};
const MUTANTS = 200;
const folder = join(corpus, 'dockerfile');

/** Checks one text and returns whether formatting changed it, with the counts of withheld edits. */
function checkFormatting(label: string, text: string, options: FormattingOptions) {
  const result = formatDockerfile(text, options);
  assertWellFormed(text, result.edits, label);
  const formatted = applyEdits(text, result.edits);
  assert.deepEqual(builderView(formatted), builderView(text), `${label}: the builder sees something else`);
  assert.deepEqual(formatDockerfile(formatted, options).edits, [], `${label}: formatting again changes more`);
  return { changed: formatted !== text, edits: result.edits.length, droppedForSafety: result.droppedForSafety, keptAsAligned: result.keptAsAligned };
}

for (const [name, options] of Object.entries(OPTIONS)) {
  test(`formatting the Dockerfile corpus with ${name}: same builder view, idempotent`, (t) => {
    if (!existsSync(folder)) {
      t.skip(`the real-world corpus is not at ${folder}`);
      return;
    }
    const files = corpusFiles(folder);
    const totals = { changed: 0, edits: 0, droppedForSafety: 0, keptAsAligned: 0 };
    for (const file of files) {
      const figures = checkFormatting(file.path, file.text, options);
      totals.changed += Number(figures.changed);
      totals.edits += figures.edits;
      totals.droppedForSafety += figures.droppedForSafety;
      totals.keptAsAligned += figures.keptAsAligned;
    }
    t.diagnostic(
      `${files.length} files: ${totals.changed} changed by ${totals.edits} edits; ${totals.droppedForSafety} edits dropped for safety (heredocs, whitespace inside quotes), ${totals.keptAsAligned} withheld to keep continuations laid out by hand`,
    );
    // The corpus has formatting to do and things to protect: a formatter that did nothing would pass the rest.
    assert.ok(totals.changed > 0 && totals.droppedForSafety > 0 && totals.keptAsAligned > 0, JSON.stringify(totals));
  });
}

test('dockerfile-utils alone over the Dockerfile corpus changes what the builder sees: the evidence for the safety layer', (t) => {
  if (!existsSync(folder)) {
    t.skip(`the real-world corpus is not at ${folder}`);
    return;
  }
  const files = corpusFiles(folder);
  const options = OPTIONS['four spaces'];
  const changed = files.filter((file) => {
    const formatted = applyEdits(file.text, format(file.text, options));
    return JSON.stringify(builderView(formatted)) !== JSON.stringify(builderView(file.text));
  });
  t.diagnostic(
    `${changed.length} of ${files.length} files would give the builder different input (heredocs, whitespace inside quotes) after dockerfile-utils' format alone`,
  );
  assert.ok(changed.length > 0);
});

test(`formatting ${MUTANTS} randomly broken corpus Dockerfiles: same builder view, idempotent, never throws`, (t) => {
  if (!existsSync(folder)) {
    t.skip(`the real-world corpus is not at ${folder}`);
    return;
  }
  const kind = CORPUS_KINDS.find((candidate) => candidate.folder === 'dockerfile');
  assert.ok(kind);
  for (const mutant of mutants(kind, corpusFiles(folder), MUTANTS)) checkFormatting(mutant.label, mutant.text, OPTIONS['four spaces']);
});
