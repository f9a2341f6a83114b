// Helpers of the in-editor suite: fixture files in the workspace folder, waiting for diagnostics without fixed
// sleeps, and code actions through the real `vscode` API.
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as vscode from 'vscode';

/** Set by the bundler (test/vscode/bundle.mjs): the repository the suite was built from, for examples/. */
declare const __CONTAINER_STANDARDS_REPO__: string;

export const EXTENSION_ID = 'container-standards.container-standards';
export const SOURCE = 'container-standards';
/** How long one wait for the editor may take (it usually takes well under a second; the first also covers the server's start). */
export const TIMEOUT_MS = 15_000;
const POLL_MS = 50;
/** Between runs of an asynchronous probe, which may run a command each time. */
const ASYNC_POLL_MS = 250;

export function repoRoot(): string {
  return process.env.CONTAINER_STANDARDS_REPO ?? __CONTAINER_STANDARDS_REPO__;
}

export function example(path: string): string {
  return readFileSync(join(repoRoot(), 'examples', path), 'utf8');
}

/** `text` with `search` replaced; fails when `search` is not there exactly once, so fixtures never drift silently. */
export function replaceOnce(text: string, search: string, replacement: string): string {
  const at = text.indexOf(search);
  assert.ok(at >= 0 && text.indexOf(search, at + 1) < 0, `expected exactly one ${JSON.stringify(search)} in:\n${text}`);
  return text.slice(0, at) + replacement + text.slice(at + search.length);
}

/** The suite's folder inside the first workspace folder; removed by `cleanUp`. */
export function suiteFolder(): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  assert.ok(folder, 'the suite needs a workspace folder (open one: code-server ?folder=…, or a folder in launchArgs)');
  return vscode.Uri.joinPath(folder.uri, 'container-standards-suite');
}

/** Writes a fixture under the suite folder, opens it in an editor and returns its document. */
export async function openFixture(path: string, text: string): Promise<vscode.TextDocument> {
  const uri = vscode.Uri.joinPath(suiteFolder(), path);
  await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(text));
  const document = await vscode.workspace.openTextDocument(uri);
  await vscode.window.showTextDocument(document, { preview: false });
  assert.equal(document.getText(), text);
  return document;
}

/** Saves what the suite edited (so closing prompts for nothing), closes every editor, deletes the fixtures. */
export async function cleanUp(): Promise<void> {
  for (const document of vscode.workspace.textDocuments) if (document.isDirty) await document.save();
  await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  await vscode.workspace.fs.delete(suiteFolder(), { recursive: true, useTrash: false }).then(undefined, () => undefined);
}

export function ruleId(diagnostic: vscode.Diagnostic): string | undefined {
  const code = diagnostic.code;
  if (code === undefined) return undefined;
  return typeof code === 'object' ? String(code.value) : String(code);
}

/** Our diagnostics of a document, as the editor shows them. */
export function ours(uri: vscode.Uri): vscode.Diagnostic[] {
  return vscode.languages.getDiagnostics(uri).filter((diagnostic) => diagnostic.source === SOURCE);
}

export function describeDiagnostics(uri: vscode.Uri): string {
  const all = vscode.languages.getDiagnostics(uri);
  if (all.length === 0) return '(none)';
  return all.map((d) => `${d.source ?? '?'} ${ruleId(d) ?? '?'} @${d.range.start.line + 1}:${d.range.start.character + 1} ${d.message}`).join('\n  ');
}

/**
 * Resolves with `probe()`'s first truthy value: checked now, on every diagnostics change and every 50 ms (for
 * state that raises no event), until `timeoutMs`; then fails with `describe()`.
 */
export function waitFor<T>(describe: () => string, probe: () => T | undefined | null | false, timeoutMs = TIMEOUT_MS): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const started = Date.now();
    let done = false;
    const finish = (settle: () => void) => {
      done = true;
      clearInterval(interval);
      subscription.dispose();
      settle();
    };
    const check = () => {
      if (done) return;
      let value: T | undefined | null | false;
      try {
        value = probe();
      } catch (error) {
        finish(() => reject(error));
        return;
      }
      if (value) finish(() => resolve(value as T));
      else if (Date.now() - started > timeoutMs) finish(() => reject(new Error(`Timed out after ${timeoutMs} ms waiting for ${describe()}`)));
    };
    const interval = setInterval(check, POLL_MS);
    const subscription = vscode.languages.onDidChangeDiagnostics(check);
    check();
  });
}

/** Polls an asynchronous `probe` (a command, a file stat) until it holds, or fails with `describe()` after `timeoutMs`. */
export async function pollUntil(describe: () => string, probe: () => Promise<boolean>, timeoutMs = TIMEOUT_MS): Promise<void> {
  const started = Date.now();
  while (!(await probe())) {
    if (Date.now() - started > timeoutMs) throw new Error(`Timed out after ${timeoutMs} ms waiting for ${describe()}`);
    await new Promise((resolve) => setTimeout(resolve, ASYNC_POLL_MS));
  }
}

/**
 * Waits until the document's diagnostics hold every rule in `present` and none in `absent`; returns ours.
 * Other rules may come and go: the rule set grows, and these scenarios are about the rules they name.
 */
export function waitForRules(
  uri: vscode.Uri,
  present: readonly string[],
  absent: readonly string[] = [],
  timeoutMs = TIMEOUT_MS,
): Promise<vscode.Diagnostic[]> {
  return waitFor(
    () => `${uri.path}: rules [${present.join(', ')}] present and [${absent.join(', ')}] absent; diagnostics now:\n  ${describeDiagnostics(uri)}`,
    () => {
      const diagnostics = ours(uri);
      const ids = new Set(diagnostics.map(ruleId));
      return present.every((id) => ids.has(id)) && absent.every((id) => !ids.has(id)) ? diagnostics : undefined;
    },
    timeoutMs,
  );
}

export function only(diagnostics: readonly vscode.Diagnostic[], id: string): vscode.Diagnostic {
  const matching = diagnostics.filter((diagnostic) => ruleId(diagnostic) === id);
  assert.equal(matching.length, 1, `expected one ${id} diagnostic, got ${matching.length}`);
  return matching[0]!;
}

/** The quick fixes the editor offers for a diagnostic (what Ctrl+. lists), as code actions. */
export async function quickFixes(uri: vscode.Uri, diagnostic: vscode.Diagnostic): Promise<vscode.CodeAction[]> {
  const actions = await vscode.commands.executeCommand<(vscode.CodeAction | vscode.Command)[]>(
    'vscode.executeCodeActionProvider',
    uri,
    diagnostic.range,
    vscode.CodeActionKind.QuickFix.value,
  );
  // A bare Command has a string `command`; a CodeAction has none or a Command object there.
  return (actions ?? []).filter((action): action is vscode.CodeAction => typeof action.command !== 'string');
}

/** Applies the edit of the action whose title starts with `titlePrefix`; fails listing the titles offered otherwise. */
export async function applyAction(actions: readonly vscode.CodeAction[], titlePrefix: string): Promise<vscode.CodeAction> {
  const action = actions.find((candidate) => candidate.title.startsWith(titlePrefix));
  assert.ok(action, `no code action titled "${titlePrefix}…"; offered: ${JSON.stringify(actions.map((candidate) => candidate.title))}`);
  assert.ok(action.edit, `the action "${action.title}" carries no edit`);
  assert.equal(await vscode.workspace.applyEdit(action.edit), true, `the editor refused the edit of "${action.title}"`);
  return action;
}

export function lineOf(document: vscode.TextDocument, text: string): number {
  const lines = document.getText().split(/\r?\n/);
  const line = lines.findIndex((candidate) => candidate.includes(text));
  assert.ok(line >= 0, `no line containing ${JSON.stringify(text)}`);
  return line;
}

/** One finding as the CLI's `--format json` reports it (the fields compared with the editor). */
interface CliDiagnostic {
  rule: string;
  severity: 'error' | 'warning' | 'info' | 'hint';
  range: { start: { line: number; character: number } };
}

export type ContainerFileKind = 'dockerfile' | 'compose' | 'kubernetes';

export interface CliFileReport {
  kind: ContainerFileKind;
  /** As `describeFindings` describes the editor's. */
  findings: string[];
}

/**
 * `container-standards lint --format json examples/<folder>` run with the bundled CLI of the repository, as CI runs
 * it: per file (relative to examples/), its kind and findings.
 */
export function cliFindings(folder: string): Map<string, CliFileReport> {
  const cli = join(repoRoot(), 'dist', 'cli', 'main.js');
  // In VS Code's Electron the extension host's executable is Electron, which runs scripts as Node with this variable.
  const run = spawnSync(process.execPath, [cli, 'lint', '--format', 'json', join('examples', folder)], {
    cwd: repoRoot(),
    encoding: 'utf8',
    env: { ...process.env, ELECTRON_RUN_AS_NODE: '1' },
  });
  assert.ok(run.status === 0 || run.status === 1, `${cli} exited with ${run.status ?? run.signal ?? run.error}: ${run.stderr}`);
  const report = JSON.parse(run.stdout) as { files: { path: string; kind: ContainerFileKind; diagnostics: CliDiagnostic[] }[] };
  return new Map(
    report.files.map((file) => [
      file.path.replace(/^examples\//, ''),
      {
        kind: file.kind,
        findings: file.diagnostics.map((finding) => `${finding.rule} ${finding.range.start.line + 1}:${finding.range.start.character + 1} ${finding.severity}`),
      },
    ]),
  );
}

const SEVERITY_NAMES: Record<vscode.DiagnosticSeverity, CliDiagnostic['severity']> = {
  [vscode.DiagnosticSeverity.Error]: 'error',
  [vscode.DiagnosticSeverity.Warning]: 'warning',
  [vscode.DiagnosticSeverity.Information]: 'info',
  [vscode.DiagnosticSeverity.Hint]: 'hint',
};

/** Every diagnostic of the document, whoever reported it, in the terms of `cliFindings`. */
export function describeFindings(uri: vscode.Uri): string[] {
  return vscode.languages
    .getDiagnostics(uri)
    .map(
      (diagnostic) =>
        `${ruleId(diagnostic) ?? diagnostic.source} ${diagnostic.range.start.line + 1}:${diagnostic.range.start.character + 1} ${SEVERITY_NAMES[diagnostic.severity]}`,
    );
}

/** Copies examples/<folder> (every file, .dockerignore too) into the suite folder and returns where. */
export async function copyExample(folder: string): Promise<vscode.Uri> {
  const target = vscode.Uri.joinPath(suiteFolder(), folder);
  await vscode.workspace.fs.copy(vscode.Uri.file(join(repoRoot(), 'examples', folder)), target, { overwrite: true });
  return target;
}

/** Opens a file in an editor, as a user would from the explorer. */
export async function openFile(uri: vscode.Uri): Promise<vscode.TextDocument> {
  const document = await vscode.workspace.openTextDocument(uri);
  await vscode.window.showTextDocument(document, { preview: false });
  return document;
}

async function replaceText(document: vscode.TextDocument, text: string): Promise<void> {
  const edit = new vscode.WorkspaceEdit();
  edit.replace(document.uri, new vscode.Range(document.positionAt(0), document.positionAt(document.getText().length)), text);
  assert.equal(await vscode.workspace.applyEdit(edit), true, `the editor refused to edit ${document.uri.path}`);
}

/**
 * A change of a clean file that some rule reports for sure: an obsolete Compose `version`, a container allowed to
 * escalate its privileges, images retagged `latest` (not in manifests: the workspace's compose file builds their
 * image, and what the workspace builds is tagged when it is deployed).
 */
function withKnownProblem(kind: ContainerFileKind, text: string): string {
  if (kind === 'compose') return `version: '3.8'\n${text}`;
  if (kind === 'kubernetes') return text.replace(/allowPrivilegeEscalation: false/g, 'allowPrivilegeEscalation: true');
  return text.replace(/^(\s*(?:FROM\s+|-?\s*image:\s*)[\w./-]+:)[\w.-]+/gm, '$1latest');
}

/**
 * Waits until the editor shows no problem at all for a document the server may not have checked yet: an empty list
 * means nothing until the server has answered for the document. So the text is changed first in a way some rule
 * reports, which must bring findings (the server has the document), then restored, after which the list must
 * empty (the server has checked the original text).
 */
export async function waitForNoProblems(document: vscode.TextDocument, kind: ContainerFileKind): Promise<void> {
  const original = document.getText();
  const changed = withKnownProblem(kind, original);
  assert.notEqual(changed, original, `${document.uri.path}: nothing to change that a rule reports; the wait needs it`);
  await replaceText(document, changed);
  await waitFor(
    () => `${document.uri.path}: findings for the changed text; diagnostics now:\n  ${describeDiagnostics(document.uri)}`,
    () => vscode.languages.getDiagnostics(document.uri).length > 0,
  );
  await replaceText(document, original);
  await waitFor(
    () => `${document.uri.path}: no problems, as the CLI reports none; diagnostics now:\n  ${describeDiagnostics(document.uri)}`,
    () => vscode.languages.getDiagnostics(document.uri).length === 0,
  );
}
