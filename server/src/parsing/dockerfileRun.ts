import type { Instruction, JSONInstruction, Onbuild } from 'dockerfile-ast';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Range } from 'vscode-languageserver-types';
import type { DockerfileFile } from './containerFile';
import { dockerfileAstText, type DockerfileStage } from './dockerfile';
import { basename, parseScript, POSIX_SHELLS, shellScriptIndex, type ParsedScript, type ScriptCommand } from './shellScript';

export interface RunWord {
  /** Static value, or undefined when the shell must expand it. */
  value: string | undefined;
  range: Range;
}

/** One simple command executed by a RUN. */
export interface RunCommand {
  /** Argument vector, program first. */
  words: RunWord[];
  /** The program's base name (`/usr/bin/apt-get` → `apt-get`), when static. */
  program: string | undefined;
  /** Static values of the arguments after the program (undefined entries are expansions). */
  args: (string | undefined)[];
  assignments: { name: string; value: string | undefined }[];
  range: Range;
  piped: boolean;
  /** It runs before a pipe, where only pipefail makes its failure count. */
  feedsPipe: boolean;
}

/** A `--mount=type=cache,target=/root/.cache` flag, as option name → value. */
export type RunMount = Readonly<Record<string, string>>;

export interface RunInstruction {
  instruction: Instruction;
  stage: DockerfileStage;
  /** An `ONBUILD RUN` trigger. */
  onbuild: boolean;
  /** The instruction of the stage that holds the RUN: itself, or the ONBUILD around its trigger. */
  holder: Instruction;
  /** The stage's last SHELL instruction before the RUN, whatever its form; undefined under the inherited shell. */
  shellInstruction: Instruction | undefined;
  form: 'shell' | 'exec';
  /** The commands in order, including those of `sh -c '…'` and heredoc scripts. Empty for non-POSIX shells. */
  commands: RunCommand[];
  hasPipe: boolean;
  mounts: RunMount[];
  /** The shell that runs a shell-form RUN (the stage's SHELL), e.g. ['/bin/sh', '-c']. */
  shell: readonly string[];
  syntaxError?: { message: string; range: Range };
  /** The shell script, for the checks that read its words; absent where the RUN runs no POSIX shell script. */
  script?: RunScript;
}

/** A RUN's shell script as parsed, with the means to place its offsets in the document. */
export interface RunScript {
  parsed: ParsedScript;
  /** The shell and options that run the script (`['/bin/sh', '-c']`, or an exec form's `['bash', '-ec']`). */
  shell: readonly string[];
  /** The document range of offsets into the script. */
  rangeOf(start: number, end: number): Range;
}

const DEFAULT_SHELL = ['/bin/sh', '-c'] as const;
const cache = new WeakMap<DockerfileFile, RunInstruction[]>();

/** Every RUN (and ONBUILD RUN) of the file with its shell commands; computed once per parsed file. */
export function runInstructions(file: DockerfileFile): RunInstruction[] {
  let runs = cache.get(file);
  if (!runs) {
    runs = collectRuns(file);
    cache.set(file, runs);
  }
  return runs;
}

/** The commands of a RUN whose program is `program` (and first argument `subcommand`, when given). */
export function commandsNamed(run: RunInstruction, program: string | readonly string[], subcommand?: string): RunCommand[] {
  const programs = typeof program === 'string' ? [program] : program;
  return run.commands.filter(
    (command) => command.program !== undefined && programs.includes(command.program) && (subcommand === undefined || firstOperand(command) === subcommand),
  );
}

/** The first argument that is not an option (`apt-get -y install x` → `install`). */
export function firstOperand(command: RunCommand): string | undefined {
  return command.args.find((arg) => arg !== undefined && !arg.startsWith('-'));
}

/** Whether the command has one of the options, as `--flag`, `--flag=value`, or inside a short-option cluster. */
export function hasOption(command: RunCommand, ...options: string[]): boolean {
  return command.args.some((arg) => {
    if (arg === undefined) return false;
    return options.some((option) => {
      if (option.startsWith('--')) return arg === option || arg.startsWith(`${option}=`);
      return arg === option || (/^-[A-Za-z]+$/.test(arg) && option.length === 2 && arg.includes(option[1]!));
    });
  });
}

function collectRuns(file: DockerfileFile): RunInstruction[] {
  const model = file.dockerfile;
  const posixEscape = model.ast.getEscapeCharacter() === '\\';
  const runs: RunInstruction[] = [];
  for (const stage of model.stages) {
    let shell: readonly string[] = stage.baseStage ? shellAtEnd(file.document, stage.baseStage) : DEFAULT_SHELL;
    let shellInstruction: Instruction | undefined;
    for (const instruction of stage.instructions) {
      const keyword = instruction.getKeyword();
      const context = { stage, holder: instruction, shellInstruction, shell };
      if (keyword === 'SHELL') {
        shellInstruction = instruction;
        shell = jsonValues(file.document, instruction) ?? shell;
      } else if (keyword === 'RUN') runs.push(describeRun(file, instruction, { ...context, onbuild: false }, posixEscape));
      else if (keyword === 'ONBUILD') {
        const trigger = (instruction as Onbuild).getTriggerInstruction();
        if (trigger?.getKeyword() === 'RUN') runs.push(describeRun(file, trigger, { ...context, onbuild: true }, posixEscape));
      }
    }
  }
  return runs;
}

function shellAtEnd(document: TextDocument, stage: DockerfileStage): readonly string[] {
  const last = stage.instructions.filter((instruction) => instruction.getKeyword() === 'SHELL').at(-1);
  return (last && jsonValues(document, last)) ?? (stage.baseStage ? shellAtEnd(document, stage.baseStage) : DEFAULT_SHELL);
}

function jsonValues(document: TextDocument, instruction: Instruction): string[] | undefined {
  return jsonStrings(document, instruction as JSONInstruction)?.map((string) => string.value);
}

/**
 * The strings of a JSON-form instruction, decoded from the source text (dockerfile-ast's own values drop the
 * whitespace inside them); undefined for shell form.
 */
export function jsonStrings(document: TextDocument, instruction: JSONInstruction): { value: string; range: Range }[] | undefined {
  if (!instruction.getOpeningBracket?.()) return undefined;
  return instruction.getJSONStrings().map((argument) => {
    const source = document.getText(argument.getRange());
    let value: string;
    try {
      value = JSON.parse(source) as string;
    } catch {
      value = argument.getJSONValue();
    }
    return { value, range: argument.getJSONRange() };
  });
}

type RunContext = Pick<RunInstruction, 'stage' | 'onbuild' | 'holder' | 'shellInstruction' | 'shell'>;

function describeRun(file: DockerfileFile, instruction: Instruction, context: RunContext, posixEscape: boolean): RunInstruction {
  if ((instruction as JSONInstruction).getOpeningBracket())
    return { instruction, mounts: mountsOf(instruction), ...context, form: 'exec', hasPipe: false, ...execCommand(file, instruction as JSONInstruction) };
  const argumentsRange = instruction.getArgumentsRange();
  const runsPosixShell = posixEscape && POSIX_SHELLS.has(basename(context.shell[0] ?? ''));
  if (!argumentsRange || !runsPosixShell) return { instruction, mounts: mountsOf(instruction), ...context, form: 'shell', hasPipe: false, commands: [] };
  const document = file.document;
  const range = instruction.getRange();
  const lineStart = document.offsetAt({ line: range.start.line, character: 0 });
  const text = document.getText().slice(lineStart, document.offsetAt(range.end));
  // The text from the start of its first line: the same text describes the same commands, at the same columns.
  const described = file.dockerfile.shellRuns.get(text, () =>
    describeShellRun(file, instruction, lineStart, document.offsetAt(argumentsRange.start) - lineStart),
  );
  const shift = range.start.line - described.line;
  const scriptStart = lineStart + described.scriptOffset;
  const rangeOf = (from: number, to: number): Range => ({ start: document.positionAt(scriptStart + from), end: document.positionAt(scriptStart + to) });
  return {
    instruction,
    mounts: described.mounts,
    ...context,
    form: 'shell',
    hasPipe: described.parsed.hasPipe,
    commands: shift === 0 ? described.commands : described.commands.map((command) => movedCommand(command, shift)),
    syntaxError:
      described.syntaxError && (shift === 0 ? described.syntaxError : { ...described.syntaxError, range: movedRange(described.syntaxError.range, shift) }),
    script: { parsed: described.parsed, shell: context.shell, rangeOf },
  };
}

/** What a shell-form RUN's text alone says, with ranges for the line it started on when worked out (see DockerfileModel.shellRuns). */
export interface ShellRun {
  line: number;
  /** Where the script starts, from the start of the instruction's first line. */
  scriptOffset: number;
  mounts: RunMount[];
  parsed: ParsedScript;
  commands: RunCommand[];
  syntaxError?: { message: string; range: Range };
}

function describeShellRun(file: DockerfileFile, instruction: Instruction, lineStart: number, scriptOffset: number): ShellRun {
  const document = file.document;
  const start = lineStart + scriptOffset;
  const script = asShellText(document.getText().slice(start, document.offsetAt(instruction.getRange().end)));
  const parsed = parseScript(script, file.dockerfile.scripts);
  const rangeOf = (from: number, to: number): Range => ({ start: document.positionAt(start + from), end: document.positionAt(start + to) });
  return {
    line: instruction.getRange().start.line,
    scriptOffset,
    mounts: mountsOf(instruction),
    parsed,
    commands: toRunCommands(parsed.commands, rangeOf),
    ...(parsed.error ? { syntaxError: { message: parsed.error.message, range: rangeOf(parsed.error.offset, parsed.error.offset) } } : {}),
  };
}

function mountsOf(instruction: Instruction): RunMount[] {
  return (instruction as JSONInstruction)
    .getFlags()
    .filter((flag) => flag.getName() === 'mount')
    .map((flag) => Object.fromEntries(flag.getOptions().map((option) => [option.getName(), option.getValue() ?? ''])));
}

function movedCommand(command: RunCommand, lines: number): RunCommand {
  return {
    ...command,
    words: command.words.map((word) => ({ value: word.value, range: movedRange(word.range, lines) })),
    range: movedRange(command.range, lines),
  };
}

function movedRange(range: Range, lines: number): Range {
  return { start: { line: range.start.line + lines, character: range.start.character }, end: { line: range.end.line + lines, character: range.end.character } };
}

function toRunCommands(commands: readonly ScriptCommand[], rangeOf: (from: number, to: number) => Range): RunCommand[] {
  return commands.map((command) => {
    const words = command.words.map((word) => ({ value: word.value, range: rangeOf(word.start, word.end) }));
    return {
      words,
      program: words[0]?.value === undefined ? undefined : basename(words[0].value),
      args: words.slice(1).map((word) => word.value),
      assignments: command.assignments,
      range: rangeOf(command.start, command.end),
      piped: command.piped,
      feedsPipe: command.feedsPipe,
    };
  });
}

/**
 * The RUN text as the shell receives it, offsets kept: the builder drops comment lines and empty lines inside a
 * continued instruction, which the shell would otherwise read as the end of the command.
 */
function asShellText(raw: string): string {
  // CRLF: a carriage return would be read as part of the last word (or escape the newline after a backslash); a
  // lone one ends a line, as for the parse of the Dockerfile (dockerfileAstText).
  // The builder also continues a line whose backslash is followed by blanks; the shell needs it right before the
  // newline, so the backslash moves behind the blanks.
  const lines = dockerfileAstText(raw)
    .replace(/(\\?)\r\n/g, (_whole, backslash: string) => (backslash ? ' \\\n' : ' \n'))
    .replace(/\\([ \t]+)\n/g, (_whole, blanks: string) => `${blanks}\\\n`)
    .split('\n');
  let continued = false;
  return lines
    .map((line, index) => {
      const isLast = index === lines.length - 1;
      const dropped = continued && /^\s*(#.*)?$/.test(line);
      if (dropped) return ' '.repeat(line.length) + (isLast ? '' : ' ');
      continued = /\\$/.test(line);
      return line + (isLast ? '' : '\n');
    })
    .join('');
}

/** `RUN ["apt-get", "install", "x"]`; `RUN ["sh", "-c", "script"]` also lists the script's commands. */
function execCommand(file: DockerfileFile, instruction: JSONInstruction): Pick<RunInstruction, 'commands' | 'script'> {
  const words = jsonStrings(file.document, instruction) ?? [];
  if (words.length === 0) return { commands: [] };
  const command: RunCommand = {
    words,
    program: basename(words[0]!.value),
    args: words.slice(1).map((word) => word.value),
    assignments: [],
    range: instruction.getArgumentsRange()!,
    piped: false,
    feedsPipe: false,
  };
  const scriptIndex = shellScriptIndex(words.map((word) => word.value));
  const scriptWord = scriptIndex === undefined ? undefined : words[scriptIndex];
  if (scriptIndex === undefined || !scriptWord) return { commands: [command] };
  const document = file.document;
  // The word's range holds the string's content, without its quotes.
  const contentStart = document.offsetAt(scriptWord.range.start);
  // A JSON string without escapes maps one to one onto the script; otherwise nested commands point at the word.
  const exact = document.getText().slice(contentStart, contentStart + scriptWord.value.length) === scriptWord.value;
  const rangeOf = (from: number, to: number): Range =>
    exact ? { start: document.positionAt(contentStart + from), end: document.positionAt(contentStart + to) } : scriptWord.range;
  const parsed = parseScript(scriptWord.value, file.dockerfile.scripts);
  const shell = words.slice(0, scriptIndex).map((word) => word.value);
  return { commands: [command, ...toRunCommands(parsed.commands, rangeOf)], ...(exact ? { script: { parsed, shell, rangeOf } } : {}) };
}
