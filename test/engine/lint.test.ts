import { test } from 'node:test';
import assert from 'node:assert/strict';
import { defineDockerfileRule, type Fix } from '../../server/src/engine/ruleTypes';
import { lintCase } from '../ruleTester';

test('fixes reported as a function are built once, and only when asked for', () => {
  let builds = 0;
  const fix: Fix = { title: 'Pin it', edits: [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 4 } }, newText: 'FROM' }] };
  const rule = defineDockerfileRule({
    id: 'test/lazy-fix',
    meta: { severity: 'warning', description: 'A test rule.', fix: { applied: 'auto' }, aliases: [], messages: { found: 'found' } },
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

test("a finding's own aliases replace the rule's aliases of the same tool, and keep the other tools'", () => {
  const range = { start: { line: 0, character: 0 }, end: { line: 0, character: 4 } };
  const rule = defineDockerfileRule({
    id: 'test/aliases',
    meta: {
      severity: 'warning',
      description: 'A test rule.',
      aliases: ['kube-linter:unset-cpu-requirements', 'kube-linter:unset-memory-requirements', 'kube-score:container-resources'],
      messages: { found: 'found' },
    },
    check({ report }) {
      report({ messageId: 'found', range });
      report({ messageId: 'found', range, aliases: ['kube-linter:unset-cpu-requirements', 'polaris:cpuRequestsMissing'] });
    },
  });
  const [general, precise] = lintCase(rule, { code: 'from alpine:3.22\n' });
  assert.deepEqual(general?.aliases, ['kube-linter:unset-cpu-requirements', 'kube-linter:unset-memory-requirements', 'kube-score:container-resources']);
  assert.deepEqual(precise?.aliases, ['kube-score:container-resources', 'kube-linter:unset-cpu-requirements', 'polaris:cpuRequestsMissing']);
});
