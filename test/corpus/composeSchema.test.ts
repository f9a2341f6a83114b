// compose/schema over the real-world compose corpus (../shared/corpus/compose): real files are nearly all valid,
// so every finding is listed here and checked to sit exactly on a key or a value of its file.
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { isNode, parseAllDocuments, visit } from 'yaml';
import { rule } from '../../server/src/rules/compose/schema';
import { CORPUS_KINDS, corpus, corpusFiles, mutants } from '../helpers/corpus';
import { lintCase } from '../ruleTester';

/** What the schema rightly reports in the corpus, by file, line and message id. */
const EXPECTED = [
  // `pre_start` hooks are newer than the schema dclint 3.1.0 ships (a docker/compose end-to-end test of them).
  'compose/docker_compose/pkg_e2e_testdata_TestPreStartHookSequentialOrder_compose.yaml:7 unknownKeySuggestion',
  // A version 1 file: its services sit at the top level.
  'compose/jessfraz_dockerfiles/openvpn_docker-compose.yml:1 serviceOutsideServices',
];

/** Offsets [start, end) of every key, value and alias as written, so a finding can be matched to one. */
function nodeSpans(text: string): { start: number; end: number }[] {
  const spans: { start: number; end: number }[] = [];
  for (const document of parseAllDocuments(text, { merge: true })) {
    visit(document, (_, node) => {
      if (isNode(node) && node.range) spans.push({ start: node.range[0], end: node.range[1] });
    });
  }
  return spans;
}

/**
 * Findings of the rule on the text, each checked to cover a key or value exactly, the first line of a value that
 * spans several lines (a sequence item of the wrong form), or the `:` of an entry without a key.
 */
function checkedFindings(label: string, text: string): string[] {
  const findings = lintCase(rule, { code: text });
  if (findings.length === 0) return [];
  const lines = TextDocument.create('file:///corpus.yaml', 'yaml', 1, text);
  const spans = nodeSpans(text);
  return findings.map((finding) => {
    assert.doesNotMatch(finding.message, /^Internal error/, `${label}: ${finding.message}`);
    const start = lines.offsetAt(finding.range.start);
    const end = lines.offsetAt(finding.range.end);
    const firstLineEnd = (from: number) => lines.offsetAt({ line: lines.positionAt(from).line + 1, character: 0 }) - 1;
    const onNode =
      spans.some((span) => span.start === start && (span.end === end || (end === firstLineEnd(start) && span.end > end))) ||
      (finding.messageId === 'emptyKey' && text.slice(start, end) === ':');
    assert.ok(onNode, `${label}: ${JSON.stringify(finding.range)} is not on a key or value as written: ${finding.message}`);
    return `${label}:${finding.range.start.line + 1} ${finding.messageId}`;
  });
}

test('compose/schema over the real-world compose corpus: only the expected findings, each on a key or value', (t) => {
  const folder = join(corpus, 'compose');
  if (!existsSync(folder)) {
    t.skip(`the real-world corpus is not at ${folder}`);
    return;
  }
  const files = corpusFiles(folder);
  const started = performance.now();
  const found = files.flatMap(({ path, text }) => checkedFindings(path, text));
  const milliseconds = performance.now() - started;
  assert.deepEqual(found, EXPECTED);
  t.diagnostic(`${files.length} compose files, ${found.length} findings, ${milliseconds.toFixed(0)} ms (parse and schema check)`);
});

test('compose/schema on randomly broken copies of the corpus: no crash, findings on keys and values', (t) => {
  const folder = join(corpus, 'compose');
  if (!existsSync(folder)) {
    t.skip(`the real-world corpus is not at ${folder}`);
    return;
  }
  const kind = CORPUS_KINDS.find((candidate) => candidate.folder === 'compose')!;
  const broken = mutants(kind, corpusFiles(folder), 300);
  const found = broken.flatMap((mutant) => checkedFindings(mutant.label, mutant.text));
  t.diagnostic(`${broken.length} broken copies, ${found.length} findings`);
});
