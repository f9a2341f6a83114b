import { syntax, type Node, type Stmt, type Word } from 'mvdan-sh';

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

const PIPE_OPERATORS = new Set([12, 13]);
const SHELLS = new Set(['sh', 'bash', 'ash', 'dash', 'zsh', 'ksh', 'mksh', 'busybox']);
const parser = syntax.NewParser();
const cache = new Map<string, ParsedScript>();
const CACHE_LIMIT = 5000;

/**
 * Parses a POSIX/Bash script with mvdan/sh. Scripts handed to a shell inside it (`sh -c '…'`, a heredoc fed to
 * `bash`) are parsed too, their commands listed in place. Results are cached by text, so re-checking an edited
 * Dockerfile re-parses only the RUN instructions that changed.
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
  const offsets = utf16Offsets(text);
  let file;
  try {
    file = parser.Parse(text, '');
  } catch (error) {
    const parseError = error as { Error?: () => string; Pos?: { Offset(): number } };
    const message = typeof parseError.Error === 'function' ? parseError.Error().replace(/^:?\d+:\d+: /, '') : String(error);
    return { commands: [], hasPipe: false, error: { message, offset: base + offsets(parseError.Pos?.Offset() ?? 0) } };
  }
  const result: ParsedScript = { commands: [], hasPipe: false };
  const visit = (statement: Stmt, piped: boolean) => collectStatement(statement, piped, text, base, offsets, result, visit);
  for (const statement of file.Stmts) visit(statement, false);
  return result;
}

type Visit = (statement: Stmt, piped: boolean) => void;

function collectStatement(statement: Stmt, piped: boolean, text: string, base: number, offsets: (byteOffset: number) => number, result: ParsedScript, visit: Visit): void {
  const command = statement.Cmd;
  if (command) {
    const type = syntax.NodeType(command);
    if (type === 'CallExpr') {
      const args = command.Args ?? [];
      const words = args.map((word) => scriptWord(word, text, base, offsets));
      result.commands.push({
        words,
        assignments: (command.Assigns ?? []).map((assign) => assignment(assign, text, offsets)),
        start: base + offsets(command.Pos().Offset()),
        end: base + offsets(command.End().Offset()),
        piped,
      });
      const nested = nestedShellScript(args, words, text, offsets);
      if (nested) {
        const parsed = parseUncached(nested.text, base + nested.start);
        mergeNested(result, nested.exact ? parsed : placedOnWord(parsed, base + nested.start, base + nested.end));
      }
    } else if (type === 'BinaryCmd') {
      const isPipe = PIPE_OPERATORS.has(command.Op ?? -1);
      if (isPipe) result.hasPipe = true;
      if (command.X) visit(command.X, piped || isPipe);
      if (command.Y) visit(command.Y, piped || isPipe);
    } else {
      // Blocks, subshells, if/while/for/case and functions: their statements run like any others.
      syntax.Walk(command, (node) => {
        if (node && node !== command && syntax.NodeType(node) === 'Stmt') {
          visit(node as Stmt, piped);
          return false;
        }
        return true;
      });
    }
  }
  for (const redirect of statement.Redirs as (Node & { Hdoc?: Word | null })[]) {
    if (!redirect.Hdoc) continue;
    // `<<EOF` alone, or fed to a shell, is a script; fed to anything else (python, cat) it is data.
    const programWord = command && syntax.NodeType(command) === 'CallExpr' ? command.Args?.[0] : undefined;
    const program = programWord && wordValue(rawWord(programWord, text, offsets));
    if (command && !(program && SHELLS.has(basename(program)))) continue;
    const start = offsets(redirect.Hdoc.Pos().Offset());
    // mvdan/sh's heredoc range ends after the closing delimiter line, which is not part of the script.
    const body = text.slice(start, offsets(redirect.Hdoc.End().Offset())).replace(/\n?[ \t]*[^\n]*$/, '');
    mergeNested(result, parseUncached(body, base + start));
  }
}

function mergeNested(result: ParsedScript, nested: ParsedScript): void {
  result.commands.push(...nested.commands);
  result.hasPipe ||= nested.hasPipe;
  result.error ??= nested.error;
}

/** `sh -c 'script'` (also bash, with flags such as `-ex` before `-c`): the script word, when it is static. */
function nestedShellScript(args: readonly Word[], words: readonly ScriptWord[], text: string, offsets: (byteOffset: number) => number): { text: string; start: number; end: number; exact: boolean } | undefined {
  const program = words[0]?.value;
  if (!program || !SHELLS.has(basename(program))) return undefined;
  const flagIndex = words.findIndex((word, index) => index > 0 && /^-[a-z]*c[a-z]*$/.test(word.value ?? ''));
  const scriptWord = flagIndex > 0 ? args[flagIndex + 1] : undefined;
  if (!scriptWord) return undefined;
  const start = offsets(scriptWord.Pos().Offset());
  const raw = text.slice(start, offsets(scriptWord.End().Offset()));
  // The inner shell expands what double quotes hold, so the script is their content with the outer escapes undone.
  const script = wordValue(raw) ?? (/^"[^]*"$/.test(raw) ? raw.slice(1, -1).replace(/\\([$`"\\\n])/g, (_whole, escaped: string) => (escaped === '\n' ? '' : escaped)) : undefined);
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

function scriptWord(word: Word, text: string, base: number, offsets: (byteOffset: number) => number): ScriptWord {
  const start = offsets(word.Pos().Offset());
  const end = offsets(word.End().Offset());
  return { value: wordValue(text.slice(start, end)), start: base + start, end: base + end };
}

function rawWord(word: Word, text: string, offsets: (byteOffset: number) => number): string {
  return text.slice(offsets(word.Pos().Offset()), offsets(word.End().Offset()));
}

function assignment(assign: Node, text: string, offsets: (byteOffset: number) => number): { name: string; value: string | undefined } {
  const node = assign as Node & { Name?: { Value: string }; Value?: Word | null };
  return { name: node.Name?.Value ?? '', value: node.Value ? wordValue(rawWord(node.Value, text, offsets)) : '' };
}

/**
 * The value of a word read from its source text, as the shell sees it when nothing needs expanding: quotes
 * removed and backslash escapes undone; globs stay as written (`rm -rf /var/lib/apt/lists/*` is static for a
 * linter) unless `plain` asks for words the shell would take literally. Undefined for an expansion (`$VAR`,
 * `$(…)`, backquotes). Reading the source is far cheaper than walking the word's parts through GopherJS.
 */
export function wordValue(raw: string, plain = false): string | undefined {
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
  let file;
  try {
    file = parser.Parse(script, '');
  } catch {
    return undefined;
  }
  const statement = file.Stmts.length === 1 ? file.Stmts[0]! : undefined;
  const command = statement?.Cmd;
  if (!statement || !command || syntax.NodeType(command) !== 'CallExpr') return undefined;
  if (statement.Redirs.length || statement.Background || statement.Negated || statement.Coprocess) return undefined;
  if (command.Assigns?.length || !command.Args?.length) return undefined;
  const offsets = utf16Offsets(script);
  return command.Args.map((word) => rawWord(word, script, offsets));
}

export function basename(program: string): string {
  return program.slice(program.lastIndexOf('/') + 1);
}

/** mvdan/sh reports UTF-8 byte offsets; this maps them to string indices. */
function utf16Offsets(text: string): (byteOffset: number) => number {
  // eslint-disable-next-line no-control-regex
  if (/^[\x00-\x7f]*$/.test(text)) return (byteOffset) => byteOffset;
  const byteToIndex: number[] = [];
  for (let index = 0; index < text.length; index++) {
    const code = text.codePointAt(index)!;
    const bytes = code < 0x80 ? 1 : code < 0x800 ? 2 : code < 0x10000 ? 3 : 4;
    for (let byte = 0; byte < bytes; byte++) byteToIndex.push(index);
    if (code >= 0x10000) index++;
  }
  return (byteOffset) => (byteOffset >= byteToIndex.length ? text.length : byteToIndex[byteOffset]!);
}
