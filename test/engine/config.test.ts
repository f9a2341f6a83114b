import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ConfigError, effectiveSeverity, findConfigFile, parseConfigText, type LintConfig } from '../../server/src/engine/config';
import { rulesById } from '../../server/src/rules';
import { Workspace } from '../../server/src/workspace/workspace';

const latestTag = rulesById.get('dockerfile/latest-tag')!;

test('config files: rules map parsed, mistakes reported with the file name', () => {
  assert.deepEqual(parseConfigText('rules:\n  dockerfile/latest-tag: error\n', 'c.yaml'), { rules: { 'dockerfile/latest-tag': 'error' } });
  assert.deepEqual(parseConfigText('', 'c.yaml'), { rules: {} });
  for (const bad of ['rules: [a]\n', 'rules:\n  x: loud\n', '- a\n', 'rules: {\n']) {
    assert.throws(
      () => parseConfigText(bad, 'c.yaml'),
      (error: unknown) => error instanceof ConfigError && error.message.startsWith('c.yaml'),
      bad,
    );
  }
});

test('severity: id beats alias beats the reported severity beats the default', () => {
  const cases: [LintConfig['rules'], 'error' | 'warning' | 'info' | 'hint' | undefined, string][] = [
    [{}, undefined, 'warning'],
    [{}, 'info', 'info'],
    [{ 'hadolint:DL3007': 'hint' }, 'info', 'hint'],
    [{ 'hadolint:DL3007': 'hint', 'dockerfile/latest-tag': 'error' }, undefined, 'error'],
    [{ 'dockerfile/latest-tag': 'off' }, undefined, 'off'],
  ];
  for (const [rules, reported, expected] of cases) assert.equal(effectiveSeverity(latestTag, { rules }, reported), expected, JSON.stringify(rules));
});

test('the nearest .container-standards.yaml above a file wins', () => {
  const files = new Map([
    ['file:///repo/.container-standards.yaml', 'rules: {}\n'],
    ['file:///repo/services/api/.container-standards.yml', 'rules:\n  dockerfile/latest-tag: off\n'],
  ]);
  const workspace = new Workspace({ readFile: (uri) => files.get(uri) });
  assert.equal(findConfigFile(workspace, 'file:///repo/services/api/Dockerfile')?.uri, 'file:///repo/services/api/.container-standards.yml');
  assert.equal(findConfigFile(workspace, 'file:///repo/web/Dockerfile')?.uri, 'file:///repo/.container-standards.yaml');
  assert.equal(findConfigFile(workspace, 'untitled:Untitled-1'), undefined);
});

test('config files: trusted registries, and unknown keys are mistakes', () => {
  assert.deepEqual(parseConfigText('trustedRegistries: [docker.io, "*.gcr.io"]\n', 'c.yaml'), { rules: {}, trustedRegistries: ['docker.io', '*.gcr.io'] });
  assert.throws(() => parseConfigText('trustedRegistries: docker.io\n', 'c.yaml'), /must be a list/);
  assert.throws(() => parseConfigText('rule:\n  x: off\n', 'c.yaml'), /unknown key "rule"/);
});
