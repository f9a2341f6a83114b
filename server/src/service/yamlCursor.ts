import type { Position, Range } from 'vscode-languageserver-types';

/** A path into YAML data: mapping keys and list indexes. */
export type YamlPath = readonly (string | number)[];

/**
 * What is being typed at the cursor of a YAML document. Read from the lines and their indentation, not from a parse:
 * a document being typed is often not valid YAML (a key without its value yet, a half-written list).
 */
export interface YamlCursor {
  /**
   * `key`: a key of the mapping at `path`; `value`: the scalar at `path`; `item`: a list item at `path` (a scalar, or the
   * first key of a mapping item).
   */
  role: 'key' | 'value' | 'item';
  path: YamlPath;
  /** The typed text a completion replaces (without an opening quote), and its range up to the cursor. */
  typed: string;
  range: Range;
  /** Where the word under the cursor ends: a key edited in place is replaced whole. */
  wordEnd: Position;
  /** The key under the cursor already has its colon after it. */
  hasColon: boolean;
  /** The column entries of this level start at; lines inserted below a key indent from here. */
  column: number;
  /** Inside a flow collection (`[a, b]`, `{a: b}`), where entries are written on the line. */
  flow: boolean;
  /** Keys and scalar list items already written at this level. */
  presentKeys: ReadonlySet<string>;
  presentItems: readonly string[];
}

/** The key under the cursor, for hovers. */
export interface YamlKeyAt {
  path: YamlPath;
  range: Range;
}

interface LineShape {
  indent: number;
  /** Columns of the `- ` item markers, left to right. */
  dashes: number[];
  key?: { name: string; start: number; end: number; value: string };
  /** The content after the markers when it is no key: a scalar list item. */
  scalar?: string;
}

type Line = LineShape | 'blank' | 'boundary';

/** What opens a collection on a line: an item marker, or a key. */
interface Opener {
  column: number;
  key?: LineShape['key'];
}

/** A key: quoted, or plain up to the first `: ` (plain keys in compose files hold no `: `). */
const KEY = /^(?:"((?:[^"\\]|\\.)*)"|'((?:[^']|'')*)'|([^\s#'"{}[\],&*!|>%@`][^#]*?))[ \t]*:(?=[ \t]|$)[ \t]*/;
/** A value that leaves the key's content to the following lines: nothing, or only an anchor and a tag. */
const OPENS_BLOCK = /^(?:[&!]\S*\s*)*$/;
const TYPED_WORD = /^[^\s:#{}[\],'"]*$/;
const WORD_REST = /^[^\s:#{}[\],'"]*/;

export function yamlCursor(text: string, position: Position): YamlCursor | undefined {
  const lines = text.split(/\r?\n/);
  const lineText = lines[position.line];
  if (lineText === undefined) return undefined;
  const character = Math.min(position.character, lineText.length);
  const prefix = lineText.slice(0, character);
  if (/^(---|\.\.\.)(\s|$)/.test(lineText) || /^\s*#/.test(prefix)) return undefined;
  const { indent, dashes, contentStart } = markersOf(prefix);
  // A dash just typed has no space after it yet: nothing can follow it on this line.
  if (dashes.at(-1) === prefix.length - 1) return undefined;
  const content = prefix.slice(contentStart);
  const container = containerOf(lines, position.line, dashes, contentStart);
  if (!container) return undefined;
  const at = (column: number): Position => ({ line: position.line, character: column });
  const end = at(character);
  const wordRest = WORD_REST.exec(lineText.slice(character))?.[0] ?? '';
  const wordEnd = at(character + wordRest.length);
  const hasColon = /^\s*:(\s|$)/.test(lineText.slice(character + wordRest.length));

  const keyMatch = KEY.exec(content);
  if (keyMatch) {
    const key = keyName(keyMatch);
    const valueStart = contentStart + keyMatch[0].length;
    if (!/[ \t]$/.test(keyMatch[0]) || key === undefined) return undefined;
    const path = [...container, key];
    const base = { wordEnd, hasColon: false, column: contentStart, presentKeys: new Set<string>(), presentItems: [] };
    const value = prefix.slice(valueStart);
    if (value.startsWith('[') || value.startsWith('{')) {
      const flow = flowCursor(value);
      if (!flow) return undefined;
      return { ...base, ...flow, path: [...path, ...flow.path], range: { start: at(valueStart + flow.typedStart), end }, wordEnd: end, flow: true };
    }
    const quoted = /^["']/.test(value);
    const typed = quoted ? value.slice(1) : value;
    if ((quoted && typed.includes(value[0] ?? '')) || (!quoted && /(^|\s)#/.test(value))) return undefined;
    const typedStart = valueStart + (quoted ? 1 : 0);
    return { ...base, role: 'value', path, typed, range: { start: at(typedStart), end }, wordEnd: end, flow: false };
  }
  if (!TYPED_WORD.test(content)) return undefined;
  const range = { start: at(contentStart), end };
  const base = { typed: content, range, wordEnd, hasColon, flow: false };
  if (dashes.length > 0) {
    const levelColumn = dashes.at(-1) ?? 0;
    const { items } = levelContents(lines, position.line, levelColumn);
    return { ...base, role: 'item', path: container, column: contentStart, presentKeys: new Set(), presentItems: items };
  }
  const { keys, items } = levelContents(lines, position.line, indent);
  return { ...base, role: 'key', path: container, column: indent, presentKeys: keys, presentItems: items };
}

/** The key under the cursor with its path, on a line of the block style (`key: value`, `- key: value`). */
export function yamlKeyAt(text: string, position: Position): YamlKeyAt | undefined {
  const lines = text.split(/\r?\n/);
  const shape = shapeOf(lines[position.line] ?? '');
  if (typeof shape === 'string' || !shape.key) return undefined;
  const { key, dashes } = shape;
  if (position.character < key.start || position.character > key.end) return undefined;
  const container = containerOf(lines, position.line, dashes, key.start);
  if (!container) return undefined;
  return {
    path: [...container, key.name],
    range: { start: { line: position.line, character: key.start }, end: { line: position.line, character: key.end } },
  };
}

function markersOf(text: string): { indent: number; dashes: number[]; contentStart: number } {
  const indent = /^[ \t]*/.exec(text)?.[0].length ?? 0;
  const dashes: number[] = [];
  let column = indent;
  while (text[column] === '-' && (column + 1 === text.length || text[column + 1] === ' ' || text[column + 1] === '\t')) {
    dashes.push(column);
    column++;
    while (text[column] === ' ' || text[column] === '\t') column++;
  }
  return { indent, dashes, contentStart: column };
}

function shapeOf(text: string): Line {
  if (/^(---|\.\.\.)(\s|$)/.test(text)) return 'boundary';
  if (/^\s*(#.*)?$/.test(text)) return 'blank';
  const { indent, dashes, contentStart } = markersOf(text);
  const content = text.slice(contentStart);
  const match = KEY.exec(content);
  const name = match ? keyName(match) : undefined;
  if (!match || name === undefined) {
    const scalar = withoutComment(content);
    return { indent, dashes, ...(scalar ? { scalar } : {}) };
  }
  const keyEnd = contentStart + match[0].replace(/[ \t]*:[ \t]*$/, '').length;
  return { indent, dashes, key: { name, start: contentStart, end: keyEnd, value: withoutComment(content.slice(match[0].length)) } };
}

function keyName(match: RegExpExecArray): string | undefined {
  if (match[1] !== undefined) return match[1].replace(/\\(.)/g, '$1');
  if (match[2] !== undefined) return match[2].replace(/''/g, "'");
  return match[3]?.trim();
}

function withoutComment(text: string): string {
  return /^["']/.test(text) ? text.trim() : text.replace(/(^|\s)#.*$/, '').trim();
}

/**
 * The path of the collection that content written after the line's markers belongs to (ending with the item's index
 * when the line is a list item). Undefined inside a block scalar or a multi-line flow collection, or under a key
 * that already holds a scalar.
 */
function containerOf(lines: readonly string[], line: number, dashes: readonly number[], contentColumn: number): (string | number)[] | undefined {
  const [firstDash] = dashes;
  if (firstDash === undefined) return ancestry(lines, line, contentColumn, false);
  const path = ancestry(lines, line, firstDash, true);
  // A further marker on the same line starts a nested list there: its first item.
  return path && [...path, ...dashes.slice(1).map(() => 0)];
}

/**
 * Walks up from a node at `column` (a list item when `isItem`) through the less indented lines that hold it. A line as
 * indented as the node is a sibling, except the `key:` a list is written under at the key's own column.
 */
function ancestry(lines: readonly string[], line: number, startColumn: number, startsItem: boolean): (string | number)[] | undefined {
  const path: (string | number)[] = [];
  let column = startColumn;
  let isItem = startsItem;
  let index = 0;
  for (let number = line - 1; number >= 0 && (column > 0 || isItem); number--) {
    const shape = shapeOf(lines[number] ?? '');
    if (shape === 'boundary') break;
    if (shape === 'blank' || shape.indent > column) continue;
    if (shape.indent === column) {
      if (!isItem) continue;
      if (shape.dashes.length > 0) {
        index++;
        continue;
      }
      if (!shape.key) continue;
      if (!OPENS_BLOCK.test(shape.key.value)) return undefined;
      path.unshift(shape.key.name, index);
      isItem = false;
      continue;
    }
    if (isItem) path.unshift(index);
    const openers: Opener[] = [...shape.dashes.map((dash) => ({ column: dash })), ...(shape.key ? [{ column: shape.key.start, key: shape.key }] : [])];
    const holding = openers.filter((opener) => opener.column < column);
    const innermost = holding.at(-1);
    if (!innermost) return undefined;
    if (innermost.key ? !OPENS_BLOCK.test(innermost.key.value) : shape.scalar !== undefined) return undefined;
    // Openers after the first start their collection on this line: a nested list's first item, a mapping item's key.
    for (let position = holding.length - 1; position >= 1; position--) {
      const opener = holding[position];
      path.unshift(opener?.key ? opener.key.name : 0);
    }
    const [outermost] = holding;
    if (outermost?.key) path.unshift(outermost.key.name);
    column = outermost?.column ?? 0;
    isItem = outermost?.key === undefined;
    index = 0;
  }
  if (isItem) path.unshift(index);
  return path;
}

/**
 * The keys and scalar items written at one level: the lines at exactly `column` above and below the cursor, up to the
 * first less indented line (a `- key:` line above, whose key sits at the level, counts).
 */
function levelContents(lines: readonly string[], line: number, column: number): { keys: Set<string>; items: string[] } {
  const keys = new Set<string>();
  const items: string[] = [];
  for (const step of [-1, 1]) {
    for (let number = line + step; number >= 0 && number < lines.length; number += step) {
      const shape = shapeOf(lines[number] ?? '');
      if (shape === 'boundary') break;
      if (shape === 'blank' || shape.indent > column) continue;
      if (shape.indent < column) {
        if (step < 0 && shape.key?.start === column) keys.add(shape.key.name);
        break;
      }
      if (shape.dashes.length === 0 && shape.key) keys.add(shape.key.name);
      else if (shape.dashes.length === 1 && shape.scalar) items.push(unquoted(shape.scalar));
    }
  }
  return { keys, items };
}

function unquoted(text: string): string {
  return /^(["']).*\1$/.test(text) ? text.slice(1, -1) : text;
}

interface FlowFrame {
  kind: 'seq' | 'map';
  index: number;
  key?: string;
  keys: string[];
  items: string[];
  tokenStart: number;
}

/** The cursor inside a flow collection written on one line (`[db, ca` or `{context: ., tar`). */
function flowCursor(text: string): (Pick<YamlCursor, 'role' | 'typed' | 'presentKeys' | 'presentItems'> & { path: YamlPath; typedStart: number }) | undefined {
  const stack: FlowFrame[] = [];
  for (let index = 0; index < text.length; index++) {
    const character = text[index];
    const top = stack.at(-1);
    if (character === '"' || character === "'") {
      const close = text.indexOf(character, index + 1);
      if (close < 0) {
        if (!top) return undefined;
        top.tokenStart = index + 1;
        break;
      }
      index = close;
    } else if (character === '[' || character === '{') {
      stack.push({ kind: character === '[' ? 'seq' : 'map', index: 0, keys: [], items: [], tokenStart: index + 1 });
    } else if (character === ']' || character === '}') {
      stack.pop();
      if (stack.length === 0) return undefined;
    } else if (top && character === ',') {
      const token = unquoted(text.slice(top.tokenStart, index).trim());
      if (top.kind === 'seq') {
        if (token) top.items.push(token);
        top.index++;
      } else {
        top.keys.push(top.key ?? token);
        top.key = undefined;
      }
      top.tokenStart = index + 1;
    } else if (top?.kind === 'map' && top.key === undefined && character === ':' && /\s/.test(text[index + 1] ?? ' ')) {
      top.key = unquoted(text.slice(top.tokenStart, index).trim());
      top.tokenStart = index + 1;
    }
  }
  const top = stack.at(-1);
  if (!top) return undefined;
  const path: (string | number)[] = [];
  for (const frame of stack.slice(0, -1)) {
    if (frame.kind === 'seq') path.push(frame.index);
    else if (frame.key !== undefined) path.push(frame.key);
    else return undefined;
  }
  const token = text.slice(top.tokenStart);
  const typedStart = top.tokenStart + (token.length - token.trimStart().length);
  const typed = text.slice(typedStart);
  const presentKeys = new Set(top.keys);
  if (top.kind === 'seq') return { role: 'value', path: [...path, top.index], typed, typedStart, presentKeys, presentItems: top.items };
  if (top.key !== undefined) return { role: 'value', path: [...path, top.key], typed, typedStart, presentKeys, presentItems: [] };
  return { role: 'key', path, typed, typedStart, presentKeys, presentItems: [] };
}
