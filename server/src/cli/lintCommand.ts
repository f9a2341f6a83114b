import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { ConfigError } from '../engine/config';
import { applyEdits, collectSafeFixes } from '../engine/fixes';
import { Linter } from '../engine/linter';
import { parseConfigText, type ConfigProblem } from '../engine/readConfig';
import { rules } from '../rules';
import { Workspace } from '../workspace/workspace';
import { pathToUri, uriToPath } from '../workspace/uri';
import { discoverTargets } from './discover';
import { UsageError } from './usageError';
import { formatJson } from './formats/json';
import { formatSarif } from './formats/sarif';
import { formatStylish } from './formats/stylish';
import type { FileReport, Formatter } from './report';

const FORMATTERS: Readonly<Record<string, Formatter>> = { stylish: formatStylish, json: formatJson, sarif: formatSarif };
const MAX_FIX_PASSES = 10;

export interface CommandResult {
  exitCode: number;
  stdout: string;
}

/** `container-standards lint`: see the CLI contract in the README. */
export function lintCommand(args: readonly string[], cwd: string): CommandResult {
  const { values, positionals } = parseArgs({
    args: [...args],
    allowPositionals: true,
    options: {
      format: { type: 'string', default: 'stylish' },
      config: { type: 'string' },
      fix: { type: 'boolean', default: false },
      'max-warnings': { type: 'string' },
    },
  });
  const formatter = FORMATTERS[values.format];
  if (!formatter) throw new UsageError(`Unknown --format "${values.format}"; use stylish, json or sarif.`);
  const maxWarnings = parseMaxWarnings(values['max-warnings']);
  if (positionals.length === 0) throw new UsageError('Name at least one file or folder to lint.');

  const fixedConfig = values.config === undefined ? undefined : readConfigFile(resolve(cwd, values.config));
  const targets = discoverTargets(positionals, cwd);
  const workspace = new Workspace();
  for (const target of targets) workspace.index(pathToUri(target.path), { composeByContent: target.explicit });
  workspace.adoptReferencedComposeFiles();
  const linter = new Linter(workspace, rules, fixedConfig);

  const reports: FileReport[] = [];
  for (const target of targets) {
    const uri = pathToUri(target.path);
    if (values.fix) fixFile(linter, uri);
    const result = linter.lint(uri);
    if (!result) throw new UsageError(`Cannot read ${target.displayPath}`);
    rejectProblems(result.configProblems);
    if (result.file.kind === 'unknown' && !target.explicit) continue;
    reports.push({ displayPath: target.displayPath, kind: result.file.kind, findings: result.findings });
  }
  return { exitCode: exitCodeFor(reports, maxWarnings), stdout: formatter(reports, { cwd }) };
}

function parseMaxWarnings(value: string | undefined): number {
  if (value === undefined) return Infinity;
  // Digits only: Number() would read "" (from `--max-warnings=`) as 0 and accept "1e1", "0x1" or " 3".
  if (!/^\d+$/.test(value)) throw new UsageError(`--max-warnings takes a whole number, not "${value}".`);
  return Number(value);
}

function readConfigFile(path: string) {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch {
    throw new UsageError(`Cannot read the config file ${path}`);
  }
  const { config, problems } = parseConfigText(text, path, rules);
  rejectProblems(problems);
  return config;
}

/** In CI a half-applied config would pass or fail for the wrong reasons: any mistake stops the run (exit code 2). */
function rejectProblems(problems: readonly ConfigProblem[]): void {
  if (problems.length) throw new ConfigError(problems.map((problem) => problem.message).join('\n'));
}

/**
 * Applies safe fixes and re-lints until nothing changes, as `eslint --fix` does. Other files are created only when
 * missing, and edited only by the edits a fix makes in them (never rewritten whole).
 */
function fixFile(linter: Linter, uri: string): void {
  const path = uriToPath(uri);
  if (!path) return;
  for (let pass = 0; pass < MAX_FIX_PASSES; pass++) {
    const result = linter.lint(uri);
    if (!result) return;
    const { edits, createFiles, editFiles } = collectSafeFixes(result.findings);
    let changed = false;
    for (const created of createFiles) {
      const createdPath = uriToPath(created.uri);
      if (!createdPath || existsSync(createdPath)) continue;
      writeFileSync(createdPath, created.text);
      linter.workspace.changedOnDisk(created.uri);
      changed = true;
    }
    for (const other of editFiles) {
      const otherPath = uriToPath(other.uri);
      const text = linter.workspace.readText(other.uri);
      if (!otherPath || text === undefined) continue;
      const fixed = applyEdits(text, other.edits);
      if (fixed === text) continue;
      writeFileSync(otherPath, fixed);
      linter.workspace.changedOnDisk(other.uri);
      changed = true;
    }
    if (edits.length) {
      const text = result.file.document.getText();
      const fixed = applyEdits(text, edits);
      if (fixed !== text) {
        writeFileSync(path, fixed);
        linter.workspace.changedOnDisk(uri);
        changed = true;
      }
    }
    if (!changed) return;
  }
}

function exitCodeFor(reports: readonly FileReport[], maxWarnings: number): number {
  const findings = reports.flatMap((report) => report.findings);
  const errors = findings.filter((finding) => finding.severity === 'error').length;
  const warnings = findings.filter((finding) => finding.severity === 'warning').length;
  return errors > 0 || warnings > maxWarnings ? 1 : 0;
}
