import { isAlias, isMap, isScalar, isSeq, type Alias, type Node, type Pair, type YAMLMap } from 'yaml';
import type { Range } from 'vscode-languageserver-types';
import type { YamlDocument } from './yaml';

/** A path into the plain data of a YAML document (what `toJS()` gives): mapping keys and sequence indexes. */
export type DataPath = readonly (string | number)[];

export interface PathLocation {
  /** Whether every segment was found; otherwise the location is the deepest ancestor that was. */
  exact: boolean;
  /** The key that names the location; undefined for the document root and sequence items. */
  keyRange: Range | undefined;
  /** The value as written; an empty value (`foo:`) falls back to its key. */
  valueRange: Range;
  /** The value, with aliases resolved; undefined when there is none (`? key`, an empty document). */
  node: Node | undefined;
  /** The key scalar, when the location is a key written right there (not reached through an alias). */
  key: Node | undefined;
  /**
   * The path went through an alias or a `<<` merge of one: both ranges are that `*alias`, the text the user wrote
   * at this place (the offending content lives at the anchor and may be shared with other places).
   */
  viaAlias: boolean;
}

/**
 * Where the value at `path` of the document's data is written: the key and value ranges, following aliases and
 * `<<` merge keys the way `toJS()` does. Works for any YAML document (compose files, Kubernetes manifests).
 */
export function nodeAtPath(document: YamlDocument, path: DataPath): PathLocation {
  let node: Node | null = document.parsed.contents;
  let key: Node | null = null;
  let alias: Alias | undefined;
  let found = 0;
  for (const segment of path) {
    if (isAlias(node)) {
      alias ??= node;
      node = resolveAlias(document, node);
    }
    if (isMap(node)) {
      const entry = findEntry(document, node, String(segment), 0);
      if (!entry) break;
      if (entry.via) alias ??= entry.via;
      key = entry.pair.key as Node | null;
      node = entry.pair.value as Node | null;
    } else if (isSeq(node) && isIndex(segment, node.items.length)) {
      key = null;
      node = node.items[Number(segment)] as Node | null;
    } else break;
    found++;
  }
  const exact = found === path.length;
  const value = isAlias(node) ? (resolveAlias(document, node) ?? undefined) : (node ?? undefined);
  if (alias) {
    const range = rangeOf(document, alias)!;
    return { exact, keyRange: range, valueRange: range, node: value, key: undefined, viaAlias: true };
  }
  const keyRange = isEmptyKey(key) ? colonAfter(document, key!.range![0]) : rangeOf(document, key);
  const written = rangeOf(document, node);
  const valueRange = written && !isEmptyRange(written) ? written : (keyRange ?? written ?? document.rangeOfOffsets(0, 0));
  return { exact, keyRange, valueRange, node: value, key: key ?? undefined, viaAlias: false };
}

/** The path of an Ajv error's `instancePath` (a JSON Pointer such as `/services/web/ports/0`). */
export function pathOfInstancePath(instancePath: string): string[] {
  if (instancePath === '') return [];
  return instancePath
    .slice(1)
    .split('/')
    .map((segment) => segment.replace(/~1/g, '/').replace(/~0/g, '~'));
}

interface Entry {
  pair: Pair;
  /** The alias of the `<<` source the entry came from, if any. */
  via: Alias | undefined;
}

/** Anchors may nest merges in merges; deeper than this is a cycle, not a compose file. */
const MAX_MERGE_DEPTH = 32;

/** The entry `toJS()` would use for `name`: the map's own key wins over merged ones, earlier merge sources over later. */
function findEntry(document: YamlDocument, map: YAMLMap, name: string, depth: number): Entry | undefined {
  for (let index = map.items.length - 1; index >= 0; index--) {
    const pair = map.items[index]!;
    if (!isMergeKey(pair.key) && keyName(pair.key) === name) return { pair, via: undefined };
  }
  if (depth >= MAX_MERGE_DEPTH) return undefined;
  for (const pair of map.items) {
    if (!isMergeKey(pair.key)) continue;
    const sources = isSeq(pair.value) ? pair.value.items : [pair.value];
    for (const source of sources) {
      const target = isAlias(source) ? resolveAlias(document, source) : source;
      const entry = isMap(target) ? findEntry(document, target, name, depth + 1) : undefined;
      if (entry) return { pair: entry.pair, via: isAlias(source) ? source : entry.via };
    }
  }
  return undefined;
}

function resolveAlias(document: YamlDocument, alias: Alias): Node | null {
  return (alias.resolve(document.parsed) as Node | undefined) ?? null;
}

/** With `merge: true` the parser gives `<<` keys a symbol value. */
function isMergeKey(key: unknown): boolean {
  return isScalar(key) && typeof key.value === 'symbol';
}

/** The key as `toJS()` names it in a plain object (an empty key is `''`); keys that are collections never match. */
function keyName(key: unknown): string | undefined {
  if (key === null || (isScalar(key) && key.value === null)) return '';
  return isScalar(key) ? String(key.value) : undefined;
}

function isEmptyKey(key: Node | null): boolean {
  return !!key?.range && key.range[0] === key.range[1];
}

/** An empty key (`: value`) is shown by its `:`, the only thing written of it. */
function colonAfter(document: YamlDocument, offset: number): Range {
  const colon = document.text.indexOf(':', offset);
  return colon < 0 ? document.rangeOfOffsets(offset, offset) : document.rangeOfOffsets(colon, colon + 1);
}

function isIndex(segment: string | number, length: number): boolean {
  const index = typeof segment === 'number' ? segment : /^\d+$/.test(segment) ? Number(segment) : -1;
  return Number.isInteger(index) && index >= 0 && index < length;
}

function rangeOf(document: YamlDocument, node: Node | Alias | null | undefined): Range | undefined {
  return node?.range ? document.rangeOfOffsets(node.range[0], node.range[1]) : undefined;
}

function isEmptyRange(range: Range): boolean {
  return range.start.line === range.end.line && range.start.character === range.end.character;
}
