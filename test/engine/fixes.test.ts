import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { TextEdit } from 'vscode-languageserver-types';
import { applyEdits, collectSafeFixes } from '../../server/src/engine/fixes';
import type { Finding } from '../../server/src/engine/lint';
import type { Fix } from '../../server/src/engine/ruleTypes';

const at = (line: number, character: number) => ({ line, character });
const insert = (line: number, newText: string): TextEdit => ({ range: { start: at(line, 0), end: at(line, 0) }, newText });
const finding = (line: number, fixes: Fix[]): Finding => ({
  ruleId: 'test/rule',
  messageId: 'm',
  severity: 'warning',
  message: 'm',
  range: { start: at(line, 0), end: at(line, 1) },
  fixes,
  aliases: [],
});

test('fix-all takes the edits of other files with their fix, and skips a fix whose other-file edit clashes with one taken', () => {
  const example = 'file:///p/.env.example';
  const { edits, editFiles } = collectSafeFixes([
    finding(1, [{ title: 'a', edits: [insert(1, 'A')], editFiles: [{ uri: example, edits: [insert(3, 'A=\n')] }] }]),
    // Two insertions at one point would interleave: this one waits for the next pass, its own edit included.
    finding(2, [{ title: 'b', edits: [insert(2, 'B')], editFiles: [{ uri: example, edits: [insert(3, 'B=\n')] }] }]),
    finding(4, [{ title: 'c', edits: [insert(4, 'C')], editFiles: [{ uri: example, edits: [insert(0, 'C=\n')] }] }]),
    finding(5, [{ title: 'unsafe', edits: [insert(5, 'D')], editFiles: [{ uri: example, edits: [insert(1, 'D=\n')] }], unsafe: true }]),
  ]);
  assert.deepEqual(
    edits.map((edit) => edit.newText),
    ['A', 'C'],
  );
  assert.deepEqual(editFiles, [{ uri: example, edits: [insert(3, 'A=\n'), insert(0, 'C=\n')] }]);
});

test('fix-all leaves for the next pass an insertion at the start of a range another fix replaces (applying both threw "Overlapping edit")', () => {
  const replace: TextEdit = { range: { start: at(2, 7), end: at(3, 4) }, newText: '\nUSER 999\n' };
  const insertion: TextEdit = { range: { start: at(2, 7), end: at(2, 7) }, newText: ' && rm -rf /var/lib/apt/lists/*' };
  const text = 'FROM debian:12\nRUN set -eux\nRUN x \\\n    \n';
  const { edits } = collectSafeFixes([finding(0, [{ title: 'replace', edits: [replace] }]), finding(1, [{ title: 'insert', edits: [insertion] }])]);
  assert.deepEqual(edits, [replace]);
  assert.doesNotThrow(() => applyEdits(text, edits));
});
