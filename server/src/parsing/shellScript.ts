import { forEachChild, parse, type Assignment, type Command, type Redirection, type SyntaxNode, type Word } from 'unbash';
import { wordPieces, wordValue, type WordPiece } from './shellWords';
import type { VersionMemo } from './versionMemo';

/** A word of a command, with offsets into the script text it was parsed from (UTF-16, like JavaScript strings). */
export interface ScriptWord {
  /** The word's value when it is static (quotes removed, globs kept); undefined when it needs expansion (`$VAR`, `$(…)`). */
  value: string | undefined;
  start: number;
  end: number;
  /**
   * How the word is written, part by part (quotes, expansions, globs), for the shell checks. Empty for a word of
   * plain characters, and in a script whose offsets could not be mapped back into the source.
   */
  parts: readonly WordPiece[];
  /** An argument `NAME=value` of a declaration built-in (`export NAME=$(…)`, `local`, `readonly`…): its name and value. */
  assignment?: { name: string; value: ScriptWord };
}

/** A `NAME=value` before a command's program, or alone. */
export interface ScriptAssignment {
  name: string;
  /** The static value; undefined when it needs expansion, or for an array. */
  value: string | undefined;
  /** The value as written; undefined for an array `NAME=(…)`. */
  word: ScriptWord | undefined;
  start: number;
  end: number;
}

/** A simple command of a script: `NAME=value program arg…`, wherever it sits (lists, pipelines, if, loops…). */
export interface ScriptCommand {
  /** The argument vector, program first. */
  words: ScriptWord[];
  /** The `NAME=value` assignments before the program. */
  assignments: ScriptAssignment[];
  start: number;
  end: number;
  /** Part of a pipeline (`a | b`). */
  piped: boolean;
  /** The script that runs it: an index into `ParsedScript.scripts`. */
  script: number;
  /** Its exit status is tested (left of `&&` or `||`, the condition of an if or a loop, after `!`): a failure does not go unnoticed. */
  tested: boolean;
  /** Its redirections (`>`, `>>`, `2>&1`, `<<`…), with their static targets. */
  redirects: readonly { operator: string; target: string | undefined }[];
  /** Its output goes to a file or another program: its own `>`, one of a block around it (`{ …; } > file`), or a pipe. */
  stdoutRedirected: boolean;
  /** It runs before a pipe (`a` in `a | b`, or inside `{ a; } | b`): without pipefail, its failure goes unnoticed. */
  feedsPipe: boolean;
}

/** A script a shell runs: the text itself (the first), or one it hands to a shell (`sh -c '…'`, a heredoc fed to `bash`). */
export interface ScriptUnit {
  /** The shell's base name (`bash`), from its program or the heredoc's shebang; undefined for the shell that runs the text itself. */
  shell: string | undefined;
  /** The options the shell starts with: the words between it and the script (`-ex`, `-c`), or the shebang's. */
  options: readonly string[];
}

/** Syntax that POSIX sh does not have, which the shell checks look for. */
export type ConstructKind =
  | 'double-bracket-test'
  | 'arithmetic-command'
  | 'arithmetic-for'
  | 'select'
  | 'coproc'
  | 'function-keyword'
  | 'process-substitution'
  | 'here-string'
  | 'redirect-both'
  | 'pipe-both'
  | 'array-assignment'
  | 'append-assignment'
  | 'array-reference'
  | 'substring'
  | 'replacement'
  | 'case-modification'
  | 'indirection'
  | 'transformation'
  | 'ansi-c-quote'
  | 'locale-quote'
  | 'brace-expansion'
  | 'extended-glob'
  | 'legacy-arithmetic';

export interface ShellConstruct {
  kind: ConstructKind;
  start: number;
  end: number;
  script: number;
}

/** `for NAME in WORDS` (or `select`). */
export interface ScriptLoop {
  name: string;
  /** Undefined for `for NAME` without `in`, which loops over the positional parameters. */
  words: readonly ScriptWord[] | undefined;
  script: number;
  start: number;
  end: number;
}

export interface ParsedScript {
  /** The text parsed, which every offset indexes. */
  text: string;
  /** The simple commands that run, in order, without those inside the command substitutions of a command's words. */
  commands: ScriptCommand[];
  /** Whether the script has a pipeline anywhere. */
  hasPipe: boolean;
  error?: { message: string; offset: number };
  /** Every simple command, those inside command substitutions too: what the shell checks read. */
  allCommands: ScriptCommand[];
  /** The script itself, then each script it hands to a shell. */
  scripts: ScriptUnit[];
  constructs: ShellConstruct[];
  loops: ScriptLoop[];
  /** Every statement (a command, a pipeline, a list, a compound command), outer ones before those they hold. */
  statements: { start: number; end: number; script: number }[];
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
/**
 * Parses a POSIX/Bash script with unbash. Scripts handed to a shell inside it (`sh -c '…'`, a heredoc fed to
 * `bash`) are parsed too, their commands listed in place. With the document's memo (`DockerfileModel.scripts`), a
 * script is parsed once while its text is unchanged: re-checking an edited Dockerfile re-parses only the RUN
 * instructions that changed, and the shell checks keep what they found per parsed script. unbash recovers from
 * syntax errors: the commands it could read are kept, with the first error.
 */
export function parseScript(text: string, memo?: VersionMemo<ParsedScript>): ParsedScript {
  return memo ? memo.get(text, () => parseScriptText(text)) : parseScriptText(text);
}

function parseScriptText(text: string): ParsedScript {
  const parsed: ParsedScript = { text, commands: [], hasPipe: false, allCommands: [], scripts: [], constructs: [], loops: [], statements: [] };
  try {
    collectScript(text, 0, parsed, { shell: undefined, options: [] });
  } catch (error) {
    // unbash and collectNode recurse once per level: thousands of nested `$(` overflow the stack. Nothing is read.
    if (!(error instanceof RangeError)) throw error;
    return {
      text,
      commands: [],
      hasPipe: false,
      allCommands: [],
      scripts: [],
      constructs: [],
      loops: [],
      statements: [],
      error: { message: 'nested too deeply to read', offset: 0 },
    };
  }
  return parsed;
}

interface Collecting {
  /** The text unbash parsed, which node offsets index. */
  text: string;
  /** Where that text starts in the outermost script. */
  base: number;
  result: ParsedScript;
  script: number;
  /** Outside the command substitutions of a command's words: commands go into `result.commands` too. */
  listed: boolean;
  tested: boolean;
  /** Inside a block whose output is redirected, or before a pipe. */
  stdoutRedirected: boolean;
  feedsPipe: boolean;
}

/** Parses one script into `result`, as a new unit. */
function collectScript(text: string, base: number, result: ParsedScript, unit: ScriptUnit): void {
  const script = parse(text);
  const firstError = script.errors?.[0];
  if (firstError) result.error ??= { message: firstError.message, offset: base + firstError.pos };
  result.scripts.push(unit);
  collectNode(script, false, { text, base, result, script: result.scripts.length - 1, listed: true, tested: false, stdoutRedirected: false, feedsPipe: false });
}

function collectNode(node: SyntaxNode, piped: boolean, collecting: Collecting): void {
  const construct = (kind: ConstructKind, start = node.pos, end = node.end): void => {
    collecting.result.constructs.push({ kind, start: collecting.base + start, end: collecting.base + end, script: collecting.script });
  };
  const children = (context: Collecting = collecting): void => forEachChild(node, (child) => collectNode(child, piped, context));
  switch (node.type) {
    case 'Command':
      collectCommand(node, piped, collecting);
      return;
    case 'Pipeline': {
      const isPipe = node.commands.length > 1;
      if (isPipe && collecting.listed) collecting.result.hasPipe = true;
      if (node.operators.includes('|&')) construct('pipe-both');
      const tested = collecting.tested || node.prefixes.some((prefix) => prefix.type === 'Negation');
      for (const [index, command] of node.commands.entries()) {
        const beforePipe = index < node.commands.length - 1;
        const stdoutRedirected = collecting.stdoutRedirected || beforePipe;
        collectNode(command, piped || isPipe, { ...collecting, tested, stdoutRedirected, feedsPipe: collecting.feedsPipe || beforePipe });
      }
      return;
    }
    case 'AndOr':
      for (const [index, command] of node.commands.entries()) {
        collectNode(command, piped, { ...collecting, tested: collecting.tested || index < node.commands.length - 1 });
      }
      return;
    case 'Script':
      // A backquoted substitution with escapes owns a decoded copy of its text, which offsets cannot map back to.
      if (node.source !== undefined) return;
      collectStatements(node.commands, piped, collecting);
      return;
    case 'CompoundList':
      collectStatements(node.commands, piped, collecting);
      return;
    case 'Redirected':
      if (node.redirects.some(redirectsStdout)) {
        children({ ...collecting, stdoutRedirected: true });
        return;
      }
      break;
    case 'Statement':
      collecting.result.statements.push({ start: collecting.base + node.pos, end: collecting.base + node.end, script: collecting.script });
      break;
    case 'If':
    case 'Elif':
    case 'While':
      // Only the last command of a condition decides it, as only the last of a list decides the list's status.
      forEachChild(node, (child) => collectNode(child, piped, { ...collecting, tested: child === node.clause }));
      return;
    case 'For':
    case 'Select':
      collecting.result.loops.push({
        name: node.name.text,
        words: node.wordlist?.map((word) => scriptWord(word, collecting)),
        script: collecting.script,
        start: collecting.base + node.pos,
        end: collecting.base + node.end,
      });
      if (node.type === 'Select') construct('select');
      children({ ...collecting, tested: false });
      return;
    case 'Function': {
      const written = collecting.text.slice(node.pos, node.name.end);
      if (/^function\s/.test(written))
        construct('function-keyword', node.pos, node.name.end + (/^\s*\(\s*\)/.exec(collecting.text.slice(node.name.end))?.[0].length ?? 0));
      children({ ...collecting, tested: false });
      return;
    }
    case 'TestCommand':
      construct('double-bracket-test');
      break;
    case 'ArithmeticCommand':
      construct('arithmetic-command');
      break;
    case 'ArithmeticFor':
      construct('arithmetic-for');
      break;
    case 'Coproc':
      construct('coproc');
      break;
    case 'Redirect':
      if (node.operator === '&>' || node.operator === '&>>') construct('redirect-both');
      break;
    case 'HereString':
      construct('here-string');
      break;
    case 'Assignment':
      if (node.value.type === 'ArrayValue' || node.index) construct('array-assignment');
      else if (node.append) construct('append-assignment');
      break;
    case 'ParameterExpansion': {
      const operation = node.operation?.type;
      if (node.index) construct('array-reference');
      else if (node.prefix === '!') construct('indirection');
      else if (operation === 'Slice') construct('substring');
      else if (operation === 'Replace') construct('replacement');
      else if (operation === 'CaseModification') construct('case-modification');
      else if (operation === 'Transform') construct('transformation');
      break;
    }
    case 'AnsiCQuoted':
      construct('ansi-c-quote');
      break;
    case 'LocaleString':
      construct('locale-quote');
      break;
    case 'BraceExpansion':
      construct('brace-expansion');
      break;
    case 'ExtendedGlob':
      construct('extended-glob');
      break;
    case 'ProcessSubstitution':
      construct('process-substitution');
      break;
    case 'ArithmeticExpansion':
      if (node.text.startsWith('$[')) construct('legacy-arithmetic');
      break;
  }
  // Lists, blocks, subshells, loops, functions and words: their statements run like any others, and so do
  // substitutions in their words (`for x in $(ls)`).
  children();
}

/** Characters that start quoting, an expansion, a glob or a brace expansion; a word without any is plain text. */
const SPECIAL = new Set([...'$`\'"\\*?[{('].map((char) => char.charCodeAt(0)));

function isPlain(text: string, span: { pos: number; end: number }): boolean {
  for (let index = span.pos; index < span.end; index++) if (SPECIAL.has(text.charCodeAt(index))) return false;
  return true;
}

/** `>`, `>>`, `>|`, `&>` and `&>>` on the standard output (no descriptor, or 1). */
function redirectsStdout(redirect: Redirection): boolean {
  const toFile =
    redirect.operator === '>' || redirect.operator === '>>' || redirect.operator === '>|' || redirect.operator === '&>' || redirect.operator === '&>>';
  return toFile && (redirect.descriptor === undefined || (redirect.descriptor.type === 'FileDescriptor' && redirect.descriptor.value === 1));
}

/** A list's status is its last statement's: the earlier ones are not tested, whatever tests the list. */
function collectStatements(statements: readonly SyntaxNode[], piped: boolean, collecting: Collecting): void {
  for (const [index, statement] of statements.entries()) {
    collectNode(statement, piped, index === statements.length - 1 ? collecting : { ...collecting, tested: false });
  }
}

function collectCommand(command: Command, piped: boolean, collecting: Collecting): void {
  const { text, base, result } = collecting;
  const wordNodes = command.name ? [command.name, ...argumentNodes(command)] : [];
  const words = wordNodes.map((word) => (word.type === 'Assignment' ? assignmentWord(word, collecting) : scriptWord(word, collecting)));
  const assignments = command.prefix.filter((part) => part.type === 'Assignment').map((assign) => scriptAssignment(assign, collecting));
  const redirections = command.redirects;
  // A bare `<<EOF` is no command: only its heredoc runs.
  if (words.length > 0 || assignments.length > 0) {
    const entry: ScriptCommand = {
      words,
      assignments,
      start: base + command.pos,
      end: base + command.end,
      piped,
      script: collecting.script,
      tested: collecting.tested,
      redirects: redirections.length === 0 ? NO_REDIRECTS : redirections.map((redirect) => redirectOf(redirect, text)),
      stdoutRedirected: collecting.stdoutRedirected || redirections.some(redirectsStdout),
      feedsPipe: collecting.feedsPipe,
    };
    if (collecting.listed) result.commands.push(entry);
    result.allCommands.push(entry);
  }
  const program = words[0]?.value;
  const runner = program !== undefined && SCRIPT_RUNNERS.has(basename(program));
  // `<<EOF` alone, or fed to a shell, is a script; fed to anything else (python, cat) it is data.
  const runsHeredocs = words.length === 0 || runner;
  // What runs inside the words and redirections: command substitutions, whose commands are not listed and whose
  // output the substitution takes.
  let inside: Collecting | undefined;
  const collectInside = (part: SyntaxNode): void => {
    if (part.type === 'Word' ? isPlain(text, part) : part.type === 'HereDoc' && runsHeredocs) return;
    inside ??= { ...collecting, listed: false, tested: false, stdoutRedirected: true, feedsPipe: false };
    collectNode(part, false, inside);
  };
  for (const part of command.prefix) collectInside(part);
  if (command.name) collectInside(command.name);
  for (const part of command.suffix) collectInside(part);
  const nested = runner ? nestedShellScript(wordNodes, words, text) : undefined;
  if (nested) {
    const unit = { shell: basename(program ?? ''), options: words.slice(1, nested.index).map((word) => word.value ?? '') };
    if (nested.exact) collectScript(nested.text, base + nested.start, result, unit);
    else placeOnWord(nested.text, result, base + nested.start, base + nested.end);
  }
  if (!runsHeredocs) return;
  for (const redirect of redirections) {
    if (redirect.type !== 'HereDoc') continue;
    const body = text.slice(redirect.body.pos, redirect.body.end);
    const unit = program === undefined ? shebangUnit(body) : { shell: basename(program), options: words.slice(1).map((word) => word.value ?? '') };
    if (unit) collectScript(body, base + redirect.body.pos, result, unit);
  }
}

const NO_REDIRECTS: ScriptCommand['redirects'] = Object.freeze([]);

function redirectOf(redirect: Redirection, text: string): ScriptCommand['redirects'][number] {
  const target = redirect.type !== 'HereDoc' && redirect.target ? wordValue(text.slice(redirect.target.pos, redirect.target.end)) : undefined;
  return { operator: redirect.operator, target };
}

/**
 * The shell a heredoc that is the whole RUN runs in: the RUN's own, or the interpreter its shebang names (BuildKit
 * runs such a heredoc as a file). Undefined for an interpreter that is not a shell (`#!/usr/bin/env python3`).
 */
function shebangUnit(body: string): ScriptUnit | undefined {
  const shebang = /^#!\s*(\S+)(.*)/.exec(body);
  if (!shebang) return { shell: undefined, options: [] };
  let [interpreter, ...options] = [basename(shebang[1]!), ...shebang[2]!.trim().split(/\s+/).filter(Boolean)];
  // `#!/usr/bin/env -S bash -e`: env's own options come before the interpreter.
  if (interpreter === 'env')
    [interpreter = '', ...options] = options.slice(
      Math.max(
        0,
        options.findIndex((option) => !option.startsWith('-')),
      ),
    );
  return SCRIPT_RUNNERS.has(interpreter) ? { shell: interpreter, options } : undefined;
}

/** The words after the program; an assignment-like argument (`export A=1`, `make CC=gcc`) is a word too. */
function argumentNodes(command: Command): (Word | Assignment)[] {
  return command.suffix.filter((part) => part.type === 'Word' || part.type === 'Assignment');
}

/**
 * `sh -c 'script'` (also bash, with flags such as `-ex` before `-c`): the script word, when it is static, and its
 * index among the words.
 */
function nestedShellScript(
  wordNodes: readonly (Word | Assignment)[],
  words: readonly ScriptWord[],
  text: string,
): { text: string; start: number; end: number; exact: boolean; index: number } | undefined {
  const scriptIndex = shellScriptIndex(
    words.map((word) => word.value),
    SCRIPT_RUNNERS,
  );
  const scriptWord = scriptIndex === undefined ? undefined : wordNodes[scriptIndex];
  if (scriptIndex === undefined || !scriptWord) return undefined;
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
  return { text: script, start: exact ? start + quoteOffset : start, end: start + raw.length, exact, index: scriptIndex };
}

/**
 * A nested script whose offsets cannot be mapped back into the source: its commands are listed on the whole script
 * word, for the rules about programs; the shell checks, which point into words, do not see it.
 */
function placeOnWord(text: string, result: ParsedScript, start: number, end: number): void {
  const parsed = parseScriptText(text);
  const onWord = (command: ScriptCommand): ScriptCommand => ({
    ...command,
    start,
    end,
    words: command.words.map((word) => ({ ...word, start, end, parts: [] })),
  });
  result.commands.push(...parsed.commands.map(onWord));
  result.hasPipe ||= parsed.hasPipe;
  if (parsed.error) result.error ??= { message: parsed.error.message, offset: start };
}

/** No parts to read: most words of a script (`apt-get`, `-y`, `curl`) are plain, and unbash reads parts on demand. */
const NO_PARTS: readonly WordPiece[] = Object.freeze([]);

function scriptWord(word: Word | Assignment, collecting: Collecting): ScriptWord {
  const { text, base } = collecting;
  const parts = word.type === 'Word' && !isPlain(text, word) ? wordPieces(word, text, base) : NO_PARTS;
  return { value: wordValue(text.slice(word.pos, word.end)), start: base + word.pos, end: base + word.end, parts };
}

function assignmentWord(assignment: Assignment, collecting: Collecting): ScriptWord {
  const word = scriptWord(assignment, collecting);
  const value = assignment.value.type === 'Word' ? scriptWord(assignment.value, collecting) : undefined;
  return value ? { ...word, parts: value.parts, assignment: { name: assignment.name, value } } : word;
}

function scriptAssignment(assignment: Assignment, collecting: Collecting): ScriptAssignment {
  const { text, base } = collecting;
  const word = assignment.value.type === 'Word' ? scriptWord(assignment.value, collecting) : undefined;
  return {
    name: assignment.name,
    value: word ? wordValue(text.slice(assignment.value.pos, assignment.value.end)) : undefined,
    word,
    start: base + assignment.pos,
    end: base + assignment.end,
  };
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
