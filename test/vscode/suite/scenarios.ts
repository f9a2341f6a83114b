// The in-editor scenarios: real documents in a real workspace, the real extension and language server, asserted
// through the public `vscode` API only (what a user sees: diagnostics, quick fixes, settings, commands).
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import {
  applyAction,
  cliFindings,
  copyExample,
  describeFindings,
  example,
  EXTENSION_ID,
  lineOf,
  openFile,
  openFixture,
  only,
  ours,
  quickFixes,
  replaceOnce,
  ruleId,
  waitFor,
  waitForNoProblems,
  waitForRules,
} from './helpers';
import { fixScenarios } from './fixScenarios';
import type { Scenario } from './runner';
import { uxScenarios } from './uxScenarios';

const DISABLE = 'container-standards-disable-next-line';
const RESTART_COMMAND = 'containerStandards.restartServer';

/** The seed Dockerfile made worse: a `latest` base image, no USER, and a shell-form CMD. */
export function dockerfileVariant(): string {
  let text = example('seed/Dockerfile');
  text = replaceOnce(text, 'FROM node:18-alpine AS production', 'FROM node:latest AS production');
  text = replaceOnce(text, '\nUSER node\n', '\n');
  return replaceOnce(text, 'CMD ["npm", "start"]', 'CMD npm start');
}

const DOCKERFILE_RULES = ['dockerfile/shell-form-cmd', 'dockerfile/latest-tag', 'dockerfile/no-user'];

async function updateRules(value: Record<string, string> | undefined): Promise<void> {
  await vscode.workspace.getConfiguration('containerStandards').update('rules', value, vscode.ConfigurationTarget.Workspace);
}

async function updateTrustedRegistries(value: string[] | undefined): Promise<void> {
  await vscode.workspace.getConfiguration('containerStandards').update('trustedRegistries', value, vscode.ConfigurationTarget.Workspace);
}

/**
 * Copies examples/<folder>, opens each file the CLI reports on, and asserts the editor shows exactly the CLI's
 * findings (rule, position, severity), from every source; the scenarios run with the default settings.
 */
async function assertShowsWhatTheCliReports(folder: string): Promise<string[]> {
  const expected = cliFindings(folder);
  assert.ok(expected.size > 0, `the CLI found no container files in examples/${folder}`);
  const copy = await copyExample(folder);
  for (const [path, { kind, findings }] of expected) {
    const document = await openFile(vscode.Uri.joinPath(copy, path.slice(folder.length + 1)));
    if (findings.length === 0) {
      await waitForNoProblems(document, kind);
      continue;
    }
    await waitFor(
      () => `${path}: exactly what the CLI reports:\n  ${findings.join('\n  ')}\nthe editor shows:\n  ${describeFindings(document.uri).join('\n  ')}`,
      () => JSON.stringify(describeFindings(document.uri).sort()) === JSON.stringify([...findings].sort()),
    );
  }
  return [...expected.values()].flatMap((file) => file.findings);
}

export const scenarios: Scenario[] = [
  {
    name: 'extension: installed, active, restart command registered',
    async run() {
      const extension = vscode.extensions.getExtension(EXTENSION_ID);
      assert.ok(extension, `${EXTENSION_ID} is not installed`);
      await extension.activate();
      assert.equal(extension.isActive, true);
      const commands = await vscode.commands.getCommands(true);
      assert.ok(commands.includes(RESTART_COMMAND), `${RESTART_COMMAND} is not registered`);
    },
  },
  {
    name: 'defaults: every rule option setting is unset (null), so the editor sends no value that would hide the config file',
    async run() {
      const setting = vscode.workspace.getConfiguration('containerStandards').inspect('trustedRegistries');
      assert.ok(setting, 'containerStandards.trustedRegistries is not contributed');
      assert.deepEqual([setting.defaultValue, setting.globalValue, setting.workspaceValue], [null, undefined, undefined]);
    },
  },
  {
    name: 'defaults: examples/clean/ shows no problem in any file, as the CLI reports',
    async run() {
      assert.deepEqual(await assertShowsWhatTheCliReports('clean'), [], 'the CLI reports findings in examples/clean/');
      // Still none once every file is open and checked (cross-file rules re-check the others).
      for (const document of vscode.workspace.textDocuments.filter((candidate) => candidate.uri.path.includes('/container-standards-suite/clean/')))
        assert.deepEqual(describeFindings(document.uri), [], document.uri.path);
    },
  },
  {
    name: 'defaults: examples/seed/ shows exactly the findings of `container-standards lint --format json examples/seed`',
    async run() {
      assert.notDeepEqual(await assertShowsWhatTheCliReports('seed'), [], 'the CLI reports nothing in examples/seed/');
    },
  },
  {
    name: `diagnostics: Dockerfile shows ${DOCKERFILE_RULES.join(', ')}`,
    async run() {
      const document = await openFixture('diagnostics/Dockerfile', dockerfileVariant());
      assert.equal(document.languageId, 'dockerfile');
      const diagnostics = await waitForRules(document.uri, DOCKERFILE_RULES);
      const shellForm = only(diagnostics, 'dockerfile/shell-form-cmd');
      assert.deepEqual([shellForm.range.start.line, shellForm.range.start.character], [lineOf(document, 'CMD npm start'), 0]);
      assert.equal(shellForm.severity, vscode.DiagnosticSeverity.Warning);
      assert.match(shellForm.message, /shell form/);
      const latest = only(diagnostics, 'dockerfile/latest-tag');
      assert.equal(latest.range.start.line, lineOf(document, 'FROM node:latest'));
      // The rule id links to its documentation (LSP codeDescription → vscode `code.target`).
      assert.ok(typeof shellForm.code === 'object' && shellForm.code.target instanceof vscode.Uri, `code is ${JSON.stringify(shellForm.code)}`);
      assert.equal(shellForm.code.value, 'dockerfile/shell-form-cmd');
    },
  },
  {
    name: 'diagnostics: Compose file shows compose/obsolete-version',
    async run() {
      const document = await openFixture('diagnostics/docker-compose.yml', example('seed/docker-compose.yml'));
      const diagnostics = await waitForRules(document.uri, ['compose/obsolete-version']);
      assert.equal(only(diagnostics, 'compose/obsolete-version').range.start.line, 0);
    },
  },
  {
    name: 'diagnostics: Kubernetes manifest shows k8s/latest-tag',
    async run() {
      const document = await openFixture('diagnostics/k8s/deployment.yaml', example('seed/k8s/deployment.yaml'));
      assert.equal(document.languageId, 'yaml');
      const diagnostics = await waitForRules(document.uri, ['k8s/latest-tag']);
      const latest = only(diagnostics, 'k8s/latest-tag');
      assert.equal(latest.range.start.line, lineOf(document, 'image: app:latest'));
      assert.equal(document.getText(latest.range), 'app:latest');
    },
  },
  {
    name: 'hover: a finding says when its quick fix is offered and who applies it (dockerfile/latest-tag: editor only, never --fix)',
    async run() {
      const document = await openFixture('hover-fix/Dockerfile', dockerfileVariant());
      const diagnostics = await waitForRules(document.uri, ['dockerfile/latest-tag']);
      const at = only(diagnostics, 'dockerfile/latest-tag').range.start;
      const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', document.uri, at);
      const text = hovers.flatMap((hover) => hover.contents.map((content) => (typeof content === 'string' ? content : content.value))).join('\n');
      assert.ok(text.includes('*Quick fix:* when the image table knows current tags of the image'), text);
      assert.ok(text.includes('offered in the editor only, never applied by fix-all or `--fix`'), text);
    },
  },
  {
    name: 'quick fix: "Rewrite to exec form" rewrites the CMD and clears dockerfile/shell-form-cmd',
    async run() {
      const document = await openFixture('exec-form/Dockerfile', dockerfileVariant());
      const diagnostics = await waitForRules(document.uri, ['dockerfile/shell-form-cmd']);
      await applyAction(await quickFixes(document.uri, only(diagnostics, 'dockerfile/shell-form-cmd')), 'Rewrite to exec form');
      assert.equal(document.getText(), replaceOnce(dockerfileVariant(), 'CMD npm start', 'CMD ["npm", "start"]'));
      await waitForRules(document.uri, ['dockerfile/latest-tag'], ['dockerfile/shell-form-cmd']);
    },
  },
  {
    name: 'quick fix: "Add USER 1000" switches the final stage to the user the node image ships, by uid, and clears dockerfile/no-user',
    async run() {
      const document = await openFixture('add-user/Dockerfile', dockerfileVariant());
      const diagnostics = await waitForRules(document.uri, ['dockerfile/no-user']);
      await applyAction(await quickFixes(document.uri, only(diagnostics, 'dockerfile/no-user')), "Add USER 1000 (the image's user node)");
      assert.equal(document.getText(), replaceOnce(dockerfileVariant(), 'CMD npm start', 'USER 1000\nCMD npm start'));
      await waitForRules(document.uri, ['dockerfile/shell-form-cmd'], ['dockerfile/no-user']);
    },
  },
  {
    name: 'quick fix: deleting the Compose "version:" line clears compose/obsolete-version',
    async run() {
      const seed = example('seed/docker-compose.yml');
      const document = await openFixture('version/docker-compose.yml', seed);
      const diagnostics = await waitForRules(document.uri, ['compose/obsolete-version']);
      await applyAction(await quickFixes(document.uri, only(diagnostics, 'compose/obsolete-version')), 'Delete the obsolete "version" line');
      assert.equal(document.getText(), replaceOnce(seed, "version: '3.8'\n", ''));
      await waitFor(
        () => `compose/obsolete-version to disappear; now: ${ours(document.uri).map(ruleId).join(', ')}`,
        () => !ours(document.uri).some((diagnostic) => ruleId(diagnostic) === 'compose/obsolete-version'),
      );
    },
  },
  {
    name: 'settings: containerStandards.rules {"dockerfile/latest-tag": "off"} silences the rule, restoring brings it back',
    async run() {
      const dockerfile = await openFixture('settings/Dockerfile', dockerfileVariant());
      const manifest = await openFixture('settings/k8s/deployment.yaml', example('seed/k8s/deployment.yaml'));
      await waitForRules(dockerfile.uri, ['dockerfile/latest-tag', 'dockerfile/shell-form-cmd']);
      await waitForRules(manifest.uri, ['k8s/latest-tag']);
      try {
        await updateRules({ 'dockerfile/latest-tag': 'off' });
        await waitForRules(dockerfile.uri, ['dockerfile/shell-form-cmd'], ['dockerfile/latest-tag']);
        // Only the named rule is off: the Kubernetes rule of the same name family still reports.
        await waitForRules(manifest.uri, ['k8s/latest-tag']);
        await updateRules({ 'dockerfile/latest-tag': 'error' });
        await waitFor(
          () => 'dockerfile/latest-tag back as an error',
          () =>
            ours(dockerfile.uri).find(
              (diagnostic) => ruleId(diagnostic) === 'dockerfile/latest-tag' && diagnostic.severity === vscode.DiagnosticSeverity.Error,
            ),
        );
      } finally {
        await updateRules(undefined);
      }
      const restored = await waitFor(
        () => 'dockerfile/latest-tag back as a warning after the setting was removed',
        () =>
          ours(dockerfile.uri).find(
            (diagnostic) => ruleId(diagnostic) === 'dockerfile/latest-tag' && diagnostic.severity === vscode.DiagnosticSeverity.Warning,
          ),
      );
      assert.ok(restored);
    },
  },
  {
    name: 'settings: containerStandards.trustedRegistries ["registry.example.com"] reports the seed images, [] and unset report none',
    async run() {
      const document = await openFixture('trusted/Dockerfile', example('seed/Dockerfile'));
      const untrustedLines = () =>
        ours(document.uri)
          .filter((diagnostic) => ruleId(diagnostic) === 'dockerfile/untrusted-registry')
          .map((diagnostic) => diagnostic.range.start.line);
      await waitForRules(document.uri, ['dockerfile/npm-omit-dev'], ['dockerfile/untrusted-registry']);
      const fromLines = document
        .getText()
        .split('\n')
        .flatMap((line, index) => (line.startsWith('FROM ') ? [index] : []));
      try {
        await updateTrustedRegistries(['registry.example.com']);
        await waitFor(
          () => `dockerfile/untrusted-registry on the FROM lines ${fromLines.join(', ')}; now on ${untrustedLines().join(', ')}`,
          () => JSON.stringify(untrustedLines()) === JSON.stringify(fromLines),
        );
        await updateTrustedRegistries([]);
        await waitForRules(document.uri, ['dockerfile/npm-omit-dev'], ['dockerfile/untrusted-registry']);
        await updateTrustedRegistries(['registry.example.com']);
        await waitForRules(document.uri, ['dockerfile/untrusted-registry']);
      } finally {
        await updateTrustedRegistries(undefined);
      }
      await waitForRules(document.uri, ['dockerfile/npm-omit-dev'], ['dockerfile/untrusted-registry']);
    },
  },
  {
    name: 'disable comment: "Disable dockerfile/latest-tag for this line" writes the exact comment and clears it',
    async run() {
      const document = await openFixture('disable/Dockerfile', dockerfileVariant());
      const diagnostics = await waitForRules(document.uri, ['dockerfile/latest-tag']);
      await applyAction(await quickFixes(document.uri, only(diagnostics, 'dockerfile/latest-tag')), 'Disable dockerfile/latest-tag for this line');
      assert.equal(
        document.getText(),
        replaceOnce(dockerfileVariant(), 'FROM node:latest AS production', `# ${DISABLE} dockerfile/latest-tag\nFROM node:latest AS production`),
      );
      await waitForRules(document.uri, ['dockerfile/shell-form-cmd'], ['dockerfile/latest-tag']);
    },
  },
  {
    name: 'disable comment: "Disable k8s/latest-tag for this line" in a manifest keeps the indentation and clears it',
    async run() {
      const seed = example('seed/k8s/deployment.yaml');
      const document = await openFixture('disable/k8s/deployment.yaml', seed);
      const diagnostics = await waitForRules(document.uri, ['k8s/latest-tag']);
      await applyAction(await quickFixes(document.uri, only(diagnostics, 'k8s/latest-tag')), 'Disable k8s/latest-tag for this line');
      assert.equal(
        document.getText(),
        replaceOnce(seed, '          image: app:latest\n', `          # ${DISABLE} k8s/latest-tag\n          image: app:latest\n`),
      );
      await waitFor(
        () => `k8s/latest-tag to disappear; now: ${ours(document.uri).map(ruleId).join(', ')}`,
        () => !ours(document.uri).some((diagnostic) => ruleId(diagnostic) === 'k8s/latest-tag'),
      );
    },
  },
  {
    name: 'command: "Container Standards: Restart Language Server" restarts it and diagnostics come back',
    async run() {
      const document = await openFixture('restart/Dockerfile', dockerfileVariant());
      await waitForRules(document.uri, ['dockerfile/shell-form-cmd']);
      let cleared = false;
      const watcher = vscode.languages.onDidChangeDiagnostics(() => {
        if (ours(document.uri).length === 0) cleared = true;
      });
      try {
        await vscode.commands.executeCommand(RESTART_COMMAND);
        await waitForRules(document.uri, DOCKERFILE_RULES);
      } finally {
        watcher.dispose();
      }
      assert.ok(cleared, 'the diagnostics were never cleared, so the server did not really restart');
      // The new server answers: an edit adds a finding, and code actions come from it.
      const builder = lineOf(document, 'FROM node:18-alpine AS builder');
      const edit = new vscode.WorkspaceEdit();
      edit.replace(document.uri, new vscode.Range(builder, 5, builder, 19), 'node:latest');
      assert.equal(await vscode.workspace.applyEdit(edit), true);
      const diagnostics = await waitFor(
        () => `dockerfile/latest-tag on line ${builder + 1} after the edit`,
        () => {
          const all = ours(document.uri);
          return all.some((diagnostic) => ruleId(diagnostic) === 'dockerfile/latest-tag' && diagnostic.range.start.line === builder) ? all : undefined;
        },
      );
      const titles = (await quickFixes(document.uri, only(diagnostics, 'dockerfile/shell-form-cmd'))).map((action) => action.title);
      assert.ok(
        titles.some((title) => title.startsWith('Rewrite to exec form')),
        `offered: ${JSON.stringify(titles)}`,
      );
    },
  },
  ...fixScenarios,
  ...uxScenarios,
];
