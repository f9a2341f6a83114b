// `rules --format json`: the rule catalogue of the CLI contract.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { ruleAnchor } from '../../server/src/engine/docs';
import { repoRoot, runCli } from '../helpers/cli';

interface Catalogue {
  rules: { id: string; kind: string; severity: string; description: string; fixable: boolean; aliases: string[]; docs: string }[];
}

test('rules --format json lists every rule with the contract fields', () => {
  const run = runCli(['rules', '--format', 'json'], repoRoot);
  assert.equal(run.stderr, '');
  assert.equal(run.status, 0);
  const { rules, ...rest } = JSON.parse(run.stdout) as Catalogue;
  assert.deepEqual(rest, {});
  // `docs` is a path in the package: RULES.md (shipped at its root) at the rule's own heading.
  const anchors = new Set([...readFileSync(join(repoRoot, 'RULES.md'), 'utf8').matchAll(/^### (\S+)$/gm)].map((heading) => ruleAnchor(heading[1] ?? '')));
  for (const rule of rules) {
    assert.deepEqual(Object.keys(rule).sort(), ['aliases', 'description', 'docs', 'fixable', 'id', 'kind', 'severity'], rule.id);
    assert.match(rule.id, /^(dockerfile|compose|k8s|ecs|render|railway)\/[a-z0-9-]+$/);
    assert.ok(['dockerfile', 'compose', 'kubernetes', 'ecs', 'render', 'railway'].includes(rule.kind), `${rule.id}: kind ${rule.kind}`);
    assert.ok(['off', 'hint', 'info', 'warning', 'error'].includes(rule.severity), `${rule.id}: severity ${rule.severity}`);
    assert.match(rule.description, /\.$/, `${rule.id}: description is a sentence`);
    assert.equal(typeof rule.fixable, 'boolean');
    for (const alias of rule.aliases) assert.match(alias, /^(hadolint|buildkit|dockerfile-utils|dclint|kube-linter|kube-score|polaris|checkov|trivy):\S+$/);
    assert.equal(rule.docs, `RULES.md#${ruleAnchor(rule.id)}`);
    assert.ok(anchors.has(ruleAnchor(rule.id)), `${rule.id}: RULES.md has its heading`);
  }
  const byId = new Map(rules.map((rule) => [rule.id, rule]));
  // `fixable` says the rule offers fixes: the latest-tag rules offer tags to pin, though as unsafe fixes --fix leaves alone.
  const expected: [id: string, kind: string, fixable: boolean][] = [
    ['dockerfile/syntax', 'dockerfile', false],
    ['dockerfile/latest-tag', 'dockerfile', true],
    ['dockerfile/shell-form-cmd', 'dockerfile', true],
    ['compose/obsolete-version', 'compose', true],
    ['k8s/latest-tag', 'kubernetes', true],
  ];
  for (const [id, kind, fixable] of expected) {
    assert.deepEqual({ kind: byId.get(id)?.kind, fixable: byId.get(id)?.fixable }, { kind, fixable }, id);
  }
  assert.deepEqual(byId.get('dockerfile/latest-tag')?.aliases, ['hadolint:DL3007', 'checkov:CKV_DOCKER_7']);
});

test('the bins run as the contract shows: npx --no-install container-standards inside a built checkout', () => {
  const run = spawnSync('npx', ['--no-install', 'container-standards', 'rules', '--format', 'json'], { cwd: repoRoot, encoding: 'utf8' });
  assert.equal(run.status, 0, run.stderr);
  assert.ok((JSON.parse(run.stdout) as Catalogue).rules.some((rule) => rule.id === 'dockerfile/latest-tag'));
});
