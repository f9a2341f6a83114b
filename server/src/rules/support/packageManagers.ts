import type { Range, TextEdit } from 'vscode-languageserver-types';
import type { Fix } from '../../engine/ruleTypes';
import type { DockerfileFile } from '../../parsing/containerFile';
import { runInstructions, type RunCommand, type RunInstruction, type RunWord } from '../../parsing/dockerfileRun';
import { escapeRegExp } from '../../parsing/patterns';

/** Shared by the package-manager rules (apt, apk, pip, npm, yarn, gem, go, wget): calls, options and edits. */

/** Which options of a tool take a value, so that the word after them is not an operand. */
export interface OptionSyntax {
  /** Long options that take a value, attached (`--target=x`) or as the next word. */
  long?: readonly string[];
  /** Short option letters that take a value, attached (`-tx`, `-t=x`) or as the next word. */
  short?: string;
  /** Go-style options: `-name` is one option, never a cluster of letters. */
  singleDash?: boolean;
}

export interface ParsedOption {
  /** As written with its dashes: `--no-cache`, `-y` (each letter of a cluster is one option). */
  name: string;
  value: string | undefined;
  /** The option word, and the separate value word when there is one. */
  words: RunWord[];
}

/** One call of a tool in a RUN, its own arguments split into options and operands. */
export interface ToolCall {
  run: RunInstruction;
  command: RunCommand;
  /** The word naming the tool (`pip` in `python3 -m pip install`). */
  tool: RunWord;
  options: ParsedOption[];
  /** Arguments that are neither options nor option values, in order; the subcommand comes first. */
  operands: RunWord[];
}

/** Calls of the programs in every RUN (ONBUILD RUN, `sh -c` and heredoc scripts included). */
export function callsOf(file: DockerfileFile, programs: readonly string[], syntax: OptionSyntax = {}): ToolCall[] {
  return runInstructions(file).flatMap((run) => callsIn(run, programs, syntax));
}

/** The calls of the programs in one RUN. */
export function callsIn(run: RunInstruction, programs: readonly string[], syntax: OptionSyntax): ToolCall[] {
  return run.commands
    .filter((command) => command.program !== undefined && programs.includes(command.program))
    .map((command) => parseCall(run, command, 0, syntax));
}

/** A call whose subcommand (first operand) is one of `subcommands`. */
export function hasSubcommand(call: ToolCall, ...subcommands: string[]): boolean {
  const first = call.operands[0]?.value;
  return first !== undefined && subcommands.includes(first);
}

/** The operands after the subcommand, such as the packages of `apt-get install`. */
export function subcommandOperands(call: ToolCall): RunWord[] {
  return call.operands.slice(1);
}

export function hasOptionNamed(call: ToolCall, ...names: string[]): boolean {
  return call.options.some((option) => names.includes(option.name));
}

/**
 * Splits the arguments after the tool word into options and operands. Several rules read the same command's
 * call (apt-get has five), so each command is split once per syntax and tool word.
 */
export function parseCall(run: RunInstruction, command: RunCommand, toolIndex: number, syntax: OptionSyntax): ToolCall {
  // By RUN first: a command is shared by the versions of a document whose RUN text is unchanged
  // (DockerfileModel.shellRuns), and its call names the version's RUN.
  let ofRun = parsedCalls.get(run);
  if (!ofRun) {
    ofRun = new Map();
    parsedCalls.set(run, ofRun);
  }
  let bySyntax = ofRun.get(command);
  if (!bySyntax) {
    bySyntax = new Map();
    ofRun.set(command, bySyntax);
  }
  const cached = bySyntax.get(syntax);
  if (cached?.tool === command.words[toolIndex]) return cached;
  const call = splitArguments(run, command, toolIndex, syntax);
  bySyntax.set(syntax, call);
  return call;
}

const parsedCalls = new WeakMap<RunInstruction, Map<RunCommand, Map<OptionSyntax, ToolCall>>>();

function splitArguments(run: RunInstruction, command: RunCommand, toolIndex: number, syntax: OptionSyntax): ToolCall {
  const options: ParsedOption[] = [];
  const operands: RunWord[] = [];
  const words = command.words;
  let optionsEnded = false;
  for (let index = toolIndex + 1; index < words.length; index++) {
    const word = words[index]!;
    const text = word.value;
    if (optionsEnded || text === undefined || !text.startsWith('-') || text === '-') {
      operands.push(word);
    } else if (text === '--') {
      optionsEnded = true;
    } else if (text.startsWith('--') || syntax.singleDash) {
      const equals = text.indexOf('=');
      const name = equals < 0 ? text : text.slice(0, equals);
      if (equals >= 0) options.push({ name, value: text.slice(equals + 1), words: [word] });
      else if (syntax.long?.includes(name) && index + 1 < words.length) {
        const valueWord = words[++index]!;
        options.push({ name, value: valueWord.value, words: [word, valueWord] });
      } else options.push({ name, value: undefined, words: [word] });
    } else {
      index = parseShortCluster(words, index, syntax.short ?? '', options);
    }
  }
  return { run, command, tool: words[toolIndex]!, options, operands };
}

/** `-qy`, `-tbookworm`, `-q=2`, `-t bookworm`: returns the index of the last word consumed. */
function parseShortCluster(words: readonly RunWord[], index: number, valueLetters: string, options: ParsedOption[]): number {
  const word = words[index]!;
  const text = word.value!;
  for (let position = 1; position < text.length; position++) {
    const name = `-${text[position]}`;
    const rest = text.slice(position + 1);
    if (rest.startsWith('=')) {
      options.push({ name, value: rest.slice(1), words: [word] });
      return index;
    }
    if (valueLetters.includes(text[position]!)) {
      if (rest) options.push({ name, value: rest, words: [word] });
      else if (index + 1 < words.length) {
        const valueWord = words[index + 1]!;
        options.push({ name, value: valueWord.value, words: [word, valueWord] });
        return index + 1;
      } else options.push({ name, value: undefined, words: [word] });
      return index;
    }
    options.push({ name, value: undefined, words: [word] });
  }
  return index;
}

/** From the start of one word to the end of another: `apt-get install` for a call's report. */
export function spanOf(from: RunWord, to: RunWord): Range {
  return { start: from.range.start, end: to.range.end };
}

/** The tool and its subcommand, where a report about the whole call points. */
export function callRange(call: ToolCall): Range {
  return spanOf(call.command.words[0]!, call.operands[0] ?? call.tool);
}

/** Targets of the RUN's `--mount`s of a type (`cache`, `tmpfs`), without trailing slashes. */
export function mountTargets(run: RunInstruction, type: string): string[] {
  return run.mounts
    .filter((mount) => (mount.type ?? 'bind') === type)
    .map((mount) => mount.target ?? mount.dst ?? mount.destination)
    .filter((target): target is string => target !== undefined)
    .map(withoutTrailingSlash);
}

export function withoutTrailingSlash(path: string): string {
  return path.length > 1 ? path.replace(/\/+$/, '') : path;
}

/**
 * A word can be edited in place when the source shows it exactly as the shell reads it (not inside an escaped
 * `sh -c "…"` string), or when it is a string of an exec-form RUN.
 */
function editableWord(file: DockerfileFile, call: ToolCall, word: RunWord): 'plain' | 'json' | undefined {
  if (file.document.getText(word.range) === word.value) {
    return call.run.form === 'exec' && call.command === call.run.commands[0] ? 'json' : 'plain';
  }
  return undefined;
}

/** Inserts an option right after a word (`install` → `install --no-cache-dir`), in shell or exec form. */
export function insertOptionAfter(file: DockerfileFile, call: ToolCall, word: RunWord, option: string, title: string): Fix[] {
  const kind = editableWord(file, call, word);
  if (!kind) return [];
  const document = file.document;
  // An exec-form string ends at its closing quote, just after the word's range.
  const position = kind === 'json' ? document.positionAt(document.offsetAt(word.range.end) + 1) : word.range.end;
  const newText = kind === 'json' ? `, ${JSON.stringify(option)}` : ` ${option}`;
  return [{ title, edits: [{ range: { start: position, end: position }, newText }] }];
}

/** Replaces a word's text (`install` → `ci`), in shell or exec form. */
export function replaceWord(file: DockerfileFile, call: ToolCall, word: RunWord, replacement: string, title: string): Fix[] {
  const kind = editableWord(file, call, word);
  if (!kind) return [];
  const newText = kind === 'json' ? JSON.stringify(replacement).slice(1, -1) : replacement;
  return [{ title, edits: [{ range: word.range, newText }] }];
}

/** What joins two commands of a list: one `&&` or `;` amid white space and line continuations, or a line break (heredocs). */
const LIST_JOIN = String.raw`(?:(?:\s|\\\r?\n)*(?:&&|;)(?:\s|\\\r?\n)*|[ \t]*\r?\n\s*)`;

/**
 * Deletes a command with the `&&` or `;` that joins it to the next one (`apk update && apk add …` → `apk add …`);
 * undefined unless the source shows exactly that: plain words, no assignments, no pipe, nothing else in between.
 */
export function removeCommandEdit(file: DockerfileFile, run: RunInstruction, command: RunCommand): TextEdit | undefined {
  const next = run.commands[run.commands.indexOf(command) + 1];
  const values = command.words.map((word) => word.value);
  if (!next || command.piped || command.assignments.length > 0 || values.some((value) => value === undefined)) return undefined;
  const document = file.document;
  const removed = document.getText({ start: command.range.start, end: next.range.start });
  const plain = new RegExp(`^${values.map((value) => escapeRegExp(value!)).join('[ \\t]+')}${LIST_JOIN}$`);
  return plain.test(removed) ? { range: { start: command.range.start, end: next.range.start }, newText: '' } : undefined;
}

export const APT_SYNTAX: OptionSyntax = {
  long: ['--target-release', '--default-release', '--option', '--config-file', '--host-architecture', '--build-profiles'],
  short: 'tocaP',
};

export const APK_SYNTAX: OptionSyntax = {
  long: ['--virtual', '--repository', '--root', '--keys-dir', '--arch', '--cache-dir', '--repositories-file', '--cache-max-age', '--timeout', '--progress-fd'],
  short: 'tXp',
};

/** `npm install` under each of its names (`npm install --help`, npm 11): the same command everywhere. */
export const NPM_INSTALL = ['install', 'i', 'add', 'in', 'ins', 'inst', 'insta', 'instal', 'isnt', 'isnta', 'isntal', 'isntall'];

/** `npm ci` under each of its names (`npm ci --help`): `npm clean-install` is `npm ci`. */
export const NPM_CLEAN_INSTALL = ['ci', 'clean-install', 'ic', 'install-clean', 'isntall-clean'];

export const NPM_SYNTAX: OptionSyntax = {
  long: [
    '--prefix',
    '--registry',
    '--omit',
    '--include',
    '--only',
    '--also',
    '--tag',
    '--workspace',
    '--cache',
    '--userconfig',
    '--globalconfig',
    '--loglevel',
    '--install-strategy',
    '--before',
    '--os',
    '--cpu',
    '--libc',
    '--location',
    '--save-prefix',
    '--script-shell',
    '--scope',
    '--otp',
  ],
  short: 'wC',
};

const PIP_SYNTAX: OptionSyntax = {
  long: [
    '--requirement',
    '--constraint',
    '--editable',
    '--index-url',
    '--extra-index-url',
    '--find-links',
    '--trusted-host',
    '--target',
    '--prefix',
    '--root',
    '--src',
    '--platform',
    '--python-version',
    '--implementation',
    '--abi',
    '--no-binary',
    '--only-binary',
    '--progress-bar',
    '--proxy',
    '--upgrade-strategy',
    '--config-settings',
    '--global-option',
    '--build-option',
    '--install-option',
    '--report',
    '--log',
    '--log-file',
    '--cache-dir',
    '--retries',
    '--timeout',
    '--exists-action',
    '--cert',
    '--client-cert',
    '--python',
    '--root-user-action',
    '--use-feature',
    '--use-deprecated',
    '--keyring-provider',
    '--build',
    '--group',
  ],
  short: 'rceiftbC',
};

const PIP_PROGRAM = /^pip\d*(\.\d+)?$/;
const PYTHON_PROGRAM = /^python\d*(\.\d+)?$/;
/** Options of the python interpreter that take the next word as their value. */
const PYTHON_VALUE_OPTIONS = ['-X', '-W', '-Q'];

/** `pip install`, `pip3 install`, `/opt/venv/bin/pip install`, `python3 -m pip install`. */
export function pipInstallCalls(file: DockerfileFile): ToolCall[] {
  return runInstructions(file).flatMap((run) =>
    run.commands.flatMap((command) => {
      const toolIndex = pipIndex(command);
      if (toolIndex === undefined) return [];
      const call = parseCall(run, command, toolIndex, PIP_SYNTAX);
      return hasSubcommand(call, 'install') ? [call] : [];
    }),
  );
}

function pipIndex(command: RunCommand): number | undefined {
  if (command.program === undefined) return undefined;
  if (PIP_PROGRAM.test(command.program)) return 0;
  if (!PYTHON_PROGRAM.test(command.program)) return undefined;
  for (let index = 1; index < command.words.length; index++) {
    const value = command.words[index]!.value;
    if (value === '-m') return command.words[index + 1]?.value === 'pip' ? index + 1 : undefined;
    if (value === undefined || !value.startsWith('-')) return undefined;
    if (PYTHON_VALUE_OPTIONS.includes(value)) index++;
  }
  return undefined;
}

/** Replaces one or more adjacent words (`--only production` → `--omit=dev`); exec form only for a single word. */
export function replaceWords(file: DockerfileFile, call: ToolCall, words: readonly RunWord[], replacement: string, title: string): Fix[] {
  if (words.length === 1) return replaceWord(file, call, words[0]!, replacement, title);
  if (!words.every((word) => editableWord(file, call, word) === 'plain')) return [];
  return [{ title, edits: [{ range: spanOf(words[0]!, words.at(-1)!), newText: replacement }] }];
}

/** Deletes adjacent words with the white space (or JSON comma) before them. */
export function removeWords(file: DockerfileFile, call: ToolCall, words: readonly RunWord[], title: string): Fix[] {
  const previous = call.command.words[call.command.words.indexOf(words[0]!) - 1];
  const kinds = new Set([previous, ...words].map((word) => word && editableWord(file, call, word)));
  if (!previous || kinds.size !== 1) return [];
  const document = file.document;
  // Exec-form strings end at their closing quote, one character after the word's range.
  const shift = kinds.has('json') ? 1 : kinds.has('plain') ? 0 : undefined;
  if (shift === undefined) return [];
  const at = (word: RunWord) => document.positionAt(document.offsetAt(word.range.end) + shift);
  return [{ title, edits: [{ range: { start: at(previous), end: at(words.at(-1)!) }, newText: '' }] }];
}
