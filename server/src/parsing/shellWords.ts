import type { Script, Word, WordPart } from 'unbash';

/**
 * One part of a word as the shell reads it, with offsets into the script text. A double-quoted string is one
 * `quoted` piece followed by the expansions inside it (`quoted: true`); expansions nested in another expansion's
 * operand (`${A:-$B}`) are not listed, as the outer one decides how the result is split.
 */
export type WordPiece =
  | { type: 'literal'; start: number; end: number; source: string }
  | { type: 'quoted'; quoting: 'single' | 'double' | 'ansi-c' | 'locale'; start: number; end: number; source: string }
  /** Unquoted `*`, `?` or `[…]`. */
  | { type: 'glob'; start: number; end: number; source: string }
  /** `{a,b}` or `{1..9}`. */
  | { type: 'brace'; start: number; end: number; source: string }
  /** `@(a|b)` and the other extended globs. */
  | { type: 'extglob'; start: number; end: number; source: string }
  | ParameterPiece
  | SubstitutionPiece
  | { type: 'arithmetic'; quoted: boolean; start: number; end: number; source: string }
  /** `<(…)` or `>(…)`. */
  | { type: 'process'; start: number; end: number; source: string };

/** `$NAME`, `$1`, `$@` or `${NAME…}`. */
export interface ParameterPiece {
  type: 'parameter';
  quoted: boolean;
  start: number;
  end: number;
  source: string;
  /** `HOME`, `1`, `@`, `#`… */
  name: string;
  braced: boolean;
  /** `${#NAME}`: the length, a number. */
  length: boolean;
  /** `${!NAME}`: indirection (or the names of a prefix or the keys of an array). */
  indirect: boolean;
  /** `${NAME[…]}`. */
  indexed: boolean;
  /** The operation of `${NAME<operator>…}`: `:-`, `#`, `/`, `:` (a slice), `^^`, `@`… */
  operator: string | undefined;
  operation: 'Default' | 'Remove' | 'Replace' | 'Slice' | 'CaseModification' | 'Transform' | 'Names' | 'Unknown' | undefined;
}

/** `$(…)` or a backquoted command. */
export interface SubstitutionPiece {
  type: 'substitution';
  quoted: boolean;
  backquoted: boolean;
  start: number;
  end: number;
  source: string;
  /** The words of the command whose output the substitution takes (the last of its last pipeline), when it is a simple command. */
  output: readonly (string | undefined)[] | undefined;
}

/** The pieces of a word; empty for a word of plain characters, which unbash gives no parts. */
export function wordPieces(word: Word, text: string, base: number): WordPiece[] {
  const pieces: WordPiece[] = [];
  for (const part of word.parts ?? []) addPiece(part, false, { text, base, pieces });
  return pieces;
}

interface Reading {
  /** The text unbash parsed, which part offsets index. */
  text: string;
  /** Where that text starts in the outermost script. */
  base: number;
  pieces: WordPiece[];
}

function addPiece(part: WordPart, quoted: boolean, reading: Reading): void {
  const { text, base, pieces } = reading;
  const span = { start: base + part.pos, end: base + part.end, source: part.text };
  switch (part.type) {
    case 'Literal':
      if (!quoted) pieces.push({ type: 'literal', ...span });
      return;
    case 'SingleQuoted':
      pieces.push({ type: 'quoted', quoting: 'single', ...span });
      return;
    case 'AnsiCQuoted':
      pieces.push({ type: 'quoted', quoting: 'ansi-c', ...span });
      return;
    case 'DoubleQuoted':
    case 'LocaleString':
      pieces.push({ type: 'quoted', quoting: part.type === 'DoubleQuoted' ? 'double' : 'locale', ...span });
      for (const child of part.parts) addPiece(child, true, reading);
      return;
    case 'Glob':
      pieces.push({ type: 'glob', ...span });
      return;
    case 'BraceExpansion':
      pieces.push({ type: 'brace', ...span });
      return;
    case 'ExtendedGlob':
      pieces.push({ type: 'extglob', ...span });
      return;
    case 'SimpleExpansion':
      pieces.push({
        type: 'parameter',
        quoted,
        ...span,
        name: part.text.slice(1),
        braced: false,
        length: false,
        indirect: false,
        indexed: false,
        operator: undefined,
        operation: undefined,
      });
      return;
    case 'ParameterExpansion':
      pieces.push({
        type: 'parameter',
        quoted,
        ...span,
        name: part.parameter,
        braced: true,
        length: part.prefix === '#',
        indirect: part.prefix === '!',
        indexed: part.index !== undefined,
        operator: part.operation?.operator,
        operation: part.operation?.type,
      });
      return;
    case 'CommandExpansion':
      pieces.push({ type: 'substitution', quoted, backquoted: part.text.startsWith('`'), ...span, output: part.script && outputWords(part.script, text) });
      return;
    case 'ArithmeticExpansion':
      pieces.push({ type: 'arithmetic', quoted, ...span });
      return;
    case 'ProcessSubstitution':
      pieces.push({ type: 'process', ...span });
      return;
  }
}

/** The words of the simple command whose output a script prints last: `a | b -x` → `b -x`. */
function outputWords(script: Script, text: string): (string | undefined)[] | undefined {
  // A backquoted script with escapes indexes a decoded copy of its text.
  if (script.source !== undefined) return undefined;
  let node = script.commands.at(-1)?.command;
  while (node && (node.type === 'AndOr' || node.type === 'Pipeline')) node = node.commands.at(-1);
  if (node?.type !== 'Command' || !node.name) return undefined;
  return [node.name, ...node.suffix.filter((part) => part.type === 'Word')].map((word) => wordValue(text.slice(word.pos, word.end)));
}

/**
 * The value of a word read from its source text, as the shell sees it when nothing needs expanding: quotes
 * removed and backslash escapes undone; globs stay as written (`rm -rf /var/lib/apt/lists/*` is static for a
 * linter) unless `plain` asks for words the shell would take literally. Undefined for an expansion (`$VAR`,
 * `$(…)`, backquotes). Reading the source keeps one reading of quotes for every caller, parsed words and plain strings alike.
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
