import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { TextEdit } from 'vscode-languageserver-types';
import { collectSafeFixes } from '../../server/src/engine/fixes';
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
