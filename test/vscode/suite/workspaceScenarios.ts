// Lint Workspace, Fix Workspace… and the Problems panel for files nobody opened, through the `vscode` API.
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as vscode from 'vscode';
import { cliFindings, describeFindings, pollUntil, repoRoot, suiteFolder, waitFor } from './helpers';
import type { Scenario } from './runner';

const SEED_FILES = ['Dockerfile', 'docker-compose.yml', 'k8s/deployment.yaml'];

interface Summary {
  filesChecked: number;
  files: { path: string; findings: { line: number; ruleId: string; fixable: boolean }[] }[];
}

/**
 * Writes a copy of examples/seed file by file, as an editor or a `git checkout` would: each file then reaches the
 * server through the file watcher (a folder copied whole is one event for a folder the watcher's glob does not match).
 */
async function copySeed(name: string): Promise<vscode.Uri> {
  const target = vscode.Uri.joinPath(suiteFolder(), name);
  const seed = join(repoRoot(), 'examples', 'seed');
  for (const path of SEED_FILES) await vscode.workspace.fs.writeFile(vscode.Uri.joinPath(target, path), readFileSync(join(seed, path)));
  return target;
}

/** What the CLI reports in a copy of examples/seed after `lint --fix`, per file (`rule line:character severity`). */
function cliFindingsAfterFix(): Map<string, string[]> {
  const copy = mkdtempSync(join(tmpdir(), 'container-standards-fix-'));
  try {
    cpSync(join(repoRoot(), 'examples', 'seed'), join(copy, 'seed'), { recursive: true });
    const cli = join(repoRoot(), 'dist', 'cli', 'main.js');
    const env = { ...process.env, ELECTRON_RUN_AS_NODE: '1' };
    spawnSync(process.execPath, [cli, 'lint', '--fix', 'seed'], { cwd: copy, encoding: 'utf8', env });
    const run = spawnSync(process.execPath, [cli, 'lint', '--format', 'json', 'seed'], { cwd: copy, encoding: 'utf8', env });
    const report = JSON.parse(run.stdout) as {
      files: { path: string; diagnostics: { rule: string; severity: string; range: { start: { line: number; character: number } } }[] }[];
    };
    return new Map(
      report.files.map((file) => [
        file.path.replace(/^seed\//, ''),
        file.diagnostics.map((finding) => `${finding.rule} ${finding.range.start.line + 1}:${finding.range.start.character + 1} ${finding.severity}`).sort(),
      ]),
    );
  } finally {
    rmSync(copy, { recursive: true, force: true });
  }
}

/** Waits until the Problems panel shows exactly `expected` for each file of `folder` (none of them open). */
async function waitForProblems(folder: vscode.Uri, expected: ReadonlyMap<string, readonly string[]>): Promise<void> {
  for (const [path, findings] of expected) {
    const uri = vscode.Uri.joinPath(folder, path);
    await waitFor(
      () => `${path}: the Problems panel shows\n  ${findings.join('\n  ')}\nbut shows\n  ${describeFindings(uri).join('\n  ')}`,
      () => JSON.stringify(describeFindings(uri).sort()) === JSON.stringify([...findings].sort()),
    );
  }
}

function seedFindings(): Map<string, string[]> {
  return new Map([...cliFindings('seed')].map(([path, { findings }]) => [path.replace(/^seed\//, ''), findings]));
}

async function updateScope(value: string | undefined): Promise<void> {
  await vscode.workspace.getConfiguration('containerStandards').update('diagnostics.scope', value, vscode.ConfigurationTarget.Workspace);
}

export const workspaceScenarios: Scenario[] = [
  {
    name: 'Problems panel: a copy of examples/seed/ nobody opens shows what the CLI reports (workspace diagnostics), and a deleted file is cleared',
    async run() {
      const folder = await copySeed('closed-files');
      await waitForProblems(folder, seedFindings());
      const dockerfile = vscode.Uri.joinPath(folder, 'Dockerfile');
      await vscode.workspace.fs.delete(dockerfile);
      await waitFor(
        () => `the deleted Dockerfile's findings to disappear; still shown: ${describeFindings(dockerfile).join(', ')}`,
        () => describeFindings(dockerfile).length === 0,
      );
    },
  },
  {
    name: 'command: "Lint Workspace" with the scope openFiles fills the Problems panel with a closed file\'s findings',
    async run() {
      await updateScope('openFiles');
      try {
        const folder = await copySeed('lint-workspace');
        const dockerfile = vscode.Uri.joinPath(folder, 'Dockerfile');
        assert.deepEqual(describeFindings(dockerfile), [], 'openFiles: a closed file shows nothing before Lint Workspace');
        // The copy reaches the server through the file watcher; the command is run again until it has all three files.
        let summary: Summary | undefined;
        await pollUntil(
          () => `Lint Workspace to check the three files of the copy; last summary: ${JSON.stringify(summary)}`,
          async () => {
            summary = (await vscode.commands.executeCommand('containerStandards.lintWorkspace', folder)) as Summary | undefined;
            return summary?.filesChecked === 3;
          },
        );
        await waitForProblems(folder, seedFindings());
      } finally {
        await updateScope(undefined);
      }
    },
  },
  {
    name: 'command: "Fix Workspace…" shows the refactor preview; applying it leaves exactly what `lint --fix` leaves in a copy of examples/seed/',
    async run() {
      const folder = await copySeed('fix-workspace');
      const dockerignore = vscode.Uri.joinPath(folder, '.dockerignore');
      const expected = cliFindingsAfterFix();
      // Once the copy's findings show, its files' change events are through: the preview would otherwise see the files
      // change under it and refuse to apply. Lint Workspace walks the folder again should the watcher have missed one.
      await pollUntil(
        () => 'Lint Workspace to check the three files of the copy',
        async () => ((await vscode.commands.executeCommand('containerStandards.lintWorkspace', folder)) as Summary | undefined)?.filesChecked === 3,
      );
      await waitForProblems(folder, seedFindings());
      const exists = (uri: vscode.Uri) =>
        vscode.workspace.fs.stat(uri).then(
          () => true,
          () => false,
        );
      let settled = false;
      const running = Promise.resolve(vscode.commands.executeCommand('containerStandards.fixWorkspace', folder)).finally(() => (settled = true));
      // The preview has the edit once it has made its preview models; until it is applied nothing changes on disk.
      const previewing = () => vscode.workspace.textDocuments.some((document) => document.uri.scheme === 'vscode-bulkeditpreview-editor');
      await pollUntil(
        () => 'the refactor preview to show the edit',
        async () => settled || previewing(),
      );
      assert.equal(settled, false, 'Fix Workspace… applied its edit without the refactor preview');
      assert.equal(await exists(dockerignore), false, 'nothing is written before the preview is applied');
      // Changes that need confirmation start unticked in VS Code's preview: tick each file (its changes follow), as a
      // user accepting them all would, then apply.
      await vscode.commands.executeCommand('list.focusFirst');
      for (let file = 0; file < 4; file++) {
        await vscode.commands.executeCommand('refactorPreview.toggleCheckedState');
        await vscode.commands.executeCommand('list.collapse');
        await vscode.commands.executeCommand('list.focusDown');
      }
      await vscode.commands.executeCommand('refactorPreview.apply');
      const outcome = (await running) as { changeCount: number; fileCount: number; applied: boolean; summary: Summary };
      assert.ok(outcome.applied && outcome.fileCount === 4, `the edit of 4 files applied: ${JSON.stringify(outcome)}`);
      const summary = outcome.summary;
      await vscode.workspace.saveAll(false);
      assert.ok(await exists(dockerignore), '.dockerignore is created with its content');
      assert.match(new TextDecoder().decode(await vscode.workspace.fs.readFile(dockerignore)), /\.git/);
      const left = new Map(
        summary.files.map((file) => [
          file.path.replace(/^.*fix-workspace\//, ''),
          file.findings.map((finding) => `${finding.ruleId} ${finding.line + 1}`).sort(),
        ]),
      );
      const expectedLeft = new Map(
        [...expected]
          .filter(([, findings]) => findings.length > 0)
          .map(([path, findings]) => [path, findings.map((finding) => finding.replace(/:\d+ \w+$/, '')).sort()]),
      );
      assert.deepEqual(left, expectedLeft, 'the summary lists what `lint --fix` leaves');
      await waitForProblems(folder, expected);
    },
  },
];
