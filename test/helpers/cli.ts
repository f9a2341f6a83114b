// Runs the bundled CLI (dist/cli/main.js) as a child process, the way CI and `npx container-standards` do.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { after } from 'node:test';

export const repoRoot = resolve(__dirname, '../..');
const cliPath = join(repoRoot, 'dist/cli/main.js');

export interface CliRun {
  status: number | null;
  stdout: string;
  stderr: string;
}

/** spawnSync's default of 1 MiB is too small for the JSON report of the whole corpus (some 2.5 MB). */
const MAX_OUTPUT_BYTES = 64 * 1024 * 1024;

export function runCli(args: readonly string[], cwd: string): CliRun {
  assert.ok(existsSync(cliPath), `${cliPath} is missing: run node esbuild.mjs`);
  const result = spawnSync(process.execPath, [cliPath, ...args], { cwd, encoding: 'utf8', maxBuffer: MAX_OUTPUT_BYTES });
  if (result.error) throw result.error;
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** The `--format json` report of the CLI contract. */
export interface JsonReport {
  version: number;
  files: {
    path: string;
    kind: string;
    diagnostics: {
      rule: string;
      aliases: string[];
      severity: string;
      message: string;
      range: { start: { line: number; character: number }; end: { line: number; character: number } };
      fixable: boolean;
    }[];
  }[];
}

/** `lint --format json ...args`; asserts a clean run (exit 0 or 1, nothing on stderr) and parses the report. */
export function lintJson(args: readonly string[], cwd: string): JsonReport {
  const run = runCli(['lint', '--format', 'json', ...args], cwd);
  assert.equal(run.stderr, '', 'stderr');
  assert.ok(run.status === 0 || run.status === 1, `exit code ${run.status}`);
  return JSON.parse(run.stdout) as JsonReport;
}

/** A fresh temp folder holding `files` (relative path → content), removed after the test file ends. */
export function tempFolder(files: Readonly<Record<string, string>> = {}): string {
  const folder = mkdtempSync(join(tmpdir(), 'container-standards-test-'));
  after(() => rmSync(folder, { recursive: true, force: true }));
  for (const [path, text] of Object.entries(files)) writeFile(join(folder, path), text);
  return folder;
}

export function writeFile(path: string, text: string): void {
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, text);
}
