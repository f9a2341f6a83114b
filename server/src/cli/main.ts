import { ConfigError } from '../engine/config';
import { UsageError } from './usageError';
import { lintCommand, type CommandResult } from './lintCommand';
import { rulesCommand } from './rulesCommand';

const USAGE = `Usage:
  container-standards lint [--format stylish|json|sarif] [--config FILE] [--fix] [--max-warnings N] PATH...
  container-standards rules [--format table|json|markdown]
`;

/** Runs one CLI invocation; exit codes: 0 clean, 1 findings over the threshold, 2 usage/config/internal error. */
export function runCli(args: readonly string[], cwd: string): CommandResult & { stderr: string } {
  const [command, ...rest] = args;
  try {
    if (command === 'lint') return { ...lintCommand(rest, cwd), stderr: '' };
    if (command === 'rules') return { ...rulesCommand(rest), stderr: '' };
    if (command === '--help' || command === '-h' || command === 'help') return { exitCode: 0, stdout: USAGE, stderr: '' };
    return { exitCode: 2, stdout: '', stderr: command ? `Unknown command "${command}".\n${USAGE}` : USAGE };
  } catch (error) {
    const isUsageError = error instanceof UsageError || (error as { code?: string }).code?.startsWith('ERR_PARSE_ARGS');
    const message = isUsageError || error instanceof ConfigError ? (error as Error).message : `Internal error: ${(error as Error).stack ?? String(error)}`;
    return { exitCode: 2, stdout: '', stderr: `container-standards: ${message}\n${isUsageError ? USAGE : ''}` };
  }
}

if (require.main === module) {
  const result = runCli(process.argv.slice(2), process.cwd());
  process.stdout.write(result.stdout);
  process.stderr.write(result.stderr);
  process.exitCode = result.exitCode;
}
