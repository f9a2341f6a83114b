// Rule options in `.container-standards.yaml` and `--config`, as CI reads them: unset, empty and set are distinct,
// and a mistake stops the run naming the key.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { lintJson, runCli, tempFolder } from '../helpers/cli';

const DOCKERFILE = 'FROM quay.io/acme/build:1 AS build\nFROM registry.example.com/acme/run:1\nCOPY --from=build /app /app\n';

const untrustedLines = (folder: string, args: string[] = []) =>
  lintJson([...args, 'Dockerfile'], folder)
    .files.flatMap((file) => file.diagnostics)
    .filter((diagnostic) => diagnostic.rule === 'dockerfile/untrusted-registry')
    .map((diagnostic) => diagnostic.range.start.line);

test('trustedRegistries in .container-standards.yaml: a list restricts, an empty list, null or no key does not', () => {
  const cases: [config: string, lines: number[]][] = [
    ['trustedRegistries: [registry.example.com]\n', [0]],
    ['trustedRegistries: ["*.example.com", quay.io]\n', []],
    ['trustedRegistries: []\n', []],
    ['trustedRegistries:\n', []],
    ['rules: {}\n', []],
  ];
  for (const [config, lines] of cases) {
    assert.deepEqual(untrustedLines(tempFolder({ '.container-standards.yaml': config, Dockerfile: DOCKERFILE })), lines, config);
  }
});

test('--config with a malformed option exits with 2 and names the key', () => {
  const folder = tempFolder({ 'bad.yaml': 'trustedRegistries: registry.example.com\n', Dockerfile: DOCKERFILE });
  const run = runCli(['lint', '--config', 'bad.yaml', 'Dockerfile'], folder);
  assert.equal(run.status, 2);
  assert.equal(run.stdout, '');
  assert.match(run.stderr, /bad\.yaml: "trustedRegistries" must be a list of strings\n/);
});
