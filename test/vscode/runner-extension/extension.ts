// Dev-only runner extension for code-server, which has no --extensionTestsPath: it activates once the workbench has
// started (after the extension it depends on), runs the in-editor suite and writes the results file the harness
// (test/vscode/e2e.mjs) waits for, once per run. Failures to even start the suite are written as a failed scenario.
import { existsSync } from 'node:fs';
import * as vscode from 'vscode';
import { RESULTS_ENV, runSuite } from '../suite/index';
import { describeError, writeResults } from '../suite/runner';

export function activate(context: vscode.ExtensionContext): void {
  const output = vscode.window.createOutputChannel('Container Standards e2e');
  context.subscriptions.push(output);
  const log = (line: string) => output.appendLine(line);
  // Once per run: the harness reloads the window for the screenshots, which activates this extension again.
  const resultsFile = process.env[RESULTS_ENV];
  if (resultsFile && existsSync(resultsFile)) {
    log(`The suite has run (${resultsFile}); not again in the reloaded window.`);
    return;
  }
  log(`Running the in-editor suite; results to ${resultsFile ?? `(no file: set ${RESULTS_ENV})`}`);
  void runSuite(log).catch((error) => {
    log(`The suite did not run: ${describeError(error)}`);
    if (!resultsFile) return;
    writeResults(resultsFile, {
      editor: `${vscode.version} (${vscode.env.appName})`,
      startedAt: new Date().toISOString(),
      durationMs: 0,
      passed: 0,
      failed: 1,
      scenarios: [{ name: 'suite: start', status: 'fail', error: describeError(error), durationMs: 0 }],
    });
  });
}

export function deactivate(): void {}
