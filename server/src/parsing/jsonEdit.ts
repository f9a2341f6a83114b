import type { TextEdit } from 'vscode-languageserver-types';
import { isMap, type Node } from 'yaml';
import type { YamlView } from './yamlView';

/**
 * Adds `"key": value` as the last member of a JSON object, in the object's own layout: on a new line at the
 * indentation of its last member when members sit on their own lines, `, "key": value` on the same line otherwise.
 * `value` is JSON text of one line. Undefined when the object cannot be edited safely (a syntax error, no braces).
 */
export function insertJsonMember(object: YamlView, key: string, value: string): TextEdit | undefined {
  const node = object.node;
  if (!object.isEditable || !isMap(node) || !node.flow || !node.range) return undefined;
  const { text } = object.document;
  const close = node.range[1] - 1;
  if (text[close] !== '}') return undefined;
  const at = (offset: number) => object.document.rangeOfOffsets(offset, offset);
  const member = `${JSON.stringify(key)}: ${value}`;
  const last = node.items.at(-1);
  if (!last) return { range: at(node.range[0] + 1), newText: ` ${member} ` };
  const lastKey = last.key as Node | null;
  const lastValue = last.value as Node | null;
  const keyStart = lastKey?.range?.[0];
  const valueEnd = lastValue?.range?.[1] ?? lastKey?.range?.[1];
  if (keyStart === undefined || valueEnd === undefined) return undefined;
  // The value's range may run over the whitespace after it; the member ends at its last non-blank character.
  const memberEnd = node.range[0] + 1 + text.slice(node.range[0] + 1, valueEnd).trimEnd().length;
  const lineStart = text.lastIndexOf('\n', keyStart - 1) + 1;
  const ownLine = text.slice(lineStart, keyStart).trim() === '';
  if (!ownLine) return { range: at(memberEnd), newText: `, ${member}` };
  const indent = text.slice(lineStart, keyStart);
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  return { range: at(memberEnd), newText: `,${eol}${indent}${member}` };
}
