import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ruleItem } from '../../client/src/ruleItem';
import { rules } from '../../server/src/rules';
import { ruleCatalogue } from '../../server/src/service/ruleDocs';

test('Show Rules: each item names the rule, and its searched text holds severity, quick fix, aliases and description', () => {
  const latestTag = ruleCatalogue(rules).find((rule) => rule.id === 'dockerfile/latest-tag');
  assert.ok(latestTag);
  const item = ruleItem(latestTag);
  assert.equal(item.label, 'dockerfile/latest-tag');
  assert.equal(item.ruleId, 'dockerfile/latest-tag');
  assert.equal(item.description, [latestTag.severity, 'quick fix: editor only (some reports)', ...latestTag.aliases].join(' · '));
  assert.ok(item.description?.includes('hadolint:DL3007'));
  assert.equal(item.detail, latestTag.description);
});

test('Show Rules: a rule without a fix or aliases shows its severity alone', () => {
  const item = ruleItem({ id: 'k8s/x', kind: 'kubernetes', severity: 'info', description: 'A test rule.', fixable: false, fix: null, aliases: [] });
  assert.equal(item.description, 'info');
});
