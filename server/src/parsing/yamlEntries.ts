import type { TextEdit } from 'vscode-languageserver-types';
import { isAlias, isCollection, isMap, isNode, isScalar, isSeq, visit, type Node, type Pair } from 'yaml';
import type { YamlView } from './yamlView';

/**
 * The entries of a mapping or sequence as they are written in it (merge keys are entries of their own, nothing is
 * resolved), for rules that judge and fix the order in which things are written.
 */
export interface WrittenEntry {
  /** Position among the written entries. */
  index: number;
  /** The key of a mapping entry, when it is a scalar; `<<` for a merge key. */
  key?: string;
  isMerge: boolean;
  /** The entry's value (a sequence item, or a mapping value), resolved like any view. */
  view?: YamlView;
}

export function writtenEntries(collection: YamlView): WrittenEntry[] {
  const node = collection.node;
  if (isSeq(node)) return collection.items().map((view, index) => ({ index, isMerge: false, view }));
  if (!isMap(node)) return [];
  return (node.items as Pair[]).map((pair, index) => {
    if (!isScalar(pair.key)) return { index, isMerge: false };
    if (isMergeKey(pair)) return { index, key: '<<', isMerge: true };
    const key = String(pair.key.value);
    return { index, key, isMerge: false, view: collection.get(key) };
  });
}

/** The positions of `entries` once sorted by `compare` (a stable sort: equal entries keep their order). */
export function sortedOrder<T>(entries: readonly T[], compare: (a: T, b: T) => number): number[] {
  return entries
    .map((entry, index) => ({ entry, index }))
    .sort((a, b) => compare(a.entry, b.entry))
    .map(({ index }) => index);
}

export function isIdentity(order: readonly number[]): boolean {
  return order.every((from, to) => from === to);
}

interface Span {
  start: number;
  end: number;
}

interface BlockSpan extends Span {
  /** Where the entry's key or dash starts on its line. */
  column: number;
}

/**
 * Rewrites a mapping or sequence with its written entries in a new order (`order[i]` is the index of the entry that
 * goes to position i). In block style an entry moves with the comment lines right above it (at its own column) and
 * the deeper comments inside it; blank lines and comments that stand alone between entries stay where they are, and
 * at the top of a document the comments above the first key stay at the top. A flow collection is reordered only when
 * it is written on one line.
 *
 * Undefined when the move is unsafe: the collection comes from an alias or merge key, an alias would come before its
 * anchor (or an anchor name is defined twice), the entries before a `<<` merge key would change, or the layout is one
 * this cannot move line by line (an entry sharing its line with its parent, as in `- key: value`).
 */
export function reorderEntries(collection: YamlView, order: readonly number[]): TextEdit | undefined {
  const node = collection.node;
  if (!collection.isEditable || !(isMap(node) || isSeq(node)) || !node.range) return undefined;
  const items = node.items as (Pair | Node)[];
  if (order.length !== items.length || new Set(order).size !== items.length || isIdentity(order)) return undefined;
  if (!anchorsStayBeforeAliases(collection, items, order) || !mergeKeysKeepTheirPlace(items, order)) return undefined;
  const spans = node.flow ? flowSpans(collection, items) : blockSpans(collection, items);
  if (!spans) return undefined;
  const { text } = collection.document;
  let newText = '';
  order.forEach((from, to) => {
    const span = spans[from]!;
    newText += text.slice(span.start, span.end);
    if (to < spans.length - 1) newText += text.slice(spans[to]!.end, spans[to + 1]!.start);
  });
  return { range: collection.document.rangeOfOffsets(spans[0]!.start, spans.at(-1)!.end), newText };
}

/**
 * Inserts a line (`key: value`) into a block collection before the entry at `index`, above the comments that go with
 * that entry, at the entries' column. Undefined for flow collections and the layouts `reorderEntries` refuses.
 */
export function insertBeforeEntry(collection: YamlView, index: number, line: string): TextEdit | undefined {
  const node = collection.node;
  if (!collection.isEditable || !(isMap(node) || isSeq(node)) || node.flow) return undefined;
  const span = blockSpans(collection, node.items as (Pair | Node)[])?.[index];
  if (!span) return undefined;
  const eol = collection.document.text.includes('\r\n') ? '\r\n' : '\n';
  const at = collection.document.rangeOfOffsets(span.start, span.start);
  return { range: at, newText: `${' '.repeat(span.column)}${line}${eol}` };
}

function isMergeKey(pair: Pair): boolean {
  return isScalar(pair.key) && (typeof pair.key.value === 'symbol' || (pair.key.value === '<<' && pair.key.type === 'PLAIN'));
}

function entryNodes(item: Pair | Node): Node[] {
  if (isNode(item)) return [item];
  return [item.key, item.value].filter((part): part is Node => isNode(part));
}

function startOf(item: Pair | Node): number | undefined {
  return entryNodes(item)[0]?.range?.[0];
}

function endOf(item: Pair | Node): number | undefined {
  return entryNodes(item).at(-1)?.range?.[1];
}

/** Each entry in a one-line flow collection: from its first character to its last. */
function flowSpans(collection: YamlView, items: readonly (Pair | Node)[]): Span[] | undefined {
  const range = collection.range;
  if (range.start.line !== range.end.line) return undefined;
  const spans: Span[] = [];
  for (const item of items) {
    const start = startOf(item);
    const end = endOf(item);
    if (start === undefined || end === undefined) return undefined;
    spans.push({ start, end: start + collection.document.text.slice(start, end).trimEnd().length });
  }
  return spans;
}

/** Each entry of a block collection as whole lines, from its comments above to its last line, without the line break. */
function blockSpans(collection: YamlView, items: readonly (Pair | Node)[]): BlockSpan[] | undefined {
  const text = collection.document.text;
  const lines = lineStarts(text);
  const lineOf = (offset: number) => lineIndexAt(lines, offset);
  const lineText = (line: number) => text.slice(lines[line], lineEnd(text, lines, line));
  const isRoot = collection.document.parsed.contents === collection.node;
  const entries: { keyLine: number; column: number }[] = [];
  for (const item of items) {
    const start = startOf(item);
    if (start === undefined) return undefined;
    const keyLine = lineOf(start);
    const before = text.slice(lines[keyLine], start);
    // A sequence item starts at its dash; anything else before the entry on its line means it cannot move alone.
    const lead = isNode(item) ? /^(\s*)-\s+$/.exec(before) : /^(\s*)$/.exec(before);
    if (!lead || entries.at(-1)?.keyLine === keyLine) return undefined;
    entries.push({ keyLine, column: lead[1]!.length });
  }
  const commentColumn = (line: number) => {
    const match = /^(\s*)#/.exec(lineText(line));
    return match ? match[1]!.length : undefined;
  };
  const isBlank = (line: number) => lineText(line).trim() === '';
  const spans: BlockSpan[] = [];
  entries.forEach(({ keyLine, column }, index) => {
    let first = keyLine;
    const previousKeyLine = entries[index - 1]?.keyLine ?? (isRoot ? keyLine : -1);
    while (first - 1 > previousKeyLine && commentColumn(first - 1) === column) first--;
    let last: number;
    const next = entries[index + 1];
    if (next) {
      last = next.keyLine - 1;
      while (last > keyLine && commentColumn(last) === column) last--;
      // The comments above the next entry move with it.
      while (last > keyLine && (isBlank(last) || (commentColumn(last) ?? Number.POSITIVE_INFINITY) <= column)) last--;
    } else {
      last = lineOf(Math.max(lines[keyLine]!, (endOf(items[index]!) ?? 0) - 1));
      while (last > keyLine && (isBlank(last) || commentColumn(last) !== undefined)) last--;
      while (last + 1 < lines.length && (commentColumn(last + 1) ?? -1) > column) last++;
    }
    spans.push({ start: lines[first]!, end: lineEnd(text, lines, last), column });
  });
  return spans;
}

function lineStarts(text: string): number[] {
  // A byte order mark is no part of the first line: an entry inserted above that line goes after it, which must stay first.
  const starts = [text.startsWith('\uFEFF') ? 1 : 0];
  for (let index = text.indexOf('\n'); index >= 0; index = text.indexOf('\n', index + 1)) starts.push(index + 1);
  return starts;
}

function lineIndexAt(starts: readonly number[], offset: number): number {
  let low = 0;
  let high = starts.length - 1;
  while (low < high) {
    const middle = (low + high + 1) >> 1;
    if (starts[middle]! <= offset) low = middle;
    else high = middle - 1;
  }
  return low;
}

/** The end of a line's text, before its `\n` or `\r\n`. */
function lineEnd(text: string, starts: readonly number[], line: number): number {
  const next = starts[line + 1];
  if (next === undefined) return text.length;
  return text[next - 2] === '\r' ? next - 2 : next - 1;
}

/** An alias must stay after its anchor: entries that define anchors used by other entries keep their relative order. */
function anchorsStayBeforeAliases(collection: YamlView, items: readonly (Pair | Node)[], order: readonly number[]): boolean {
  const definitions = new Map<string, number>();
  visit(collection.document.parsed, {
    Node(_key, node) {
      if (node.anchor) definitions.set(node.anchor, (definitions.get(node.anchor) ?? 0) + 1);
    },
  });
  const definedIn = new Map<string, number>();
  const usedIn: { name: string; entry: number }[] = [];
  items.forEach((item, entry) => {
    for (const part of entryNodes(item)) {
      const record = (node: Node) => {
        if (node.anchor) definedIn.set(node.anchor, entry);
        if (isAlias(node)) usedIn.push({ name: node.source, entry });
      };
      record(part);
      if (isCollection(part))
        visit(part, {
          Node(_key, node) {
            record(node);
          },
        });
    }
  });
  if ([...definedIn.keys()].some((name) => (definitions.get(name) ?? 0) > 1)) return false;
  const position = new Map(order.map((from, to) => [from, to]));
  return usedIn.every(({ name, entry }) => {
    const definition = definedIn.get(name);
    return definition === undefined || definition === entry || position.get(definition)! < position.get(entry)!;
  });
}

/** Implementations differ on whether keys before or after a `<<` win, so the keys before a merge key stay before it. */
function mergeKeysKeepTheirPlace(items: readonly (Pair | Node)[], order: readonly number[]): boolean {
  return items.every((item, index) => isNode(item) || !isMergeKey(item) || (order[index] === index && order.slice(0, index).every((from) => from < index)));
}
