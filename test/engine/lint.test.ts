import { test } from 'node:test';
import assert from 'node:assert/strict';
import { defineDockerfileRule, type Fix } from '../../server/src/engine/ruleTypes';
import { lintCase } from '../ruleTester';

test('fixes reported as a function are built once, and only when asked for', () => {
  let builds = 0;
  const fix: Fix = { title: 'Pin it', edits: [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 4 } }, newText: 'FROM' }] };
  const rule = defineDockerfileRule({
    id: 'test/lazy-fix',
    meta: { severity: 'warning', description: 'A test rule.', fixable: true, aliases: [], messages: { found: 'found' } },
    check({ report }) {
      report({
        messageId: 'found',
        range: { start: { line: 0, character: 0 }, end: { line: 0, character: 4 } },
        fixes: () => {
          builds++;
          return [fix];
        },
      });
    },
  });
  const [finding] = lintCase(rule, { code: 'from alpine:3.22\n' });
  assert.equal(builds, 0);
  assert.deepEqual(finding?.fixes, [fix]);
  assert.deepEqual(finding?.fixes, [fix]);
  assert.equal(builds, 1);
});
