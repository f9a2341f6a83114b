import { ConfigError } from '../engine/config';
import { OutsideFolder } from '../scaffold/containment';
import { WriteError } from './fileWrites';
import { UsageError } from './usageError';
import { initCommand } from './initCommand';
import { lintCommand, type CommandResult } from './lintCommand';
import { PromptCancelled, terminalPrompter } from './prompter';
import { rulesCommand } from './rulesCommand';

const USAGE = `Usage:
  container-standards lint [--format stylish|json|sarif] [--config FILE] [--fix] [--max-warnings N] PATH...
  container-standards rules [--format table|json|markdown]
  container-standards init [--stack node|python|go|java|dotnet|ruby|static]
                           [--with compose,kubernetes,ci,postgres,mysql,redis,mongo,ingress]
                           [--port N] [--entry FILE] [--yes] [DIR]
`;

type CliResult = CommandResult & { stderr: string };

/** Runs one CLI invocation; exit codes: 0 clean, 1 findings over the threshold, 2 usage/config/internal error. */
export function runCli(args: readonly string[], cwd: string): CliResult {
  const [command, ...rest] = args;
  try {
    if (command === 'lint') return { stderr: '', ...lintCommand(rest, cwd) };
    if (command === 'rules') return { ...rulesCommand(rest), stderr: '' };
    if (command === '--help' || command === '-h' || command === 'help') return { exitCode: 0, stdout: USAGE, stderr: '' };
    return { exitCode: 2, stdout: '', stderr: command ? `Unknown command "${command}".\n${USAGE}` : USAGE };
  } catch (error) {
    return failure(error);
  }
}

/** `init` may prompt, so it runs asynchronously; the exit codes are those of the other commands. */
export async function runInit(args: readonly string[], cwd: string): Promise<CliResult> {
  const prompter = terminalPrompter();
  try {
    return { stderr: '', ...(await initCommand(args, cwd, prompter)) };
  } catch (error) {
    return failure(error);
  } finally {
    prompter?.close();
  }
}

function failure(error: unknown): CliResult {
  if (error instanceof PromptCancelled) return { exitCode: 2, stdout: '', stderr: `container-standards: ${error.message}\n` };
  const isUsageError = error instanceof UsageError || (error as { code?: string }).code?.startsWith('ERR_PARSE_ARGS');
  const explained = isUsageError || error instanceof ConfigError || error instanceof WriteError || error instanceof OutsideFolder;
  const message = explained ? (error as Error).message : `Internal error: ${(error as Error).stack ?? String(error)}`;
  return { exitCode: 2, stdout: '', stderr: `container-standards: ${message}\n${isUsageError ? USAGE : ''}` };
}

if (require.main === module) {
  const [command, ...rest] = process.argv.slice(2);
  const pending = command === 'init' ? runInit(rest, process.cwd()) : Promise.resolve(runCli(process.argv.slice(2), process.cwd()));
  void pending.then((result) => {
    process.stdout.write(result.stdout);
    process.stderr.write(result.stderr);
    process.exitCode = result.exitCode;
  });
}
