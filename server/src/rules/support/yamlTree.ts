import type { TextEdit } from 'vscode-languageserver-types';
import { indentOf, insertPair } from '../../parsing/yamlEdit';
import type { YamlView } from '../../parsing/yamlView';

/** Nested YAML mappings to write: leaves are YAML scalar text (`100m`, `"8080"`, `/`). */
export interface YamlTree {
  readonly [key: string]: string | YamlTree;
}

/**
 * Adds `key:` with a nested mapping at the end of `map`, in its style: indented block lines under a block mapping
 * (even a single nested entry gets its own line), one flow line `{ a: { b: c } }` in a flow mapping.
 */
export function insertTree(map: YamlView, key: string, value: string | YamlTree): TextEdit | undefined {
  if (typeof value === 'string') return insertPair(map, key, value);
  if (map.map?.flow) return insertPair(map, key, flowText(value));
  const lines = blockLines(value);
  if (lines.length > 1) return insertPair(map, key, lines.join('\n'));
  // insertPair writes a one-line value after its key; a mapping needs its entry on the next line.
  const edit = insertPair(map, key, 'null');
  const indent = indentOf(map);
  if (!edit || indent === undefined) return undefined;
  const eol = map.document.text.includes('\r\n') ? '\r\n' : '\n';
  return { range: edit.range, newText: `${eol}${' '.repeat(indent)}${key}:${eol}${' '.repeat(indent + 2)}${lines[0]}` };
}

/** The tree as block lines, indented from column 0. */
export function blockLines(tree: YamlTree): string[] {
  return Object.entries(tree).flatMap(([key, value]) =>
    typeof value === 'string' ? [`${key}: ${value}`] : [`${key}:`, ...blockLines(value).map((line) => `  ${line}`)],
  );
}

/** The tree as one flow mapping. */
export function flowText(tree: YamlTree): string {
  const entries = Object.entries(tree).map(([key, value]) => `${key}: ${typeof value === 'string' ? value : flowText(value)}`);
  return `{ ${entries.join(', ')} }`;
}
