// Entry of the in-editor suite. Two hosts run it:
// - @vscode/test-electron (`npm run test:vscode`) loads this bundle as extensionTestsPath and calls `run()`;
// - the dev-only runner extension (test/vscode/runner-extension/) calls `runSuite()` inside code-server (`npm run test:e2e`).
// Either way the results go as JSON to the file named by CONTAINER_STANDARDS_TEST_RESULTS, when it is set.
import * as vscode from 'vscode';
import { formatScenarios } from './formatScenarios';
import { cleanUp } from './helpers';
import { describeError, runScenarios, writeResults, type SuiteResults } from './runner';
import { scenarios } from './scenarios';
import { workspaceScenarios } from './workspaceScenarios';

export const RESULTS_ENV = 'CONTAINER_STANDARDS_TEST_RESULTS';

export async function runSuite(log: (line: string) => void = (line) => console.log(line)): Promise<SuiteResults> {
  const editor = `${vscode.version} (${vscode.env.appName})`;
  let results: SuiteResults;
  try {
    results = await runScenarios(editor, [...scenarios, ...workspaceScenarios, ...formatScenarios], log);
  } finally {
    await cleanUp().catch((error) => log(`clean-up failed: ${describeError(error)}`));
  }
  const file = process.env[RESULTS_ENV];
  if (file) writeResults(file, results);
  return results;
}

/** The @vscode/test-electron entry: rejects when a scenario failed, so VS Code exits non-zero. */
export async function run(): Promise<void> {
  const results = await runSuite();
  console.log(`${results.passed} passed, ${results.failed} failed`);
  if (results.failed > 0) throw new Error(`${results.failed} in-editor scenario(s) failed`);
}
