import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { rulesMarkdown } from '../../server/src/docs/rulesMarkdown';
import type { Rule } from '../../server/src/engine/ruleTypes';
import { rules } from '../../server/src/rules';

const ROOT = join(__dirname, '..', '..');
const RULES_FOLDER = join(ROOT, 'server', 'src', 'rules');
const KIND_OF_FOLDER = { dockerfile: 'dockerfile', compose: 'compose', k8s: 'kubernetes', ecs: 'ecs', render: 'render', railway: 'railway' } as const;
const KNOWN_TOOLS = ['hadolint', 'shellcheck', 'buildkit', 'dockerfile-utils', 'dclint', 'kube-linter', 'kube-score', 'polaris', 'checkov', 'trivy'];

const ruleFiles = Object.keys(KIND_OF_FOLDER).flatMap((folder) =>
  readdirSync(join(RULES_FOLDER, folder))
    .filter((name) => name.endsWith('.ts'))
    .map((name) => `${folder}/${name.slice(0, -3)}`),
);

/** The name index.ts imports a rule file's `rule` as: `dockerfile/apt-get-yes` → `dockerfileAptGetYes`. */
function importName(path: string): string {
  return path.replace(/[/-]([a-z0-9])/g, (_, letter: string) => letter.toUpperCase());
}

test('every rule file exports a rule whose id is its path, registered exactly once in server/src/rules/index.ts', () => {
  const problems: string[] = [];
  for (const path of ruleFiles) {
    const source = `server/src/rules/${path}.ts`;
    const { rule } = require(join(RULES_FOLDER, path)) as { rule?: Rule };
    if (!rule) {
      problems.push(`${source} does not export \`rule\`: export the rule as \`export const rule = define…Rule({ id: '${path}', … })\`.`);
      continue;
    }
    if (rule.id !== path) problems.push(`${source} exports a rule with id '${rule.id}': a rule's id is its file's path under server/src/rules/, so '${path}'.`);
    const registered = rules.filter((candidate) => candidate === rule).length;
    if (registered === 0)
      problems.push(
        `${source} is not registered: in server/src/rules/index.ts add \`import { rule as ${importName(path)} } from './${path}';\` and \`${importName(path)},\` to \`rules\` (kept sorted by id).`,
      );
    if (registered > 1)
      problems.push(`${source} is registered ${registered} times in server/src/rules/index.ts: keep one \`${importName(path)},\` in \`rules\`.`);
  }
  for (const rule of rules) {
    if (!ruleFiles.includes(rule.id)) problems.push(`server/src/rules/index.ts registers '${rule.id}', but there is no file server/src/rules/${rule.id}.ts.`);
  }
  assert.deepEqual(problems, []);
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
