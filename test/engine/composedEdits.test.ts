import assert from 'node:assert/strict';
import { test } from 'node:test';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { ComposedEdits } from '../../server/src/engine/composedEdits';
import type { AttributedEdit } from '../../server/src/engine/fixpoint';

/** An edit replacing `search` (found once in `text`) with `replacement`, made by `ruleId`. */
function replace(text: string, search: string, replacement: string, ruleId: string): AttributedEdit {
  const at = text.indexOf(search);
  assert.ok(at >= 0 && text.indexOf(search, at + 1) < 0, `${search} once in ${text}`);
  const document = TextDocument.create('file:///t', '', 0, text);
  return {
    edit: { range: { start: document.positionAt(at), end: document.positionAt(at + search.length) }, newText: replacement },
    ruleId,
    title: `fix ${ruleId}`,
  };
}

function applied(composed: ComposedEdits): string {
  const edits = composed.result().map(({ range, newText }) => ({ range, newText }));
  return TextDocument.applyEdits(TextDocument.create('file:///o', '', 0, composed.original), edits);
}

test('passes that touch different text stay separate edits of the original, each with its own rule', () => {
  const original = 'FROM node:latest\nRUN npm install\nCMD npm start\n';
  const composed = new ComposedEdits(original);
  composed.add(original, [replace(original, 'node:latest', 'node:22', 'a/tag')]);
  const second = composed.text;
  composed.add(second, [replace(second, 'CMD npm start', 'CMD ["npm", "start"]', 'a/exec-form'), replace(second, 'npm install', 'npm ci', 'a/ci')]);
  assert.equal(applied(composed), 'FROM node:22\nRUN npm ci\nCMD ["npm", "start"]\n');
  assert.deepEqual(
    composed.result().map((edit) => [edit.range.start.line, edit.newText, edit.origins.map((origin) => origin.ruleId)]),
    [
      [0, 'node:22', ['a/tag']],
      [1, 'npm ci', ['a/ci']],
      [2, 'CMD ["npm", "start"]', ['a/exec-form']],
    ],
  );
});

test('a later pass that edits what an earlier one wrote is merged with it and names both rules', () => {
  const original = 'a\nb\n';
  const composed = new ComposedEdits(original);
  composed.add(original, [replace(original, 'b\n', 'b\nUSER node\n', 'r/user')]);
  const second = composed.text;
  composed.add(second, [replace(second, 'USER node', 'USER 1000', 'r/numeric')]);
  assert.equal(applied(composed), 'a\nb\nUSER 1000\n');
  assert.deepEqual(
    composed.result().map((edit) => edit.origins.map((origin) => origin.ruleId)),
    [['r/user', 'r/numeric']],
  );
});

test('a created file is one insertion into empty text, later passes folded into it', () => {
  const composed = new ComposedEdits('');
  composed.add('', [
    { edit: { range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, newText: 'node_modules\n' }, ruleId: 'd/ignore', title: 'Create' },
  ]);
  composed.add('node_modules\n', [
    { edit: { range: { start: { line: 1, character: 0 }, end: { line: 1, character: 0 } }, newText: '.git\n' }, ruleId: 'd/git', title: 'Add' },
  ]);
  assert.equal(applied(composed), 'node_modules\n.git\n');
  assert.equal(composed.result().length, 1);
});

test('a pass must start from the text the earlier passes produced', () => {
  const composed = new ComposedEdits('x');
  assert.throws(() => composed.add('y', []), /must start from/);
});
