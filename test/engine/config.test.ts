import { test } from 'node:test';
import assert from 'node:assert/strict';
import { effectiveSeverity, findConfigFile, mergeConfigs, optionsFor, type LintConfig } from '../../server/src/engine/config';
import { kubernetesSettingOf } from '../../server/src/engine/kubernetesGlobs';
import { Linter } from '../../server/src/engine/linter';
import { parseConfigText, readSettings } from '../../server/src/engine/readConfig';
import { rules, rulesById } from '../../server/src/rules';
import { pathToUri } from '../../server/src/workspace/uri';
import { Workspace } from '../../server/src/workspace/workspace';

const latestTag = rulesById.get('dockerfile/latest-tag')!;
const untrustedRegistry = rulesById.get('dockerfile/untrusted-registry')!;
const parse = (text: string) => parseConfigText(text, 'c.yaml', rules);
const messages = (reading: { problems: { message: string }[] }) => reading.problems.map((problem) => problem.message);

test('config files: rules map parsed, mistakes reported with the file name', () => {
  assert.deepEqual(parse('rules:\n  dockerfile/latest-tag: error\n'), { config: { rules: { 'dockerfile/latest-tag': 'error' } }, problems: [] });
  assert.deepEqual(parse(''), { config: { rules: {} }, problems: [] });
  for (const bad of ['rules: [a]\n', 'rules:\n  dockerfile/x: loud\n', 'rules:\n  Not An Id: off\n', '- a\n', 'rules: {\n']) {
    const { config, problems } = parse(bad);
    assert.deepEqual(config, { rules: {} }, bad);
    assert.equal(problems.length, 1, bad);
    assert.match(problems[0]!.message, /^c\.yaml: \S/, bad);
  }
});

test('config files: a mistake costs only the part it is in, and the message names the key', () => {
  const reading = parse('rules:\n  dockerfile/latest-tag: loud\n  dockerfile/no-user: error\ntrustedRegistries: [ghcr.io, 3]\nrule:\n  x: off\n');
  assert.deepEqual(reading.config, { rules: { 'dockerfile/no-user': 'error' } });
  assert.deepEqual(messages(reading), [
    'c.yaml: unknown key "rule"; expected "rules", "enable", "kubernetes" or a rule option (kubernetesVersion, prohibitedTags, trustedRegistries)',
    'c.yaml: rule "dockerfile/latest-tag" has severity "loud"; use one of off, hint, info, warning, error',
    'c.yaml: "trustedRegistries[1]" must be a string',
  ]);
  assert.deepEqual(
    reading.problems.map((problem) => problem.ignored),
    ['the key "rule"', 'rule "dockerfile/latest-tag"', '"trustedRegistries"'],
  );
  assert.deepEqual(messages(parse('trustedRegistries: docker.io\n')), ['c.yaml: "trustedRegistries" must be a list of strings']);
  assert.deepEqual(messages(parse('rules: [a]\n')), ['c.yaml: "rules" must map rule ids to one of off, hint, info, warning, error']);
  assert.match(messages(parse('rules: {\n'))[0]!, /^c\.yaml: not valid YAML: /);
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

test('rule options: unset (absent or null) and set (even empty) are told apart', () => {
  assert.deepEqual(parse('trustedRegistries: [docker.io, "*.gcr.io"]\n').config, { rules: {}, options: { trustedRegistries: ['docker.io', '*.gcr.io'] } });
  assert.deepEqual(parse('trustedRegistries: []\n').config, { rules: {}, options: { trustedRegistries: [] } });
  assert.deepEqual(parse('trustedRegistries:\n'), { config: { rules: {} }, problems: [] });
  assert.deepEqual(readSettings({ rules: {}, trustedRegistries: null, trace: { server: 'off' } }, 'containerStandards', rules), {
    config: { rules: {} },
    problems: [],
  });
});

test('rule options: the settings win over the file unless they leave the option unset; the rule gets its default otherwise', () => {
  const file = parse('trustedRegistries: [registry.example.com]\n').config;
  const settings = (value: unknown) => readSettings({ trustedRegistries: value }, 'containerStandards', rules).config;
  const trusted = (...layers: LintConfig[]) => optionsFor(untrustedRegistry, mergeConfigs(...layers)).trustedRegistries;
  assert.deepEqual(trusted(file, settings(null)), ['registry.example.com']);
  assert.deepEqual(trusted(file, settings(undefined)), ['registry.example.com']);
  assert.deepEqual(trusted(file, settings([])), []);
  assert.deepEqual(trusted(file, settings(['ghcr.io'])), ['ghcr.io']);
  assert.deepEqual(trusted(settings(null)), []);
  assert.deepEqual(optionsFor(latestTag, file), {});
});

test('settings: mistakes name the setting; keys that are not rule configuration are left alone', () => {
  const reading = readSettings(
    { rules: { 'dockerfile/latest-tag': 'loud', 'hadolint:DL3025': 'off' }, trustedRegistries: 'ghcr.io', trace: { server: 'verbose' }, future: 1 },
    'containerStandards',
    rules,
  );
  assert.deepEqual(reading.config, { rules: { 'hadolint:DL3025': 'off' } });
  assert.deepEqual(messages(reading), [
    'setting containerStandards.rules: rule "dockerfile/latest-tag" has severity "loud"; use one of off, hint, info, warning, error',
    'setting containerStandards.trustedRegistries must be a list of strings',
  ]);
  assert.deepEqual(messages(readSettings('x', 'containerStandards', rules)), [
    'setting containerStandards: expected a mapping of "rules", "enable", "kubernetes" and rule options (kubernetesVersion, prohibitedTags, trustedRegistries)',
  ]);
});

test('unknown rule ids and aliases are named, with the likely one meant, and only they are ignored', () => {
  const settings = readSettings(
    { rules: { 'dockerfile/latest-tags': 'error', 'hadolint:DL3007': 'error', 'hadolint:DL9999': 'off', 'compose/teleport': 'off' } },
    'containerStandards',
    rules,
  );
  assert.deepEqual(settings.config, { rules: { 'hadolint:DL3007': 'error' } });
  assert.deepEqual(messages(settings), [
    'setting containerStandards.rules: "dockerfile/latest-tags" is not the id or alias of any Container Standards rule; did you mean "dockerfile/latest-tag"?',
    'setting containerStandards.rules: "hadolint:DL9999" is not the id or alias of any Container Standards rule (RULES.md lists them)',
    'setting containerStandards.rules: "compose/teleport" is not the id or alias of any Container Standards rule (RULES.md lists them)',
  ]);
  const file = parse('rules:\n  dockerfile/untrusted-registy: error\n  k8s/latest-tag: off\ntrustedRegistries: [ghcr.io]\n');
  assert.deepEqual(file.config, { rules: { 'k8s/latest-tag': 'off' }, options: { trustedRegistries: ['ghcr.io'] } });
  assert.deepEqual(messages(file), [
    'c.yaml: "dockerfile/untrusted-registy" is not the id or alias of any Container Standards rule; did you mean "dockerfile/untrusted-registry"?',
  ]);
  // A run of some rules knows the ids of all: they are valid, whichever rules it checks.
  assert.deepEqual(messages(parseConfigText('rules:\n  compose/latest-tag: off\n', 'c.yaml', [latestTag])), []);
});

test('a run of some rules reads the same config language: options of the other rules are valid and left unread', () => {
  const reading = parseConfigText('rules:\n  dockerfile/latest-tag: error\ntrustedRegistries: [ghcr.io]\n', 'c.yaml', [latestTag]);
  assert.deepEqual(reading, { config: { rules: { 'dockerfile/latest-tag': 'error' } }, problems: [] });
  assert.deepEqual(messages(parseConfigText('trustedRegistries: ghcr.io\n', 'c.yaml', [latestTag])), ['c.yaml: "trustedRegistries" must be a list of strings']);
});

test('keywords without words of our own keep the validator’s message', () => {
  assert.deepEqual(messages(parse('trustedRegistries: [ghcr.io, ""]\n')), ['c.yaml: "trustedRegistries[1]" must NOT have fewer than 1 characters']);
});

test('kubernetes.files and kubernetes.exclude: read from the file and the settings, merged per key, mistakes named', () => {
  assert.deepEqual(parse('kubernetes:\n  files: ["deploy/**/*.yaml"]\n').config, { rules: {}, kubernetes: { files: ['deploy/**/*.yaml'] } });
  const file = parse('kubernetes:\n  files: [k8s/*.yaml]\n  exclude: [k8s/generated/*.yaml]\n').config;
  const settings = readSettings({ kubernetes: { files: ['*.k8s.yaml'], exclude: null } }, 'containerStandards', rules).config;
  assert.deepEqual(mergeConfigs(file, settings).kubernetes, { files: ['*.k8s.yaml'], exclude: ['k8s/generated/*.yaml'] });
  assert.deepEqual(readSettings({ kubernetes: { files: null, exclude: null } }, 'containerStandards', rules), { config: { rules: {} }, problems: [] });
  assert.deepEqual(messages(parse('kubernetes:\n  files: deploy\n')), ['c.yaml: "kubernetes.files" must be a list of strings']);
  assert.deepEqual(messages(parse('kubernetes:\n  include: [a]\n')), ['c.yaml: "kubernetes" has an unknown key "include"']);
  assert.deepEqual(parse('kubernetes:\n  files: deploy\n').config, { rules: {} });
});

test('kubernetes globs: file names, path ends, anchored paths; exclude wins', () => {
  const setting = (path: string, config: Parameters<typeof kubernetesSettingOf>[1]) => kubernetesSettingOf(pathToUri(path), config);
  const config = { files: ['*.k8s.yaml', 'deploy/**/*.yaml', '/srv/ops/*.yml'], exclude: ['deploy/generated/**'] };
  const cases: [string, string | undefined][] = [
    ['/repo/app.k8s.yaml', 'included'],
    ['/repo/sub/app.k8s.yaml', 'included'],
    ['/repo/deploy/web.yaml', 'included'],
    ['/repo/services/api/deploy/prod/web.yaml', 'included'],
    ['/repo/deploy/generated/crds.yaml', 'excluded'],
    ['/srv/ops/pod.yml', 'included'],
    ['/elsewhere/srv/ops/pod.yml', undefined],
    ['/repo/app.yaml', undefined],
  ];
  for (const [path, expected] of cases) assert.equal(setting(path, config), expected, path);
  assert.equal(kubernetesSettingOf('untitled:Untitled-1', config), undefined);
  assert.equal(setting('/repo/app.k8s.yaml', undefined), undefined);
});

test('enable: per kind from the file and the settings, off in either is off; an unset kind stays on; mistakes named', () => {
  assert.deepEqual(parse('enable:\n  kubernetes: false\n').config, { rules: {}, enable: { kubernetes: false } });
  const file = parse('enable:\n  kubernetes: false\n  compose: false\n').config;
  // The editor's defaults (every kind on) and a kind switched on again leave the file's off in force; off anywhere is off.
  const settings = readSettings({ enable: { dockerfile: true, compose: true, kubernetes: true } }, 'containerStandards', rules).config;
  assert.deepEqual(mergeConfigs(file, settings).enable, { dockerfile: true, kubernetes: false, compose: false });
  assert.deepEqual(mergeConfigs(parse('rules: {}\n').config, readSettings({ enable: { ecs: false } }, 'containerStandards', rules).config).enable, {
    ecs: false,
  });
  assert.deepEqual(readSettings({ enable: {} }, 'containerStandards', rules), { config: { rules: {} }, problems: [] });
  assert.deepEqual(messages(parse('enable:\n  helm: false\n')), ['c.yaml: "enable" has an unknown key "helm"']);
  assert.deepEqual(messages(parse('enable:\n  dockerfile: no\n')), ['c.yaml: "enable.dockerfile" must be true or false']);
  assert.deepEqual(parse('enable:\n  dockerfile: no\n').config, { rules: {} });
});

test('enable: a kind switched off has no findings; the other kinds keep theirs', () => {
  const files: Record<string, string> = {
    'file:///p/Dockerfile': 'FROM node:latest\nCMD npm start\n',
    'file:///p/compose.yaml': 'version: "3"\nservices:\n  web:\n    image: nginx:latest\n',
  };
  const workspace = new Workspace({ readFile: (uri) => files[uri] });
  for (const uri of Object.keys(files)) workspace.index(uri);
  const linter = new Linter(workspace, rules);
  const findings = (uri: string, config: LintConfig) => linter.lint(uri, config)?.findings.length ?? 0;
  const dockerfileOff: LintConfig = { rules: {}, enable: { dockerfile: false } };
  assert.ok(findings('file:///p/Dockerfile', { rules: {} }) > 0);
  assert.equal(findings('file:///p/Dockerfile', dockerfileOff), 0);
  assert.ok(findings('file:///p/compose.yaml', dockerfileOff) > 0);
  assert.ok(findings('file:///p/Dockerfile', { rules: {}, enable: { dockerfile: true, compose: false } }) > 0);
});
