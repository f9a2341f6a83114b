import { forEachChild, parse, type Command, type SyntaxNode } from 'unbash';

/** A word of a command, with offsets into the script text it was parsed from (UTF-16, like JavaScript strings). */
export interface ScriptWord {
  /** The word's value when it is static (quotes removed, globs kept); undefined when it needs expansion (`$VAR`, `$(…)`). */
  value: string | undefined;
  start: number;
  end: number;
}

/** A simple command of a script: `NAME=value program arg…`, wherever it sits (lists, pipelines, if, loops…). */
export interface ScriptCommand {
  /** The argument vector, program first. */
  words: ScriptWord[];
  /** Names of the `NAME=value` assignments before the program. */
  assignments: { name: string; value: string | undefined }[];
  start: number;
  end: number;
  /** Part of a pipeline (`a | b`). */
  piped: boolean;
}

export interface ParsedScript {
  commands: ScriptCommand[];
  /** Whether the script has a pipeline anywhere. */
  hasPipe: boolean;
  error?: { message: string; offset: number };
}

/** POSIX shells: a shell-form RUN runs its script through one, and `<shell> -c 'script'` hands one a script. */
export const POSIX_SHELLS: ReadonlySet<string> = new Set(['sh', 'bash', 'ash', 'dash', 'zsh', 'ksh', 'mksh']);
/** Inside a script, `busybox -c …` and a heredoc fed to busybox run a script too. */
const SCRIPT_RUNNERS: ReadonlySet<string> = new Set([...POSIX_SHELLS, 'busybox']);

/**
 * In `sh -c 'script' …` (any of `shells`, flags such as `-ec` before the script), the index of the script among
 * the command's word values; undefined when the program is no such shell or no script follows a `-c`.
 */
export function shellScriptIndex(values: readonly (string | undefined)[], shells: ReadonlySet<string> = POSIX_SHELLS): number | undefined {
  const program = values[0];
  if (program === undefined || !shells.has(basename(program))) return undefined;
  const flagIndex = values.findIndex((value, index) => index > 0 && value !== undefined && /^-[a-z]*c[a-z]*$/.test(value));
  return flagIndex > 0 && flagIndex + 1 < values.length ? flagIndex + 1 : undefined;
}
const cache = new Map<string, ParsedScript>();
const CACHE_LIMIT = 5000;

/**
 * Parses a POSIX/Bash script with unbash. Scripts handed to a shell inside it (`sh -c '…'`, a heredoc fed to
 * `bash`) are parsed too, their commands listed in place. Results are cached by text, so re-checking an edited
 * Dockerfile re-parses only the RUN instructions that changed. unbash recovers from syntax errors: the commands
 * it could read are kept, with the first error.
 */
export function parseScript(text: string): ParsedScript {
  let parsed = cache.get(text);
  if (!parsed) {
    parsed = parseUncached(text, 0);
    if (cache.size >= CACHE_LIMIT) cache.delete(cache.keys().next().value as string);
    cache.set(text, parsed);
  }
  return parsed;
}

function parseUncached(text: string, base: number): ParsedScript {
  const script = parse(text);
  const result: ParsedScript = { commands: [], hasPipe: false };
  const firstError = script.errors?.[0];
  if (firstError) result.error = { message: firstError.message, offset: base + firstError.pos };
  collectNode(script, false, { text, base, result });
  return result;
}

interface Collecting {
  text: string;
  base: number;
  result: ParsedScript;
}

function collectNode(node: SyntaxNode, piped: boolean, collecting: Collecting): void {
  switch (node.type) {
    case 'Command':
      collectCommand(node, piped, collecting);
      return;
    case 'Pipeline': {
      const isPipe = node.commands.length > 1;
      if (isPipe) collecting.result.hasPipe = true;
      for (const command of node.commands) collectNode(command, piped || isPipe, collecting);
      return;
    }
    case 'Script':
      // A backquoted substitution with escapes owns a decoded copy of its text, which offsets cannot map back to.
      if (node.source !== undefined) return;
      forEachChild(node, (child) => collectNode(child, piped, collecting));
      return;
    default:
      // Lists, blocks, subshells, if/while/for/case and functions: their statements run like any others, and so
      // do substitutions in their words (`for x in $(ls)`).
      forEachChild(node, (child) => collectNode(child, piped, collecting));
  }
}

function collectCommand(command: Command, piped: boolean, collecting: Collecting): void {
  const { text, base, result } = collecting;
  const wordNodes = command.name ? [command.name, ...argumentNodes(command)] : [];
  const words = wordNodes.map((word) => scriptWord(word, text, base));
  const assignments = command.prefix
    .filter((part) => part.type === 'Assignment')
    .map((assign) => ({ name: assign.name, value: wordValue(text.slice(assign.value.pos, assign.value.end)) }));
  // A bare `<<EOF` is no command: only its heredoc runs.
  if (words.length > 0 || assignments.length > 0) result.commands.push({ words, assignments, start: base + command.pos, end: base + command.end, piped });
  const nested = nestedShellScript(wordNodes, words, text);
  if (nested) {
    const parsed = parseUncached(nested.text, base + nested.start);
    mergeNested(result, nested.exact ? parsed : placedOnWord(parsed, base + nested.start, base + nested.end));
  }
  // `<<EOF` alone, or fed to a shell, is a script; fed to anything else (python, cat) it is data.
  const program = words[0]?.value;
  if (program !== undefined && !SCRIPT_RUNNERS.has(basename(program))) return;
  if (words.length > 0 && program === undefined) return;
  for (const redirect of command.redirects) {
    if (redirect.type !== 'HereDoc') continue;
    mergeNested(result, parseUncached(text.slice(redirect.body.pos, redirect.body.end), base + redirect.body.pos));
  }
}

/** The words after the program; an assignment-like argument (`export A=1`, `make CC=gcc`) is a word too. */
function argumentNodes(command: Command): SourceSpan[] {
  return command.suffix.filter((part) => part.type === 'Word' || part.type === 'Assignment');
}

interface SourceSpan {
  pos: number;
  end: number;
}

function mergeNested(result: ParsedScript, nested: ParsedScript): void {
  result.commands.push(...nested.commands);
  result.hasPipe ||= nested.hasPipe;
  result.error ??= nested.error;
}

/** `sh -c 'script'` (also bash, with flags such as `-ex` before `-c`): the script word, when it is static. */
function nestedShellScript(
  wordNodes: readonly SourceSpan[],
  words: readonly ScriptWord[],
  text: string,
): { text: string; start: number; end: number; exact: boolean } | undefined {
  const scriptIndex = shellScriptIndex(
    words.map((word) => word.value),
    SCRIPT_RUNNERS,
  );
  const scriptWord = scriptIndex === undefined ? undefined : wordNodes[scriptIndex];
  if (!scriptWord) return undefined;
  const start = scriptWord.pos;
  const raw = text.slice(start, scriptWord.end);
  // The inner shell expands what double quotes hold, so the script is their content with the outer escapes undone.
  const script =
    wordValue(raw) ??
    (/^"[\s\S]*"$/.test(raw) ? raw.slice(1, -1).replace(/\\([$`"\\\n])/g, (_whole, escaped: string) => (escaped === '\n' ? '' : escaped)) : undefined);
  if (script === undefined) return undefined;
  // Offsets inside a quoted or plain word without escapes map one to one; otherwise the nested commands keep
  // their text but span the whole word.
  const quoteOffset = raw.startsWith("'") || raw.startsWith('"') ? 1 : 0;
  const exact = raw.slice(quoteOffset, quoteOffset + script.length) === script;
  return { text: script, start: exact ? start + quoteOffset : start, end: start + raw.length, exact };
}

/** Commands whose offsets cannot be mapped back into the source, placed on the whole script word instead. */
function placedOnWord(parsed: ParsedScript, start: number, end: number): ParsedScript {
  const commands = parsed.commands.map((command) => ({ ...command, start, end, words: command.words.map((word) => ({ ...word, start, end })) }));
  return { ...parsed, commands, error: parsed.error && { ...parsed.error, offset: start } };
}

function scriptWord(word: SourceSpan, text: string, base: number): ScriptWord {
  return { value: wordValue(text.slice(word.pos, word.end)), start: base + word.pos, end: base + word.end };
}

/**
 * The value of a word read from its source text, as the shell sees it when nothing needs expanding: quotes
 * removed and backslash escapes undone; globs stay as written (`rm -rf /var/lib/apt/lists/*` is static for a
 * linter) unless `plain` asks for words the shell would take literally. Undefined for an expansion (`$VAR`,
 * `$(…)`, backquotes). Reading the source keeps one reading of quotes for every caller, parsed words and plain strings alike.
 */
function wordValue(raw: string, plain = false): string | undefined {
  let value = '';
  let quote: "'" | '"' | undefined;
  for (let index = 0; index < raw.length; index++) {
    const char = raw[index]!;
    if (quote === "'") {
      if (char === "'") quote = undefined;
      else value += char;
    } else if (char === '\\') {
      const next = raw[index + 1];
      index++;
      if (next === undefined) value += char;
      else if (next !== '\n') value += quote === '"' && !'$`"\\'.includes(next) ? `\\${next}` : next;
    } else if (char === '`' || (char === '$' && /[\w{(@*#?$!'"-]/.test(raw[index + 1] ?? ''))) {
      return undefined;
    } else if (quote === '"') {
      if (char === '"') quote = undefined;
      else value += char;
    } else if (char === "'" || char === '"') {
      quote = char;
    } else if (plain && ('*?['.includes(char) || (char === '~' && index === 0))) {
      return undefined;
    } else {
      value += char;
    }
  }
  return value;
}

/**
 * The argument words of a script that is one plain command (no operators, pipes, redirections, assignments,
 * expansions or globs), unquoted; undefined for anything the shell would have to interpret.
 */
export function plainCommandWords(script: string): string[] | undefined {
  const words = singleCommandWords(script);
  if (!words) return undefined;
  const values = words.map((raw) => wordValue(raw, true));
  return values.every((value) => value !== undefined) ? (values as string[]) : undefined;
}

/** Whether the script is a single simple command (variables allowed), so `exec` can prefix it. */
export function isSingleCommand(script: string): boolean {
  return singleCommandWords(script) !== undefined;
}

/** The source text of each word of a script that is exactly one simple command. */
function singleCommandWords(script: string): string[] | undefined {
  const parsed = parse(script);
  const statement = parsed.commands.length === 1 ? parsed.commands[0]! : undefined;
  const command = statement?.command;
  if (parsed.errors?.length || !statement || statement.background || command?.type !== 'Command' || !command.name) return undefined;
  if (command.prefix.length || command.redirects.length) return undefined;
  return [command.name, ...argumentNodes(command)].map((word) => script.slice(word.pos, word.end));
}

export function basename(program: string): string {
  return program.slice(program.lastIndexOf('/') + 1);
}
