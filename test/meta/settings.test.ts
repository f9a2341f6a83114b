// The editor's settings (package.json contributes.configuration) and the config file's schema are generated from
// the rules' metadata (npm run settings:generate); these tests fail when they are stale or when the options that
// generate them are ill-formed.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import Ajv from 'ajv';
import { CONFIG_SCHEMA, generatedConfigSchema, generatedPackageJson, PACKAGE_JSON } from '../../scripts/generateSettings';
import { RULE_KEY_PATTERN, ruleOptions } from '../../server/src/engine/options';
import { declaredOptions } from '../../server/src/engine/ruleTypes';
import { rules } from '../../server/src/rules';

test('package.json contributes.configuration is generated from the rules and up to date (npm run settings:generate)', () => {
  const committed = readFileSync(PACKAGE_JSON, 'utf8');
  assert.equal(committed, generatedPackageJson(committed));
});

test('schemas/container-standards.schema.json is generated from the rules and up to date (npm run settings:generate)', () => {
  assert.equal(readFileSync(CONFIG_SCHEMA, 'utf8'), generatedConfigSchema());
});

test('every option setting defaults to null, so that the editor sends "unset" and not a value over the config file', () => {
  const { contributes } = JSON.parse(readFileSync(PACKAGE_JSON, 'utf8')) as {
    contributes: { configuration: { properties: Record<string, { default: unknown; type: unknown }> } };
  };
  for (const option of ruleOptions(rules)) {
    const setting = contributes.configuration.properties[`containerStandards.${option.name}`];
    assert.ok(setting, `no setting for option ${option.name}`);
    assert.equal(setting.default, null, option.name);
    assert.ok([setting.type].flat().includes('null'), `${option.name}: type must allow null`);
  }
});

test("every option's default is valid by its own schema, and its description is a sentence", () => {
  const ajv = new Ajv({ strict: true });
  for (const rule of rules) {
    for (const [name, { description, default: defaultValue, ...schema }] of declaredOptions(rule)) {
      assert.ok(ajv.validate(schema, defaultValue), `${rule.id}: default of ${name}: ${ajv.errorsText()}`);
      assert.match(description, /^\S.*\.$/s, `${rule.id}: option ${name} needs a description ending in a period`);
    }
  }
});

test('every rule id and alias is a valid key of the "rules" map', () => {
  const pattern = new RegExp(RULE_KEY_PATTERN);
  const names = rules.flatMap((rule) => [rule.id, ...rule.meta.aliases]);
  assert.deepEqual(
    names.filter((name) => !pattern.test(name)),
    [],
  );
});

test('option names are checked: camelCase, not reserved, one meaning per name', () => {
  const [withOption] = rules.filter((rule) => declaredOptions(rule).length > 0);
  assert.ok(withOption, 'some rule declares an option');
  const [name, declaration] = declaredOptions(withOption)[0]!;
  const renamed = (newName: string, changed = declaration) => ({
    ...withOption,
    id: 'dockerfile/other',
    meta: { ...withOption.meta, options: { [newName]: changed } },
  });
  assert.throws(() => ruleOptions([renamed('rules')]), /other than rules, trace/);
  assert.throws(() => ruleOptions([renamed('Trusted-registries')]), /camelCase/);
  assert.throws(() => ruleOptions([renamed(name, { ...declaration, type: ['array', 'null'] as never })]), /must not allow null/);
  assert.throws(() => ruleOptions([withOption, renamed(name, { ...declaration, default: ['x'] })]), /declared differently/);
  assert.deepEqual(ruleOptions([withOption, renamed(name)]).find((option) => option.name === name)?.ruleIds, [withOption.id, 'dockerfile/other']);
});

test('Restricted Mode: a workspace cannot set what is checked, whom it trusts, or which files are read; only presentation settings stay its own', () => {
  const manifest = JSON.parse(readFileSync(PACKAGE_JSON, 'utf8')) as {
    capabilities: { untrustedWorkspaces: { supported: string; restrictedConfigurations: string[] } };
    contributes: { configuration: { properties: Record<string, unknown> } };
  };
  const { supported, restrictedConfigurations } = manifest.capabilities.untrustedWorkspaces;
  assert.equal(supported, 'limited');
  const contributed = Object.keys(manifest.contributes.configuration.properties);
  for (const key of restrictedConfigurations) assert.ok(contributed.includes(key), `${key} is restricted but not contributed`);
  for (const key of [
    'rules',
    'enable',
    'trustedRegistries',
    'prohibitedTags',
    'kubernetesVersion',
    'kubernetes.files',
    'kubernetes.exclude',
    'diagnostics.scope',
  ])
    assert.ok(restrictedConfigurations.includes(`containerStandards.${key}`), `containerStandards.${key} must be restricted`);
  assert.deepEqual(
    contributed.filter((key) => !restrictedConfigurations.includes(key)),
    ['containerStandards.trace.server', 'containerStandards.format.enable'],
  );
});
