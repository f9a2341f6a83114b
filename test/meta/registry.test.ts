import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { rulesMarkdown } from '../../server/src/docs/rulesMarkdown';
import { rules } from '../../server/src/rules';

const ROOT = join(__dirname, '..', '..');
const RULES_FOLDER = join(ROOT, 'server', 'src', 'rules');
const KIND_OF_FOLDER = { dockerfile: 'dockerfile', compose: 'compose', k8s: 'kubernetes' } as const;
const KNOWN_TOOLS = ['hadolint', 'buildkit', 'dockerfile-utils', 'dclint', 'kube-linter', 'kube-score', 'polaris', 'checkov'];

const ruleFiles = Object.keys(KIND_OF_FOLDER).flatMap((folder) =>
  readdirSync(join(RULES_FOLDER, folder))
    .filter((name) => name.endsWith('.ts'))
    .map((name) => `${folder}/${name.slice(0, -3)}`),
);

test('every rule file is registered, once, and ids match file paths', () => {
  assert.deepEqual(rules.map((rule) => rule.id).sort(), [...ruleFiles].sort());
  assert.equal(new Set(rules.map((rule) => rule.id)).size, rules.length);
});

test('the registry is sorted by id', () => {
  const ids = rules.map((rule) => rule.id);
  assert.deepEqual(ids, [...ids].sort());
});

test('each rule lives in the folder of its kind', () => {
  for (const rule of rules) {
    const folder = rule.id.split('/')[0] as keyof typeof KIND_OF_FOLDER;
    assert.equal(rule.kind, KIND_OF_FOLDER[folder], rule.id);
  }
});

test('metadata: one-sentence descriptions, well-formed aliases, messages that say what to do', () => {
  for (const rule of rules) {
    assert.match(rule.meta.description, /^[A-Z`].*\.$/, `${rule.id}: description must be a sentence ending in a period`);
    for (const alias of rule.meta.aliases) {
      const [tool, id] = alias.split(':');
      assert.ok(KNOWN_TOOLS.includes(tool ?? '') && id, `${rule.id}: alias ${alias} must be tool:id with a known tool`);
    }
    assert.ok(Object.keys(rule.meta.messages).length > 0, `${rule.id}: no messages`);
  }
});

test('every rule has a test file', () => {
  const missing = ruleFiles.filter((path) => !existsSync(join(ROOT, 'test', 'rules', `${path}.test.ts`)));
  assert.deepEqual(missing, []);
});

test('RULES.md is generated from the metadata and up to date (npm run rules:docs)', () => {
  const committed = readFileSync(join(ROOT, 'RULES.md'), 'utf8');
  assert.equal(committed, rulesMarkdown(rules));
  for (const rule of rules) assert.ok(committed.includes(`### ${rule.id}\n`), `${rule.id} has no section in RULES.md`);
});
