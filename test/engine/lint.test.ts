import { test } from 'node:test';
import assert from 'node:assert/strict';
import { emptyConfig } from '../../server/src/engine/config';
import { lintFile } from '../../server/src/engine/lint';
import { defineDockerfileRule, type Fix } from '../../server/src/engine/ruleTypes';
import { parseContainerFile } from '../../server/src/parsing/containerFile';
import { Workspace } from '../../server/src/workspace/workspace';

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
  const file = parseContainerFile('file:///p/Dockerfile', 'from alpine:3.22\n');
  const [finding] = lintFile(file, new Workspace({ readFile: () => undefined }), emptyConfig, [rule]);
  assert.equal(builds, 0);
  assert.deepEqual(finding?.fixes, [fix]);
  assert.deepEqual(finding?.fixes, [fix]);
  assert.equal(builds, 1);
});
