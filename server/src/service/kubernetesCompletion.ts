import { CompletionItemKind, type CompletionItem, type Position, type Range } from 'vscode-languageserver-types';
import type { ContainerFile } from '../parsing/containerFile';
import { baseName } from '../parsing/documentKind';
import { needsQuotes } from '../parsing/yamlEdit';
import type { KubernetesField } from '../schema/kubernetesSchema';
import type { Workspace } from '../workspace/workspace';
import { allowedValueItems, completionItem, orderKey } from './completionItems';
import { documentAt, inFile, schemaAt, type DocumentAt } from './kubernetesDocumentAt';
import { apiVersionItems, kindItems, objectStartItems } from './kubernetesKindCompletion';
import { labelSuggestions } from './kubernetesLabels';
import { referenceAt, type Reference } from './kubernetesReferences';
import { isDeprecated, isSetByCluster, schemaMarkdown, typeText } from './kubernetesSchemaText';
import { type IndexedObject, namespacesMeet } from '../workspace/kubernetesEntries';
import { definedObjects } from './kubernetesWorkspaceObjects';
import { imageReferenceItems } from './imageCompletion';
import { yamlCursor, type YamlCursor, type YamlPath } from './yamlCursor';

/** Scalar types: a key taking one of these is completed as `key: ` with its value on the same line. */
const SCALAR_TYPES = new Set(['string', 'number', 'integer', 'boolean']);
const CONTAINER_FIELDS = new Set(['containers', 'initContainers', 'ephemeralContainers']);
/**
 * Linux capabilities as a securityContext names them (without `CAP_`): what the container runtimes grant by default,
 * and the ones asked for most; `ALL` first, which is what `drop` should hold.
 */
const CAPABILITIES = [
  'ALL',
  'NET_BIND_SERVICE',
  'CHOWN',
  'DAC_OVERRIDE',
  'FOWNER',
  'FSETID',
  'KILL',
  'SETGID',
  'SETUID',
  'SETPCAP',
  'SETFCAP',
  'NET_RAW',
  'MKNOD',
  'AUDIT_WRITE',
  'SYS_CHROOT',
  'NET_ADMIN',
  'SYS_ADMIN',
  'SYS_PTRACE',
  'SYS_TIME',
  'SYS_RESOURCE',
  'IPC_LOCK',
];
/** Top-level keys of a YAML document that may be becoming a Kubernetes object. */
const OBJECT_START_KEYS = new Set(['apiVersion', 'kind', 'metadata']);

export interface KubernetesCompletionContext {
  readonly at: DocumentAt;
  /** The cursor, its ranges in the file's lines. */
  readonly cursor: YamlCursor;
  /** The value being typed sits inside quotes the user opened: values go in as they are. */
  readonly quoted: boolean;
  /** The document writes a key's list at the key's own column (`containers:` then `- name:` below it). */
  readonly listsAtKeyColumn: boolean;
  /** The objects of the workspace, read on first use. */
  readonly objects: () => readonly IndexedObject[];
  readonly uri: string;
}

/**
 * Completions in a Kubernetes manifest, reading only the YAML document at the cursor (and, for the names references
 * take, the objects the workspace defines): the schema's fields and values at the cursor, apiVersion/kind pairs,
 * label keys and values from selectors and pod templates, names of Secrets, ConfigMaps, Services and other objects,
 * container port names. In another YAML file, a document that is only starting to be an object gets the same.
 */
export function kubernetesCompletions(file: ContainerFile, position: Position, workspace: Workspace | undefined): CompletionItem[] {
  const at = documentAt(file, position);
  if (!at) return [];
  if (file.kind !== 'kubernetes' && !isStartingObject(at.text)) return [];
  const found = yamlCursor(at.text, at.position);
  if (!found) return [];
  const lines = at.text.split(/\r?\n/);
  const before = lines[found.range.start.line]?.[found.range.start.character - 1] ?? '';
  let objects: IndexedObject[] | undefined;
  const context: KubernetesCompletionContext = {
    at,
    cursor: { ...found, range: inFile(at, found.range), wordEnd: inFile(at, { start: found.wordEnd, end: found.wordEnd }).start },
    quoted: found.role !== 'key' && /["']/.test(before),
    listsAtKeyColumn: writesListsAtKeyColumn(lines),
    objects: () => {
      objects ??= definedObjects(file, workspace);
      return objects;
    },
    uri: file.uri,
  };
  const { cursor } = context;
  if (file.kind !== 'kubernetes' && cursor.path.length > 1) return [];
  switch (cursor.role) {
    case 'value':
      return valueItems(context, cursor.path, cursor.range, '');
    case 'item':
      // After `- `: a scalar item, or the first key of a mapping item.
      return [...valueItems(context, cursor.path, cursor.range, ''), ...keyItems(context, cursor.path, { group: '1', prefix: '' })];
    case 'key':
      if (writesList(context)) {
        const itemPath = [...cursor.path, cursor.presentItems.length];
        return [...valueItems(context, itemPath, cursor.range, '- '), ...keyItems(context, itemPath, { group: '1', prefix: '- ' })];
      }
      return keyItems(context, cursor.path, { group: '', prefix: '' });
  }
}

/**
 * Whether a document of another YAML file is becoming a Kubernetes object: it has begun with apiVersion or kind and
 * holds nothing else yet. An empty document could become anything (a workflow, a config), so it is offered nothing.
 */
function isStartingObject(text: string): boolean {
  const keys = [...text.matchAll(/^([^\s#:'"-][^:#]*):(?:\s|$)/gm)].map((match) => match[1] ?? '');
  return keys.length > 0 && keys.every((key) => OBJECT_START_KEYS.has(key)) && (keys.includes('apiVersion') || keys.includes('kind'));
}

/** Whether the first list written under a key sits at the key's column (kubectl's own style) rather than below it. */
function writesListsAtKeyColumn(lines: readonly string[]): boolean {
  for (let index = 0; index + 1 < lines.length; index++) {
    const key = /^(\s*)(?:- )?[^\s#-][^:#]*:\s*$/.exec(lines[index] ?? '');
    if (!key) continue;
    const next = lines.slice(index + 1).find((line) => !/^\s*(#.*)?$/.test(line));
    const dash = next && /^(\s*)- /.exec(next);
    if (!dash) continue;
    const keyColumn = (lines[index] ?? '').search(/[^\s-]/);
    return (dash[1]?.length ?? 0) === keyColumn;
  }
  return false;
}

/** A new line below a key whose value is a list, before anything is written there: its first item. */
function writesList({ cursor, at }: KubernetesCompletionContext): boolean {
  if (cursor.flow || cursor.presentKeys.size > 0) return false;
  if (cursor.presentItems.length > 0) return true;
  const types = schemaAt(at, cursor.path)?.types ?? [];
  return types.includes('array') && !types.includes('object');
}

interface KeyOptions {
  /** Sorts the keys after the values where both are offered. */
  group: string;
  /** `- ` when the key starts a list item. */
  prefix: string;
}

/** The fields the schema allows in the mapping at `path` that it does not hold yet, and labels where labels go. */
function keyItems(context: KubernetesCompletionContext, path: YamlPath, options: KeyOptions): CompletionItem[] {
  const { cursor, at } = context;
  const range = cursor.hasColon ? { start: cursor.range.start, end: cursor.wordEnd } : cursor.range;
  const fields = (schemaAt(at, path)?.fields ?? []).filter(
    (field) => !cursor.presentKeys.has(field.name) && !isDeprecated(field.description) && !isSetByCluster(field, path.length === 0),
  );
  const fieldItems = fields.map((field) => {
    const fieldPath = [...path, field.name];
    // The field's own place knows its form (a quantity, int-or-string), which the list of fields does not say.
    const info = schemaAt(at, fieldPath) ?? field;
    return completionItem({
      label: field.name,
      kind: CompletionItemKind.Property,
      newText: options.prefix + (cursor.hasColon ? field.name : keyText(context, field.name, fieldPath, options.prefix)),
      range,
      detail: `${typeText(info)}${field.required ? ' · required' : ''}`,
      documentation: schemaMarkdown(info),
      keepIndentation: true,
      suggestAgain: !cursor.hasColon && !cursor.flow && suggestsValues(context, fieldPath, field),
      sortText: `${options.group}${field.required ? '0' : '1'}${field.name}`,
    });
  });
  const startsObject = path.length === 0 && !at.kind && !cursor.presentKeys.has('kind') && options.prefix === '' && !cursor.flow && !cursor.hasColon;
  return [...labelKeyItems(context, path, range, options), ...fieldItems, ...(startsObject ? objectStartItems(context) : [])];
}

/**
 * What a chosen key inserts: `key: ` for a scalar; for a mapping, the next line indented; for a list, its first item
 * (with the one field its items require: `- name: `).
 */
function keyText(context: KubernetesCompletionContext, name: string, fieldPath: YamlPath, prefix: string): string {
  const { cursor, at } = context;
  const key = needsQuotes(name) ? JSON.stringify(name) : name;
  const types = schemaAt(at, fieldPath)?.types ?? [];
  if (cursor.flow || types.length === 0 || types.some((type) => SCALAR_TYPES.has(type))) return `${key}: `;
  const column = cursor.column + prefix.length;
  if (types.includes('object')) return `${key}:\n${' '.repeat(column + 2)}`;
  const required = (schemaAt(at, [...fieldPath, 0])?.fields ?? []).filter((field) => field.required);
  const [only] = required;
  const first = required.length === 1 && only ? `${only.name}: ` : '';
  return `${key}:\n${' '.repeat(context.listsAtKeyColumn ? column : column + 2)}- ${first}`;
}

/** Whether the value of a key just inserted has completions of its own, which the editor is asked to show. */
function suggestsValues(context: KubernetesCompletionContext, path: YamlPath, field: KubernetesField): boolean {
  if (!field.types.some((type) => SCALAR_TYPES.has(type))) return field.types.length > 0;
  return (
    (field.enum?.length ?? 0) > 0 || field.types.includes('boolean') || isImage(path) || referenceAt(path, context.at.object, context.at.kind) !== undefined
  );
}

function isImage(path: YamlPath): boolean {
  return path.at(-1) === 'image' && typeof path.at(-2) === 'number' && CONTAINER_FIELDS.has(String(path.at(-3)));
}

/** Labels the label map at `path` may take and does not have: `key: value` pairs, and recommended keys. */
function labelKeyItems(context: KubernetesCompletionContext, path: YamlPath, range: Range, options: KeyOptions): CompletionItem[] {
  const { cursor, at } = context;
  if (options.prefix) return [];
  const suggestions = labelSuggestions(path, at.object, at.kind, context.objects) ?? [];
  const seen = new Set<string>();
  return suggestions.flatMap(({ key, value, detail }, index) => {
    const label = value === undefined || cursor.hasColon ? key : `${key}: ${value}`;
    if (cursor.presentKeys.has(key) || seen.has(label)) return [];
    seen.add(label);
    const keyText = needsQuotes(key) ? JSON.stringify(key) : key;
    const newText = cursor.hasColon ? keyText : value === undefined ? `${keyText}: ` : `${keyText}: ${scalarText(value, false)}`;
    return [
      completionItem({
        label,
        kind: value === undefined ? CompletionItemKind.Property : CompletionItemKind.Value,
        newText,
        range,
        detail,
        sortText: orderKey(index, `${options.group}0`),
      }),
    ];
  });
}

/** Values for the scalar at `path`: names it refers to, label values, images, the schema's allowed values. */
function valueItems(context: KubernetesCompletionContext, path: YamlPath, range: Range, prefix: string): CompletionItem[] {
  const { at, cursor } = context;
  if (path.length === 1 && path[0] === 'kind' && !prefix) return kindItems(context, range);
  if (path.length === 1 && path[0] === 'apiVersion' && !prefix) return apiVersionItems(context, range);
  const named = [...referenceItems(context, path), ...labelValueItems(context, path)].map(({ name, detail, isString }, index) =>
    completionItem({
      label: name,
      kind: CompletionItemKind.Reference,
      newText: prefix + scalarText(name, context.quoted || !isString),
      range,
      detail,
      sortText: orderKey(index, '0'),
    }),
  );
  if (isImage(path) && !prefix) named.push(...imageReferenceItems(cursor.typed, range, '0'));
  const info = schemaAt(at, path);
  const listed = info?.enum ?? (info?.types.includes('boolean') ? [true, false] : capabilitiesAt(path));
  const values = allowedValueItems(listed, range, prefix, context.quoted);
  return [...named, ...values];
}

/** `capabilities.drop` and `.add` items: `ALL` is only for dropping. */
function capabilitiesAt(path: YamlPath): readonly string[] {
  const field = path.at(-2);
  if (typeof path.at(-1) !== 'number' || path.at(-3) !== 'capabilities' || (field !== 'drop' && field !== 'add')) return [];
  return field === 'drop' ? CAPABILITIES : CAPABILITIES.slice(1);
}

/** A string YAML would read as something else (`true`, `8080`) goes in quotes, unless the user opened some. */
function scalarText(value: string, asIs: boolean): string {
  return !asIs && needsQuotes(value) ? JSON.stringify(value) : value;
}

interface Named {
  name: string;
  detail: string;
  /** False for numbers, which go in unquoted. */
  isString: boolean;
}

function referenceItems(context: KubernetesCompletionContext, path: YamlPath): Named[] {
  const { at } = context;
  const reference = referenceAt(path, at.object, at.kind);
  if (!reference) return [];
  const namespace = at.object?.namespace;
  const present = new Set(context.cursor.presentItems);
  return unique(namesFor(reference, context, namespace)).filter(({ name }) => !present.has(name));
}

function namesFor(reference: Reference, context: KubernetesCompletionContext, namespace: string | undefined): Named[] {
  const inNamespace = (object: IndexedObject) => namespacesMeet(namespace, object.namespace);
  const where = (object: IndexedObject) => (object.uri === context.uri ? 'this file' : baseName(object.uri));
  switch (reference.type) {
    case 'object':
      return context
        .objects()
        .filter((object) => object.kind === reference.kind && inNamespace(object))
        .map((object) => ({ name: object.name, detail: `${object.kind} in ${where(object)}`, isString: true }));
    case 'dataKey': {
      const owner = context.objects().find((object) => object.kind === reference.kind && object.name === reference.objectName && inNamespace(object));
      return [...(owner?.dataKeys ?? [])].map((key) => ({ name: key, detail: `key of ${owner?.kind}/${owner?.name}`, isString: true }));
    }
    case 'servicePort': {
      const service = context.objects().find((object) => object.kind === 'Service' && object.name === reference.serviceName && inNamespace(object));
      return (service?.servicePorts ?? []).flatMap(({ name, port }) => {
        const label = reference.field === 'name' ? name : port === undefined ? undefined : String(port);
        return label === undefined ? [] : [{ name: label, detail: `port of Service/${service?.name}`, isString: reference.field === 'name' }];
      });
    }
    case 'containerPort': {
      const ports = reference.container?.get('ports')?.items() ?? [];
      return declaredPorts(
        ports.map((port) => ({ name: port.get('name')?.string, number: numberOf(port.get('containerPort')?.scalar), where: 'this container' })),
      );
    }
    case 'podPort': {
      const selector = [...(context.at.object?.view.at('spec', 'selector')?.entries() ?? [])].map(([key, value]) => [key, value.text] as const);
      if (selector.length === 0) return [];
      const selected = context
        .objects()
        .filter((object) => object.podLabels && inNamespace(object) && selector.every(([key, value]) => object.podLabels?.get(key) === value));
      return declaredPorts(
        selected.flatMap((object) =>
          (object.containerPorts ?? []).map((port) => ({ ...port, where: `container ${port.container} of ${object.kind}/${object.name}` })),
        ),
      );
    }
  }
}

function numberOf(value: unknown): number | undefined {
  return typeof value === 'number' ? value : undefined;
}

/** Port names first (what a probe should name), then numbers. */
function declaredPorts(ports: readonly { name?: string; number?: number; where: string }[]): Named[] {
  const names = ports.flatMap(({ name, number, where }) => (name ? [{ name, detail: `port ${number ?? '?'} of ${where}`, isString: true }] : []));
  const numbers = ports.flatMap(({ name, number, where }) =>
    number === undefined ? [] : [{ name: String(number), detail: `port${name ? ` ${name}` : ''} of ${where}`, isString: false }],
  );
  return [...names, ...numbers];
}

/** The values a label key takes where its map's labels come from. */
function labelValueItems(context: KubernetesCompletionContext, path: YamlPath): Named[] {
  const key = path.at(-1);
  if (typeof key !== 'string') return [];
  const suggestions = labelSuggestions(path.slice(0, -1), context.at.object, context.at.kind, context.objects) ?? [];
  return suggestions.flatMap(({ key: suggested, value, detail }) =>
    suggested === key && value !== undefined ? [{ name: value, detail, isString: true }] : [],
  );
}

function unique(names: readonly Named[]): Named[] {
  const seen = new Set<string>();
  return names.filter(({ name }) => !seen.has(name) && seen.add(name) !== undefined);
}
