import { CompletionItemKind, type CompletionItem, type Range } from 'vscode-languageserver-types';
import type { ComposeFile } from '../parsing/containerFile';
import { needsQuotes } from '../parsing/yamlEdit';
import { composeSchema, type SchemaBranch } from '../schema/composeSchemaNavigator';
import type { Workspace } from '../workspace/workspace';
import { allowedValueItems, completionItem, orderKey } from './completionItems';
import { schemaMarkdown } from './composeSchemaText';
import { keyReferenceAt, referenceAt, referenceNames } from './composeReferences';
import { imageReferenceItems } from './imageCompletion';
import { yamlCursor, type YamlCursor, type YamlPath } from './yamlCursor';

/** Values Compose documents for fields whose schema takes any string. */
const WELL_KNOWN_VALUES: Readonly<Record<string, readonly string[]>> = {
  restart: ['no', 'always', 'on-failure', 'unless-stopped'],
  pull_policy: ['always', 'never', 'missing', 'build', 'daily', 'weekly'],
  network_mode: ['bridge', 'host', 'none'],
};
/** Scalar types: a key taking one of these is completed as `key: ` with its value on the same line. */
const SCALAR_TYPES = new Set(['string', 'number', 'integer', 'boolean']);

interface CompletionContext {
  file: ComposeFile;
  cursor: YamlCursor;
  workspace: Workspace | undefined;
  /** The value being typed sits inside quotes the user opened: values go in as they are. */
  quoted: boolean;
}

/**
 * Completions in a compose file, from the compose-spec schema at the cursor (keys, allowed values) and from the
 * project (services, declared networks, volumes, secrets and configs, build stages), plus images and their tags.
 */
export function composeCompletions(file: ComposeFile, position: Range['start'], workspace: Workspace | undefined): CompletionItem[] {
  const text = file.document.getText();
  const cursor = yamlCursor(text, position);
  if (!cursor) return [];
  const before = file.document.offsetAt(cursor.range.start) - 1;
  const context: CompletionContext = { file, cursor, workspace, quoted: before >= 0 && /["']/.test(text[before] ?? '') };
  switch (cursor.role) {
    case 'value':
      return valueItems(context, cursor.path, cursor.range, '');
    case 'item':
      // After `- `: a scalar item, or the first key of a mapping item.
      return [...valueItems(context, cursor.path, cursor.range, ''), ...keyItems(context, cursor.path, '1')];
    case 'key':
      return writesList(cursor) ? valueItems(context, [...cursor.path, cursor.presentItems.length], cursor.range, '- ') : keyItems(context, cursor.path, '');
  }
}

/**
 * A new line at a level whose schema takes a list gets list items: when the level already holds items, or when it
 * may not be a mapping with named keys (`links:`, `depends_on:` before its first entry).
 */
function writesList(cursor: YamlCursor): boolean {
  if (cursor.flow || cursor.presentKeys.size > 0) return false;
  if (cursor.presentItems.length > 0) return true;
  const types = composeSchema.summary(composeSchema.at(cursor.path)).types;
  return types.includes('array') && (!types.includes('object') || keyReferenceAt(cursor.path) !== undefined);
}

/** Keys the schema allows in the mapping at `path` that it does not hold yet, and names where keys name things. */
function keyItems(context: CompletionContext, path: YamlPath, group: string): CompletionItem[] {
  const { cursor } = context;
  const keyRange = cursor.hasColon ? { start: cursor.range.start, end: cursor.wordEnd } : cursor.range;
  const schemaKeys = [...composeSchema.properties(composeSchema.at(path))].flatMap(([name, branches]) => {
    if (cursor.presentKeys.has(name) || branches.every((branch) => branch.deprecated)) return [];
    return [
      completionItem({
        label: name,
        kind: CompletionItemKind.Property,
        newText: cursor.hasColon ? name : keyText(name, branches, cursor, { mayStayEmpty: false }),
        range: keyRange,
        detail: composeSchema.summary(branches).types.join(' | '),
        documentation: schemaMarkdown(branches),
        keepIndentation: true,
        suggestAgain: !cursor.hasColon && hasValues([...path, name]),
        sortText: `${group}1${name}`,
      }),
    ];
  });
  const kind = keyReferenceAt(path);
  const namedKeys = kind && context.workspace ? referenceNames(kind, context.file, path, context.workspace) : [];
  const referenceKeys = namedKeys
    .filter(({ name }) => !cursor.presentKeys.has(name))
    .map(({ name, detail }, index) =>
      completionItem({
        label: name,
        kind: CompletionItemKind.Reference,
        newText: cursor.hasColon ? name : keyText(name, composeSchema.at([...path, name]), cursor, { mayStayEmpty: true }),
        range: keyRange,
        ...(detail ? { detail } : {}),
        keepIndentation: true,
        sortText: orderKey(index, `${group}0`),
      }),
    );
  return [...referenceKeys, ...schemaKeys];
}

/**
 * What a chosen key inserts: `key: ` for a scalar, the next line indented for a mapping (with its one required key
 * when it has one), `- ` on the next line for a list. A name that may stay empty (`networks: {front: }`) gets its colon.
 */
function keyText(name: string, branches: readonly SchemaBranch[], cursor: YamlCursor, options: { mayStayEmpty: boolean }): string {
  const key = needsQuotes(name) ? JSON.stringify(name) : name;
  const types = composeSchema.summary(branches).types;
  if (cursor.flow || types.length === 0 || types.some((type) => SCALAR_TYPES.has(type))) return `${key}: `;
  if (options.mayStayEmpty && types.includes('null')) return `${key}:`;
  const indent = `\n${' '.repeat(cursor.column + 2)}`;
  if (!types.includes('object')) return `${key}:${indent}- `;
  const required = new Set(branches.flatMap((branch) => branch.schema.required ?? []));
  const [only] = required;
  return required.size === 1 && !types.includes('array') ? `${key}:${indent}${only}: ` : `${key}:${indent}`;
}

function hasValues(path: YamlPath): boolean {
  if (referenceAt(path) || WELL_KNOWN_VALUES[String(path.at(-1))]) return true;
  const summary = composeSchema.summary(composeSchema.at(path));
  return summary.values.length > 0 || summary.types.includes('boolean');
}

/** Values for the scalar at `path`: what it refers to, the schema's allowed values, well-known values. */
function valueItems(context: CompletionContext, path: YamlPath, range: Range, prefix: string): CompletionItem[] {
  const references = referenceItems(context, path, range, prefix);
  const summary = composeSchema.summary(composeSchema.at(path));
  const field = String(path.at(-1));
  const listed = summary.values.length > 0 ? summary.values : (WELL_KNOWN_VALUES[field] ?? (summary.types.includes('boolean') ? [true, false] : []));
  const values = allowedValueItems(listed, range, prefix, context.quoted);
  return [...references, ...values];
}

function referenceItems(context: CompletionContext, path: YamlPath, range: Range, prefix: string): CompletionItem[] {
  const kind = referenceAt(path);
  if (!kind) return [];
  const typed = context.cursor.typed;
  if (kind === 'image') return prefix ? [] : imageReferenceItems(typed, range);
  const { workspace, file } = context;
  if (!workspace) return [];
  const isShortVolume = kind === 'volumes' && typeof path.at(-1) === 'number';
  // A short volume entry that starts like a path is a bind mount: no named volume fits there.
  if (isShortVolume && /^[./~$\\]|^[A-Za-z]:|[/:]/.test(typed)) return [];
  const names =
    kind === 'network_mode'
      ? referenceNames('service', file, path, workspace).map(({ name, detail }) => ({ name: `service:${name}`, ...(detail ? { detail } : {}) }))
      : referenceNames(kind, file, path, workspace);
  const present = new Set(context.cursor.presentItems);
  return names
    .filter(({ name }) => !present.has(name))
    .map(({ name, detail }, index) =>
      completionItem({
        label: name,
        kind: CompletionItemKind.Reference,
        // The short syntax goes on with the path in the container.
        newText: prefix + valueText(name, context, true) + (isShortVolume ? ':' : ''),
        range,
        ...(detail ? { detail } : {}),
        sortText: orderKey(index, '0'),
      }),
    );
}

/** A string YAML would read as something else (`no`, `1.0`) goes in quotes, unless the user opened some. */
function valueText(value: string, context: CompletionContext, isString: boolean): string {
  return isString && !context.quoted && needsQuotes(value) ? JSON.stringify(value) : value;
}
