import type { Range, TextEdit } from 'vscode-languageserver-types';
import { isMap, isScalar, isSeq, type Node, type Scalar } from 'yaml';
import type { YamlView } from './yamlView';

/**
 * Minimal text edits at a YAML node, so that fixes never re-serialise the document: comments, quoting and the
 * layout of everything else stay as the user wrote them. Each helper returns undefined where it cannot edit
 * safely (the value comes from an alias or a merge key, a flow collection spans lines oddly, or the document has a
 * syntax error and new lines could be read as part of it).
 */

/** Replaces a scalar's text, keeping its quotes when it is quoted. */
export function replaceScalar(view: YamlView, value: string): TextEdit | undefined {
  const node = view.node;
  if (!view.isEditable || !isScalar(node) || !node.range) return undefined;
  return { range: view.range, newText: scalarText(value, node) };
}

/** Writes `value` as the scalar `like` is written: same quotes, or quoted when plain text would not stay a string. */
export function scalarText(value: string, like?: Scalar): string {
  if (like?.type === 'QUOTE_DOUBLE') return JSON.stringify(value);
  if (like?.type === 'QUOTE_SINGLE') return `'${value.replace(/'/g, "''")}'`;
  return needsQuotes(value) ? JSON.stringify(value) : value;
}

/** Plain scalars that YAML would read as something else than this string, or could not read at all. */
export function needsQuotes(value: string): boolean {
  if (value === '' || value !== value.trim()) return true;
  if (/^(?:true|false|yes|no|on|off|null|~|y|n)$/i.test(value)) return true;
  if (/^[-+]?(?:\d[\d_]*(?:\.\d*)?|\.\d+)(?:e[-+]?\d+)?$/i.test(value) || /^\d+(?::\d+)+$/.test(value)) return true;
  return /^[-?:,[\]{}#&*!|>'"%@`]|: | #|[\n\t]/.test(value);
}

/**
 * Adds `key: value` at the end of a mapping, in the mapping's own style: a new line at the indentation of its keys
 * in block style, `, key: value` in flow style. `value` is YAML text: one line, or lines indented relative to the
 * key (their indentation is shifted to fit).
 */
export function insertPair(map: YamlView, key: string, value: string): TextEdit | undefined {
  const node = map.node;
  if (!map.isEditable || !isMap(node) || !node.range) return undefined;
  const { text } = map.document;
  const at = (position: number): Range => map.document.rangeOfOffsets(position, position);
  const lines = value.split('\n');
  if (node.flow) {
    if (lines.length > 1) return undefined;
    const close = node.range[1] - 1;
    if (text[close] !== '}') return undefined;
    const empty = node.items.length === 0;
    const before = text.slice(node.range[0] + 1, close);
    return { range: at(node.range[0] + 1 + before.trimEnd().length), newText: `${empty ? ' ' : ', '}${key}: ${value}${empty ? ' ' : ''}` };
  }
  const firstKey = node.items[0]?.key as Node | undefined;
  if (!firstKey?.range) return undefined;
  const keyStart = firstKey.range[0];
  const indent = keyStart - (text.lastIndexOf('\n', keyStart - 1) + 1);
  const end = node.range[1];
  // Insert after the last line holding the mapping's content, before trailing comments and blank lines.
  const lineEnd = text.indexOf('\n', end - 1);
  const insertAt = lineEnd < 0 ? text.length : lineEnd > 0 && text[lineEnd - 1] === '\r' ? lineEnd - 1 : lineEnd;
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  const body = lines.length === 1 ? ` ${value}` : `${eol}${lines.map((line) => (line ? ' '.repeat(indent + 2) + line : line)).join(eol)}`;
  return { range: at(insertAt), newText: `${eol}${' '.repeat(indent)}${key}:${body}` };
}

/** The column the entries of a block mapping or sequence start at, for writing new lines among them. */
export function indentOf(view: YamlView): number | undefined {
  const { text } = view.document;
  const node = view.node;
  if (!node?.range) return undefined;
  const first = isMap(node) ? (node.items[0]?.key as Node | undefined) : isSeq(node) ? (node.items[0] as Node | undefined) : node;
  const start = first?.range?.[0];
  if (start === undefined) return undefined;
  return start - (text.lastIndexOf('\n', start - 1) + 1);
}

/**
 * Replaces a whole value (after its key) with block YAML: `value` lines are indented two columns more than the
 * key. Used to turn a short form into its long form (`depends_on: [db]` → a mapping).
 */
export function replaceWithBlock(view: YamlView, value: string): TextEdit | undefined {
  const key = view.key;
  if (!view.isEditable || !key?.range || !view.node?.range) return undefined;
  const { text } = view.document;
  const keyStart = key.range[0];
  const keyIndent = keyStart - (text.lastIndexOf('\n', keyStart - 1) + 1);
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  const valueRange = view.range;
  const keyEnd = view.keyRange?.end;
  if (!keyEnd) return undefined;
  const lines = value.split('\n').map((line) => (line ? ' '.repeat(keyIndent + 2) + line : line));
  // A block list's range runs on to the next line, over the last item's comment: end at the last item, so that
  // the line break stays and the comment ends the new block, as it ends a flow list's line.
  const node = view.node;
  const lastItem = isSeq(node) && !node.flow ? (node.items.at(-1) as Node | undefined) : undefined;
  const end = lastItem?.range ? view.document.rangeOfOffsets(lastItem.range[1], lastItem.range[1]).end : valueRange.end;
  return { range: { start: keyEnd, end }, newText: `:${eol}${lines.join(eol)}` };
}

/**
 * Deletes a `key: value` pair: in block style its whole lines (a comment on its last line goes with it, comment
 * lines above it stay), in flow style the pair and one comma beside it.
 */
export function deletePair(view: YamlView): TextEdit | undefined {
  const key = view.key;
  if (!view.isEditable || !key?.range) return undefined;
  const { text } = view.document;
  const valueEnd = view.node?.range?.[1] ?? key.range[1];
  const lineStart = text.lastIndexOf('\n', key.range[0] - 1) + 1;
  const before = text.slice(lineStart, key.range[0]);
  if (/^[ \t]*$/.test(before)) {
    const lineEnd = text.indexOf('\n', Math.max(valueEnd - 1, key.range[0]));
    return { range: view.document.rangeOfOffsets(lineStart, lineEnd < 0 ? text.length : lineEnd + 1), newText: '' };
  }
  // In a flow mapping: the pair and the comma after it, or the one before it when it is the last pair.
  const after = /^\s*,\s*/.exec(text.slice(valueEnd));
  if (after) return { range: view.document.rangeOfOffsets(key.range[0], valueEnd + after[0].length), newText: '' };
  const comma = /,\s*$/.exec(text.slice(0, key.range[0]));
  return comma ? { range: view.document.rangeOfOffsets(comma.index, valueEnd), newText: '' } : undefined;
}
