// A tiny scenario runner for the in-editor suite: runs scenarios in order, times each, never stops at a failure,
// and writes the results as JSON (atomically, so a harness polling for the file never reads half of it).
import { mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';

export interface Scenario {
  name: string;
  run: () => Promise<void>;
}

export interface ScenarioResult {
  name: string;
  status: 'pass' | 'fail';
  error?: string;
  durationMs: number;
}

export interface SuiteResults {
  /** The editor that ran the suite, e.g. "1.100.3 (code-server)". */
  editor: string;
  startedAt: string;
  durationMs: number;
  passed: number;
  failed: number;
  scenarios: ScenarioResult[];
}

export async function runScenarios(editor: string, scenarios: readonly Scenario[], log: (line: string) => void = () => {}): Promise<SuiteResults> {
  const startedAt = new Date();
  const results: ScenarioResult[] = [];
  for (const scenario of scenarios) {
    const start = Date.now();
    try {
      await scenario.run();
      results.push({ name: scenario.name, status: 'pass', durationMs: Date.now() - start });
    } catch (error) {
      results.push({ name: scenario.name, status: 'fail', error: describeError(error), durationMs: Date.now() - start });
    }
    const last = results[results.length - 1]!;
    log(`${last.status === 'pass' ? 'PASS' : 'FAIL'} ${last.name} (${last.durationMs} ms)${last.error ? `\n${last.error}` : ''}`);
  }
  const passed = results.filter((result) => result.status === 'pass').length;
  return {
    editor,
    startedAt: startedAt.toISOString(),
    durationMs: Date.now() - startedAt.getTime(),
    passed,
    failed: results.length - passed,
    scenarios: results,
  };
}

export function writeResults(file: string, results: SuiteResults): void {
  mkdirSync(dirname(file), { recursive: true });
  const partial = `${file}.${process.pid}.partial`;
  writeFileSync(partial, `${JSON.stringify(results, null, 2)}\n`);
  renameSync(partial, file);
}

export function describeError(error: unknown): string {
  if (error instanceof Error) return error.stack ?? `${error.name}: ${error.message}`;
  return String(error);
}
