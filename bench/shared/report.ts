// What the benchmarks print and write: an aligned table on the console, the raw figures as JSON in bench/results/.
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { arch, cpus, loadavg, platform } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import type { Diagnostic } from 'vscode-languageserver-protocol';

/**
 * Prints rows under a header, the first `textColumns` columns left-aligned, the others (figures) right-aligned; a
 * first cell equal to the one above is left blank, so that rows group under their input.
 */
export function printTable(header: string[], rows: string[][], textColumns = 2): void {
  const all = [header, ...rows];
  const widths = header.map((_, column) => Math.max(...all.map((row) => (row[column] ?? '').length)));
  const line = (row: string[]) =>
    row
      .map((cell, column) => (column < textColumns ? cell.padEnd(widths[column]!) : cell.padStart(widths[column]!)))
      .join('  ')
      .trimEnd();
  console.log(line(header));
  console.log(widths.map((width) => '-'.repeat(width)).join('  '));
  let previous = '';
  for (const row of rows) {
    const label = row[0] === previous ? '' : row[0]!;
    previous = row[0]!;
    console.log(line([label, ...row.slice(1)]));
  }
}

export function ms(value: number | undefined): string {
  return value === undefined ? 'n/a' : `${value.toFixed(2)} ms`;
}

export function mib(kib: number | undefined): string {
  return kib === undefined ? 'n/a' : `${(kib / 1024).toFixed(1)} MiB`;
}

/** `a / b` to two decimals, or n/a. */
export function ratio(a: number | undefined, b: number | undefined): string {
  return a === undefined || b === undefined || b === 0 ? 'n/a' : (a / b).toFixed(2);
}

export function countBySource(diagnostics: readonly Diagnostic[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const diagnostic of diagnostics) {
    const key = `${diagnostic.source ?? '?'}:${diagnostic.code ?? '?'}`;
    counts[key] = (counts[key] ?? 0) + 1;
  }
  return Object.fromEntries(Object.entries(counts).sort(([a], [b]) => a.localeCompare(b)));
}

/** A file's hash and modification time: they tie figures to the build (or the package) that produced them. */
export function fileIdentity(path: string): { sha256: string; modified: string } {
  return { sha256: createHash('sha256').update(readFileSync(path)).digest('hex'), modified: statSync(path).mtime.toISOString() };
}

/**
 * Writes `<resultsDir>/<prefix>-<ISO date and time>.json` with the date and the machine first (with its load average
 * at the end of the run: on a shared machine, other work inflates every figure), and returns its path.
 */
export function writeResults(resultsDir: string, prefix: string, record: Record<string, unknown>): string {
  mkdirSync(resultsDir, { recursive: true });
  const now = new Date();
  const file = join(resultsDir, `${prefix}-${now.toISOString().replace(/[:.]/g, '-')}.json`);
  const environment = { node: process.version, platform: platform(), arch: arch(), cpu: cpus()[0]?.model, cpus: cpus().length, loadAverage: loadavg() };
  writeFileSync(file, `${JSON.stringify({ date: now.toISOString(), environment, ...record }, null, 2)}\n`);
  return file;
}

/** The load average over 1, 5 and 15 minutes: on a shared machine, other work inflates every figure. */
export function loadAverage(): string {
  return loadavg()
    .map((load) => load.toFixed(2))
    .join(', ');
}

/** Runs a part of a benchmark, printing its label and then how long it took. */
export async function timed(label: string, run: () => Promise<unknown>): Promise<void> {
  process.stdout.write(`${label} … `);
  const started = performance.now();
  await run();
  console.log(`${((performance.now() - started) / 1000).toFixed(1)} s`);
}
