import type { Instruction, JSONInstruction } from 'dockerfile-ast';
import type { Range } from 'vscode-languageserver-types';
import type { DockerfileFile } from '../../parsing/containerFile';
import { jsonStrings } from '../../parsing/dockerfileRun';
import { basename, parseScript, shellScriptIndex, type ScriptCommand } from '../../parsing/shellScript';
import { instructionsNamed, stageChain } from './dockerfile';

/** What the container runs as its main process: CMD and ENTRYPOINT, for the signal-handling rules. */

/** Builtins that run inside the shell: `exec` cannot hand PID 1 to them, and `wait` means the shell stays on purpose. */
export const SHELL_BUILTINS: ReadonlySet<string> = new Set([
  'exec',
  'wait',
  'trap',
  'cd',
  'export',
  'set',
  'unset',
  'source',
  '.',
  'eval',
  'exit',
  'return',
  'true',
  'false',
  ':',
  'read',
  'shift',
  'ulimit',
  'umask',
]);

/** The CMD and ENTRYPOINT instructions of every stage (ONBUILD triggers belong to a later image). */
export function processInstructions(file: DockerfileFile): Instruction[] {
  return file.dockerfile.ast.getInstructions().filter((instruction) => ['CMD', 'ENTRYPOINT'].includes(instruction.getKeyword()));
}

export interface ShellWrapper {
  /** The shell's base name (`sh` for `/bin/sh`). */
  shell: string;
  /** The script string of the JSON array, decoded, and its range without the quotes. */
  script: { value: string; range: Range };
}

/** `["sh", "-c", "script", …]` (any POSIX shell, flags such as `-ec` included): the script handed to the shell. */
export function shellWrapper(file: DockerfileFile, instruction: Instruction): ShellWrapper | undefined {
  const strings = jsonStrings(file.document, instruction as JSONInstruction);
  if (!strings) return undefined;
  const scriptIndex = shellScriptIndex(strings.map((string) => string.value));
  return scriptIndex === undefined ? undefined : { shell: basename(strings[0]!.value), script: strings[scriptIndex]! };
}

/**
 * The simple command that ends a script, which the shell waits for as its child (unless it is `exec`ed):
 * `b` in `a && b` or `a; b`. Undefined when the script ends otherwise (a compound command, a redirection, a
 * background job) or does not parse.
 */
export function finalCommand(file: DockerfileFile, script: string): ScriptCommand | undefined {
  const parsed = parseScript(script, file.dockerfile.scripts);
  if (parsed.error) return undefined;
  const atEnd = parsed.commands.filter((command) => /^[\s;]*$/.test(script.slice(command.end)));
  return atEnd.sort((a, b) => b.start - a.start)[0];
}

export interface StartedCommand {
  /** Static values of the words, program first; undefined for words the shell expands. */
  words: (string | undefined)[];
  /** The command is all the instruction runs (no other commands before it in a shell script). */
  whole: boolean;
}

/**
 * The command the container starts, as far as it is known: the words of the exec form, else the final command of
 * the shell-form script or of the `sh -c` script, with a leading `exec` dropped.
 */
export function startedCommand(file: DockerfileFile, instruction: Instruction): StartedCommand | undefined {
  const strings = jsonStrings(file.document, instruction as JSONInstruction);
  const script = strings ? shellWrapper(file, instruction)?.script.value : (instruction.getArgumentsContent() ?? undefined);
  if (strings && script === undefined) return strings.length ? { words: withoutExec(strings.map((string) => string.value)), whole: true } : undefined;
  if (script === undefined) return undefined;
  const final = finalCommand(file, script);
  if (!final) return undefined;
  return {
    words: withoutExec(final.words.map((word) => word.value)),
    whole: parseScript(script, file.dockerfile.scripts).commands.length === 1 && !final.piped,
  };
}

/**
 * The command line the final image starts, as far as the Dockerfile says: the ENTRYPOINT with the CMD as its
 * arguments, or, behind an entrypoint script of the image's own (which execs its arguments), the CMD alone; nearest
 * stage first. Empty when the Dockerfile sets neither, and the base image's command runs.
 */
export function containerCommand(file: DockerfileFile): readonly (string | undefined)[] {
  let command = containerCommands.get(file);
  if (!command) {
    command = workOutContainerCommand(file);
    containerCommands.set(file, command);
  }
  return command;
}

/** Half a dozen rules ask, through imagePurpose, interactiveProgram and no-user: worked out once per version. */
const containerCommands = new WeakMap<DockerfileFile, readonly (string | undefined)[]>();

function workOutContainerCommand(file: DockerfileFile): (string | undefined)[] {
  const final = file.dockerfile.finalStage;
  if (!final) return [];
  const last = (keyword: string) => stageChain(final).flatMap((stage) => instructionsNamed(stage, keyword).reverse())[0];
  const words = (instruction: Instruction | undefined) => (instruction && startedCommand(file, instruction)?.words) ?? [];
  const entryWords = words(last('ENTRYPOINT'));
  const behindScript = entryWords.length === 0 || (entryWords[0] !== undefined && isEntrypointScript(entryWords[0]));
  return behindScript ? words(last('CMD')) : [...entryWords, ...words(last('CMD'))];
}

/** `docker-entrypoint.sh`, `/entrypoint`, `docker-php-entrypoint`, `start.sh`: a script of the image's own, which usually execs its arguments. */
export function isEntrypointScript(word: string): boolean {
  return /(?:^|\/)[\w.-]*entrypoint[\w.-]*$|\.(?:sh|bash)$/.test(word);
}

function withoutExec(words: (string | undefined)[]): (string | undefined)[] {
  return words[0] === 'exec' ? words.slice(1) : words;
}

/** Words written as an exec-form array, the way the builder's JSON reads them: `["node", "server.js"]`. */
export function execForm(words: readonly string[]): string {
  return `[${words.map((word) => JSON.stringify(word)).join(', ')}]`;
}
