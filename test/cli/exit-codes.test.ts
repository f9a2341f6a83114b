// Exit codes of `lint`: 0 clean, 1 over the threshold, 2 for bad usage or a bad config (message on stderr).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { lintJson, runCli, tempFolder } from '../helpers/cli';

// bitnami/node runs as a non-root user and is not a full language image, so with a HEALTHCHECK and an exec-form CMD
// a Dockerfile on it has no findings; each fixture adds only the findings its cases count.
const files = {
  'clean.Dockerfile': 'FROM bitnami/node:22\nHEALTHCHECK CMD ["node", "healthcheck.js"]\nCMD ["node", "server.js"]\n',
  // Exactly two findings, both warnings: dockerfile/latest-tag and dockerfile/shell-form-cmd.
  'warnings.Dockerfile': 'FROM bitnami/node:latest\nHEALTHCHECK CMD ["node", "healthcheck.js"]\nCMD node server.js\n',
  // Exactly one finding, at info level: dockerfile/missing-healthcheck.
  'info.Dockerfile': 'FROM bitnami/node:22\nCMD ["node", "server.js"]\n',
  // Exactly one finding: the error dockerfile/syntax reports for an unknown instruction.
  'error.Dockerfile': 'FROM bitnami/node:22\nRUNN npm ci\nHEALTHCHECK CMD ["node", "healthcheck.js"]\nCMD ["node", "server.js"]\n',
  // Exactly one finding: the dockerfile/latest-tag warning, which the configs below switch off or raise.
  'latest.Dockerfile': 'FROM bitnami/node:latest\nHEALTHCHECK CMD ["node", "healthcheck.js"]\nCMD ["node", "server.js"]\n',
  'latest-off.yaml': 'rules:\n  dockerfile/latest-tag: off\n',
  'latest-error-by-alias.yaml': 'rules:\n  hadolint:DL3007: error\n',
  'not-yaml.yaml': 'rules: [\n',
  'bad-severity.yaml': 'rules:\n  dockerfile/latest-tag: loud\n',
  'unknown-rule.yaml': 'rules:\n  dockerfile/latest-tags: off\n',
  'wrong-types.yaml': 'trustedRegistries: ghcr.io\n',
  'project/.container-standards.yaml': 'rules:\n  dockerfile/latest-tag: loud\n',
  'project/Dockerfile': 'FROM node:20\n',
};

test('the exit code follows the findings, --max-warnings and --config', async (t) => {
  const folder = tempFolder(files);
  const cases: { args: string[]; status: number }[] = [
    { args: ['clean.Dockerfile'], status: 0 },
    { args: ['warnings.Dockerfile'], status: 0 },
    { args: ['error.Dockerfile'], status: 1 },
    { args: ['--max-warnings', '1', 'warnings.Dockerfile'], status: 1 },
    { args: ['--max-warnings', '2', 'warnings.Dockerfile'], status: 0 },
    { args: ['--max-warnings=0', 'clean.Dockerfile'], status: 0 },
    // Only warnings count against --max-warnings.
    { args: ['--max-warnings', '0', 'info.Dockerfile'], status: 0 },
    { args: ['--config', 'latest-error-by-alias.yaml', 'latest.Dockerfile'], status: 1 },
    { args: ['--config', 'latest-off.yaml', '--max-warnings', '0', 'latest.Dockerfile'], status: 0 },
  ];
  for (const { args, status } of cases) {
    await t.test(`lint ${args.join(' ')}`, () => {
      const run = runCli(['lint', ...args], folder);
      assert.equal(run.stderr, '');
      assert.equal(run.status, status, run.stdout);
    });
  }
});

test('--config severities apply by rule id and by alias', () => {
  const folder = tempFolder(files);
  const findings = (config: string) => lintJson(['--config', config, 'latest.Dockerfile'], folder).files[0]?.diagnostics;
  assert.deepEqual(findings('latest-off.yaml'), []);
  assert.deepEqual(
    findings('latest-error-by-alias.yaml')?.map(({ rule, severity }) => ({ rule, severity })),
    [{ rule: 'dockerfile/latest-tag', severity: 'error' }],
  );
});

test('bad usage and bad configs exit with 2 and say why on stderr', async (t) => {
  const folder = tempFolder(files);
  const cases: { args: string[]; stderr: RegExp }[] = [
    { args: [], stderr: /Usage:/ },
    { args: ['frobnicate'], stderr: /Unknown command "frobnicate"/ },
    { args: ['lint'], stderr: /Name at least one file or folder/ },
    { args: ['lint', 'missing.Dockerfile'], stderr: /No such file or folder: missing\.Dockerfile/ },
    { args: ['lint', '--format', 'xml', 'clean.Dockerfile'], stderr: /Unknown --format "xml"/ },
    { args: ['lint', '--bogus', 'clean.Dockerfile'], stderr: /Unknown option '--bogus'/ },
    { args: ['lint', '--max-warnings', 'many', 'clean.Dockerfile'], stderr: /--max-warnings takes a whole number, not "many"/ },
    { args: ['lint', '--max-warnings', '1.5', 'clean.Dockerfile'], stderr: /--max-warnings takes a whole number/ },
    { args: ['lint', '--max-warnings=-1', 'clean.Dockerfile'], stderr: /--max-warnings takes a whole number/ },
    { args: ['lint', '--max-warnings=', 'clean.Dockerfile'], stderr: /--max-warnings takes a whole number/ },
    { args: ['lint', '--config', 'missing.yaml', 'clean.Dockerfile'], stderr: /Cannot read the config file .*missing\.yaml/ },
    { args: ['lint', '--config', 'not-yaml.yaml', 'clean.Dockerfile'], stderr: /not-yaml\.yaml: not valid YAML/ },
    { args: ['lint', '--config', 'bad-severity.yaml', 'clean.Dockerfile'], stderr: /bad-severity\.yaml: rule "dockerfile\/latest-tag" has severity "loud"/ },
    {
      args: ['lint', '--config', 'unknown-rule.yaml', 'clean.Dockerfile'],
      stderr: /unknown-rule\.yaml: "dockerfile\/latest-tags" is not the id or alias of any Container Standards rule; did you mean "dockerfile\/latest-tag"\?/,
    },
    { args: ['lint', '--config', 'wrong-types.yaml', 'clean.Dockerfile'], stderr: /wrong-types\.yaml: "trustedRegistries" must be a list of strings/ },
    { args: ['lint', 'project'], stderr: /project\/\.container-standards\.yaml: rule "dockerfile\/latest-tag" has severity "loud"/ },
    { args: ['rules', '--format', 'xml'], stderr: /Unknown --format "xml"/ },
  ];
  for (const { args, stderr } of cases) {
    await t.test(args.join(' ') || '(no arguments)', () => {
      const run = runCli(args, folder);
      assert.equal(run.status, 2);
      assert.equal(run.stdout, '');
      assert.match(run.stderr, stderr);
    });
  }
});
