import type { TextEdit } from 'vscode-languageserver-types';
import { isSeq, type Node } from 'yaml';
import type { Fix } from '../../engine/ruleTypes';
import type { ContainerView } from '../../parsing/kubernetes';
import { indentOf, insertPair } from '../../parsing/yamlEdit';
import type { YamlView } from '../../parsing/yamlView';
import { capabilities, escalationImpliedBy, isWindowsPod } from './podSecurity';

/**
 * Quick fixes that write a container's `securityContext` with minimal edits: settings merged into the one the
 * container has (in its block or flow style, comments kept), or a new one added to the container. Every function
 * returns undefined when it cannot edit safely (the context comes from an alias or a merge key, or is written in a
 * shape a new key cannot join), and the rules then offer no fix.
 */

/** A setting and its YAML text: `['runAsNonRoot', 'true']`. */
export type Setting = readonly [key: string, value: string];

/** Sets the settings that the container's securityContext lacks, adding the securityContext when it has none. */
export function setSecurityContext(container: ContainerView, settings: readonly Setting[]): TextEdit[] | undefined {
  return editSecurityContext(container, settings, undefined);
}

/** Replaces a boolean or number as written (a quoted `"true"` included) with plain YAML: `false`, `true`. */
export function replaceValue(view: YamlView, text: string): TextEdit | undefined {
  return view.isEditable && view.node?.range ? { range: view.range, newText: text } : undefined;
}

/**
 * Adds a capability to `capabilities.drop`: appended to the list, or the list, `capabilities` or the whole
 * securityContext added where missing.
 */
export function dropCapability(container: ContainerView, capability: string): TextEdit[] | undefined {
  return editSecurityContext(container, [], capability);
}

/** The settings the hardening quick fix writes, in this order. */
const HARDENED: readonly Setting[] = [
  ['runAsNonRoot', 'true'],
  ['allowPrivilegeEscalation', 'false'],
  ['readOnlyRootFilesystem', 'true'],
];

export type HardenedSetting = 'runAsNonRoot' | 'allowPrivilegeEscalation' | 'readOnlyRootFilesystem' | 'capabilities';

/**
 * The settings the hardening fix would add to this container: those it does not set yet, except where adding
 * them would make the object invalid or the container unable to start (`allowPrivilegeEscalation: false` beside
 * `privileged: true` or CAP_SYS_ADMIN; `runAsNonRoot: true` beside `runAsUser: 0`), and on Windows only
 * runAsNonRoot, the one setting of the four that Windows pods may have.
 */
export function hardeningPlan(container: ContainerView): HardenedSetting[] {
  const plan: HardenedSetting[] = [];
  const unwritten = (key: string) => container.view.at('securityContext', key) === undefined;
  const nonRoot = container.security('runAsNonRoot')?.value.scalar === true;
  if (unwritten('runAsNonRoot') && !nonRoot && container.security('runAsUser')?.value.scalar !== 0) plan.push('runAsNonRoot');
  if (isWindowsPod(container.workload)) return plan;
  if (unwritten('allowPrivilegeEscalation') && !escalationImpliedBy(container)) plan.push('allowPrivilegeEscalation');
  if (unwritten('readOnlyRootFilesystem')) plan.push('readOnlyRootFilesystem');
  if (!capabilities(container, 'drop').some(({ name }) => name === 'ALL')) plan.push('capabilities');
  return plan;
}

/**
 * The combined quick fix offered on the security findings of a container: runAsNonRoot, no privilege escalation,
 * a read-only root filesystem and all capabilities dropped, merged into the securityContext it has (settings it
 * already has are kept). Offered where it removes the finding (`fixes`), unsafe because a container whose image
 * runs as root, or that writes outside its volumes, stops working until its image or volumes are changed.
 */
export function hardeningFix(container: ContainerView, fixes: HardenedSetting): Fix[] {
  const plan = hardeningPlan(container);
  if (!plan.includes(fixes)) return [];
  const settings = HARDENED.filter(([key]) => plan.includes(key as HardenedSetting));
  const edits = editSecurityContext(container, settings, plan.includes('capabilities') ? 'ALL' : undefined);
  if (!edits) return [];
  const written = [...settings.map(([key, value]) => `${key}: ${value}`), ...(plan.includes('capabilities') ? ['drop ALL capabilities'] : [])];
  return [{ title: `Harden securityContext of "${container.name || '?'}" (${written.join(', ')})`, edits, unsafe: true }];
}

/**
 * The edits that add `settings` (those not already written) and, when given, a capability to drop. The edit of
 * `capabilities` comes first: when it is the last entry of a block securityContext, both insert at the same
 * point, and the dropped capability must stay under `drop:`.
 */
function editSecurityContext(container: ContainerView, settings: readonly Setting[], drop: string | undefined): TextEdit[] | undefined {
  const context = container.get('securityContext');
  if (!context) {
    const entries: Entry[] = [...settings, ...(drop ? [['capabilities', { drop: [drop] }] as Entry] : [])];
    if (entries.length === 0) return [];
    const edit = insertEntries(container.view, [['securityContext', Object.fromEntries(entries)]]);
    return edit && [edit];
  }
  if (!context.isMap) return undefined;
  const edits: TextEdit[] = [];
  const missing: Entry[] = settings.filter(([key]) => context.get(key) === undefined);
  if (drop) {
    const capabilitiesView = context.get('capabilities');
    const dropView = capabilitiesView?.get('drop');
    if (!capabilitiesView) missing.push(['capabilities', { drop: [drop] }]);
    else if (!capabilitiesView.isMap) return undefined;
    else if (!dropView) {
      const edit = insertEntries(capabilitiesView, [['drop', [drop]]]);
      if (!edit) return undefined;
      edits.push(edit);
    } else {
      const edit = appendItem(dropView, drop);
      if (!edit) return undefined;
      edits.push(edit);
    }
  }
  if (missing.length > 0) {
    const edit = insertEntries(context, missing);
    if (!edit) return undefined;
    edits.push(edit);
  }
  return edits;
}

/** A value to write: YAML text, a list of YAML texts, or a mapping of them. */
type Value = string | readonly string[] | { readonly [key: string]: Value };
type Entry = readonly [key: string, value: Value];

/**
 * Adds entries at the end of a mapping in its style: block lines nested two columns per level, or one flow line.
 * One edit holds them all, so that several entries never depend on the order of insertions at one point.
 */
function insertEntries(map: YamlView, entries: readonly Entry[]): TextEdit | undefined {
  const [first, ...rest] = entries;
  if (!first) return undefined;
  if (map.map?.flow) {
    const value = [flowText(first[1]), ...rest.map(([key, value]) => `${key}: ${flowText(value)}`)].join(', ');
    return insertPair(map, first[0], value);
  }
  // insertPair knows where a new block entry goes; the entries are written here, since a nested mapping of one
  // entry must still go on lines of its own.
  const place = insertPair(map, first[0], 'null');
  const indent = indentOf(map);
  if (!place || indent === undefined) return undefined;
  const eol = map.document.text.includes('\r\n') ? '\r\n' : '\n';
  const lines = entries.flatMap(([key, value]) => blockLines(key, value));
  return { range: place.range, newText: lines.map((line) => `${eol}${' '.repeat(indent)}${line}`).join('') };
}

/** `key: value` as block lines, nested values indented two columns per level. */
function blockLines(key: string, value: Value): string[] {
  if (typeof value === 'string') return [`${key}: ${value}`];
  const inner = isList(value) ? value.map((item) => `- ${item}`) : Object.entries(value).flatMap(([innerKey, innerValue]) => blockLines(innerKey, innerValue));
  return [`${key}:`, ...inner.map((line) => `  ${line}`)];
}

function flowText(value: Value): string {
  if (typeof value === 'string') return value;
  if (isList(value)) return `[${value.join(', ')}]`;
  return `{ ${Object.entries(value)
    .map(([key, inner]) => `${key}: ${flowText(inner)}`)
    .join(', ')} }`;
}

function isList(value: Value): value is readonly string[] {
  return Array.isArray(value);
}

/**
 * Appends a scalar to a list: `, item` before the `]` of a flow list, or a `- item` line after the last item of a
 * block list, at its dash's column (after a comment ending that item's line).
 */
export function appendItem(list: YamlView, item: string): TextEdit | undefined {
  const node = list.node;
  if (!list.isEditable || !isSeq(node) || !node.range) return undefined;
  const { text } = list.document;
  const at = (offset: number) => list.document.rangeOfOffsets(offset, offset);
  if (node.flow) {
    const close = node.range[1] - 1;
    if (text[close] !== ']') return undefined;
    const inside = text.slice(node.range[0] + 1, close);
    return { range: at(node.range[0] + 1 + inside.trimEnd().length), newText: node.items.length === 0 ? item : `, ${item}` };
  }
  const last = node.items.at(-1) as Node | undefined;
  if (!last?.range) return undefined;
  const dashColumn = node.range[0] - (text.lastIndexOf('\n', node.range[0] - 1) + 1);
  const lineEnd = text.indexOf('\n', last.range[1] - 1);
  const insertAt = lineEnd < 0 ? text.length : text[lineEnd - 1] === '\r' ? lineEnd - 1 : lineEnd;
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  return { range: at(insertAt), newText: `${eol}${' '.repeat(dashColumn)}- ${item}` };
}
