// `rules --format json`: the rule catalogue of the CLI contract.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { ruleAnchor } from '../../server/src/engine/docs';
import { repoRoot, runCli } from '../helpers/cli';

interface Catalogue {
  rules: {
    id: string;
    kind: string;
    severity: string;
    description: string;
    fixable: boolean;
    fix: { when?: string; applied: string | { autoWhen: string }; createsFile?: true } | null;
    aliases: string[];
    docs: string;
  }[];
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
    assert.deepEqual(Object.keys(rule).sort(), ['aliases', 'description', 'docs', 'fix', 'fixable', 'id', 'kind', 'severity'], rule.id);
    assert.match(rule.id, /^(dockerfile|compose|k8s|ecs|render|railway)\/[a-z0-9-]+$/);
    assert.ok(['dockerfile', 'compose', 'kubernetes', 'ecs', 'render', 'railway'].includes(rule.kind), `${rule.id}: kind ${rule.kind}`);
    assert.ok(['off', 'hint', 'info', 'warning', 'error'].includes(rule.severity), `${rule.id}: severity ${rule.severity}`);
    assert.match(rule.description, /\.$/, `${rule.id}: description is a sentence`);
    assert.equal(rule.fixable, rule.fix !== null, `${rule.id}: fixable says whether the rule has a fix`);
    for (const alias of rule.aliases)
      assert.match(alias, /^(hadolint|shellcheck|buildkit|dockerfile-utils|dclint|kube-linter|kube-score|polaris|checkov|trivy):\S+$/);
    assert.equal(rule.docs, `RULES.md#${ruleAnchor(rule.id)}`);
    assert.ok(anchors.has(ruleAnchor(rule.id)), `${rule.id}: RULES.md has its heading`);
  }
  const byId = new Map(rules.map((rule) => [rule.id, rule]));
  // `fixable` says the rule offers fixes: the latest-tag rules offer tags to pin, though as unsafe fixes --fix leaves
  // alone, which `fix` says, with when a report carries one.
  const tagKnown = 'when the image table knows current tags of the image and the image is written in place, not taken from a variable';
  const expected: [id: string, kind: string, fixable: boolean, fix: Catalogue['rules'][number]['fix']][] = [
    ['dockerfile/syntax', 'dockerfile', false, null],
    ['dockerfile/latest-tag', 'dockerfile', true, { when: tagKnown, applied: 'editor-only' }],
    ['dockerfile/shell-form-cmd', 'dockerfile', true, { when: 'unless the command is a pipeline or a command list', applied: 'auto' }],
    ['dockerfile/missing-dockerignore', 'dockerfile', true, { applied: 'auto', createsFile: true }],
    ['compose/obsolete-version', 'compose', true, { applied: 'auto' }],
    ['k8s/latest-tag', 'kubernetes', true, { when: tagKnown, applied: 'editor-only' }],
  ];
  for (const [id, kind, fixable, fix] of expected) {
    assert.deepEqual({ kind: byId.get(id)?.kind, fixable: byId.get(id)?.fixable, fix: byId.get(id)?.fix }, { kind, fixable, fix }, id);
  }
  assert.deepEqual(byId.get('dockerfile/latest-tag')?.aliases, ['hadolint:DL3007', 'checkov:CKV_DOCKER_7']);
});

test("rules (table) says in a column who applies each rule's quick fix, with what the words mean below", () => {
  const run = runCli(['rules'], repoRoot);
  assert.equal(run.status, 0, run.stderr);
  const row = (id: string) => run.stdout.split('\n').find((line) => line.startsWith(`${id} `)) ?? '';
  assert.match(row('dockerfile/latest-tag'), /^dockerfile\/latest-tag +warning +editor only \(some reports\) +\S/);
  assert.match(row('compose/obsolete-version'), / auto +\S/);
  assert.match(row('k8s/removed-api'), / auto or editor \(some reports\) +\S/);
  assert.match(row('dockerfile/missing-dockerignore'), / auto, not on save +\S/);
  assert.doesNotMatch(row('dockerfile/syntax'), /auto|editor/);
  assert.match(run.stdout, /\nQuick fix column:\n {2}auto: a safe fix, applied by fix-all on save, Fix Workspace and lint --fix, and offered as a quick fix\n/);
});

test('the bins run as the contract shows: npx --no-install container-standards inside a built checkout', () => {
  const run = spawnSync('npx', ['--no-install', 'container-standards', 'rules', '--format', 'json'], { cwd: repoRoot, encoding: 'utf8' });
  assert.equal(run.status, 0, run.stderr);
  assert.ok((JSON.parse(run.stdout) as Catalogue).rules.some((rule) => rule.id === 'dockerfile/latest-tag'));
});
