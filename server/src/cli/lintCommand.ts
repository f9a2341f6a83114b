import { readFileSync } from 'node:fs';
import { relative, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { ConfigError } from '../engine/config';
import { Linter } from '../engine/linter';
import { parseConfigText, type ConfigProblem } from '../engine/readConfig';
import { rules } from '../rules';
import { Workspace } from '../workspace/workspace';
import { pathToUri } from '../workspace/uri';
import { toPosixPath } from '../workspace/walk';
import { discoverTargets, type LintTarget } from './discover';
import { type FixProblem, fixOnDisk } from './fixOnDisk';
import { UsageError } from './usageError';
import { formatJson } from './formats/json';
import { formatSarif } from './formats/sarif';
import { formatStylish } from './formats/stylish';
import type { FileReport, Formatter } from './report';

const FORMATTERS: Readonly<Record<string, Formatter>> = { stylish: formatStylish, json: formatJson, sarif: formatSarif };

export interface CommandResult {
  exitCode: number;
  stdout: string;
  /** Messages beside the report: files `--fix` or `init` could not write, or left alone. */
  stderr?: string;
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
  const linter = new Linter(workspaceOfTargets(targets), rules, fixedConfig);

  const reports: FileReport[] = [];
  const fixProblems: FixProblem[] = [];
  const displayPath = (path: string) => toPosixPath(relative(cwd, path)) || '.';
  for (const target of targets) {
    const uri = pathToUri(target.path);
    const problem = values.fix ? fixOnDisk(linter, uri, displayPath) : undefined;
    if (problem) fixProblems.push(problem);
    const result = linter.lint(uri);
    if (!result) throw new UsageError(`Cannot read ${target.displayPath}`);
    rejectProblems(result.configProblems);
    if (result.file.kind === 'unknown' && !target.explicit) continue;
    reports.push({ displayPath: target.displayPath, kind: result.file.kind, findings: result.findings });
  }
  // A file --fix could not write is an error of the run (exit code 2), after the report of what it holds.
  const exitCode = fixProblems.some((problem) => problem.severity === 'error') ? 2 : exitCodeFor(reports, maxWarnings);
  const stderr = fixProblems.map((problem) => `container-standards: ${problem.message}\n`).join('');
  return { exitCode, stdout: formatter(reports, { cwd }), stderr };
}

/** The workspace the CLI lints in: the files it was given, a compose file named explicitly read as one whatever its name. */
export function workspaceOfTargets(targets: readonly LintTarget[]): Workspace {
  const workspace = new Workspace();
  for (const target of targets) workspace.index(pathToUri(target.path), { composeByContent: target.explicit });
  workspace.adoptReferencedComposeFiles();
  return workspace;
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

function exitCodeFor(reports: readonly FileReport[], maxWarnings: number): number {
  const findings = reports.flatMap((report) => report.findings);
  const errors = findings.filter((finding) => finding.severity === 'error').length;
  const warnings = findings.filter((finding) => finding.severity === 'warning').length;
  return errors > 0 || warnings > maxWarnings ? 1 : 0;
}
