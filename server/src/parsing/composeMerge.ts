import type { YamlDocument } from './yaml';
import type { YamlView } from './yamlView';

/**
 * Compose's merge of one file over another (compose-spec "Merge and override", as compose-go applies it), on plain
 * values: mappings merge key by key, sequences are appended (some de-duplicated by a key), scalars are replaced;
 * `!reset` removes what earlier files set and `!override` replaces it whole.
 */
export type Plain = string | number | boolean | null | Plain[] | { [key: string]: Plain } | Reset | Override;

/** Merged data: what Compose ends up with, markers applied. */
export type Data = string | number | boolean | null | Data[] | { [key: string]: Data };

const RESET = Symbol('!reset');
type Reset = typeof RESET;
class Override {
  constructor(readonly value: Plain) {}
}

/** A view's data with its merge tags kept as markers (they are dropped from what `toJS` gives). */
export function plainOf(view: YamlView): Plain {
  // `toJS` resolves aliases and merge keys too, with a cap on alias expansion, and is several times faster than a
  // walk through views; only the merge tags, which it drops, need the walk.
  if (!hasMergeTags(view.document)) return (view.toJS() as Plain | undefined) ?? null;
  return taggedPlainOf(view, { nodesLeft: MAX_WALKED_NODES }, 0);
}

const MERGE_TAG = /!(?:reset|override)\b/;
/** Searched once per parse: per service, the search of a long file's text cost more than the services' data. */
const mergeTagged = new WeakMap<YamlDocument, boolean>();

function hasMergeTags(document: YamlDocument): boolean {
  let tagged = mergeTagged.get(document);
  if (tagged === undefined) {
    tagged = MERGE_TAG.test(document.text);
    mergeTagged.set(document, tagged);
  }
  return tagged;
}
/** A walk through aliases can expand exponentially (a "billion laughs" file): it stops after this many nodes. */
const MAX_WALKED_NODES = 100_000;

function taggedPlainOf(view: YamlView, budget: { nodesLeft: number }, depth: number): Plain {
  // Nesting that deep is an attack or a generator bug; the parser reports it, the model stops.
  if (depth > 64 || --budget.nodesLeft < 0) return null;
  let value: Plain;
  if (view.isMap) value = Object.fromEntries(view.entries().map(([key, child]) => [key, taggedPlainOf(child, budget, depth + 1)]));
  else if (view.isSeq) value = view.items().map((item) => taggedPlainOf(item, budget, depth + 1));
  else value = view.scalar ?? null;
  if (view.tag === '!reset') return RESET;
  if (view.tag === '!override') return new Override(value);
  return value;
}

/** Fields whose list entries are replaced by a later entry with the same key (compose-go's de-duplication). */
const KEYED_LISTS: Readonly<Record<string, (entry: Plain) => string>> = {
  ports: portKey,
  volumes: (entry) => (isObject(entry) ? String(entry.target ?? '') : (String(entry).split(':')[1] ?? String(entry))),
  secrets: (entry) => (isObject(entry) ? String(entry.target ?? entry.source ?? '') : String(entry)),
  configs: (entry) => (isObject(entry) ? String(entry.target ?? entry.source ?? '') : String(entry)),
  expose: String,
  cap_add: String,
  cap_drop: String,
  profiles: String,
  links: String,
  dns: String,
  env_file: (entry) => (isObject(entry) ? String(entry.path ?? '') : String(entry)),
};

/** Fields written as a `KEY=value` list or a mapping, merged by key. */
const KEY_VALUE_FIELDS = new Set(['environment', 'labels', 'annotations', 'sysctls', 'args', 'extra_hosts']);
/** Fields written as a list of names or a mapping by name, merged by name. */
const NAMED_FIELDS = new Set(['depends_on', 'networks']);
/** Replaced whole by a later file. */
const REPLACED_FIELDS = new Set(['command', 'entrypoint', 'test']);

export function mergeService(base: Plain, override: Plain): Plain {
  return mergeValues(base, override, '');
}

/**
 * The service Compose ends up with from merged data: `extends` done with, markers applied, long forms. Data
 * without `!reset` or `!override` markers (`markers` false) is copied only at the top: below, it is shared.
 */
export function mergedService(merged: Plain, markers = true): { [field: string]: Data } {
  const fields = typeof merged === 'object' && merged !== null && !Array.isArray(merged) ? (merged as { [field: string]: Plain }) : {};
  const own = 'extends' in fields ? Object.fromEntries(Object.entries(fields).filter(([field]) => field !== 'extends')) : fields;
  // A copy either way: the data may be a view's, shared (YamlView.toJS).
  return canonicalService(markers ? (withoutMarkers(own) as { [field: string]: Plain }) : { ...own });
}

/**
 * A service written in one place that extends nothing, as Compose reads it: once per node while it is unchanged
 * (the result is shared, as the node's data is). Only where the data is the node's alone: no aliases (YamlView.toJS).
 */
export function writtenService(view: YamlView): { [field: string]: Data } {
  const node = view.node;
  const cached = node ? writtenServices.get(node) : undefined;
  if (cached) return cached;
  const service = mergedService(mergeService(null, plainOf(view)), hasMergeTags(view.document));
  if (node && view.isOwnData) writtenServices.set(node, service);
  return service;
}

const writtenServices = new WeakMap<object, { [field: string]: Data }>();

/**
 * The long form of fields that also have a short one, as Compose canonicalises them: `environment`, `labels`…
 * and `depends_on`, `networks` become mappings, `build: dir` becomes `{ context: dir }`. Changes `result`.
 */
function canonicalService(result: { [field: string]: Plain }): { [field: string]: Data } {
  for (const field of KEY_VALUE_FIELDS) if (field in result) result[field] = keyValueMap(result[field] ?? null);
  for (const field of NAMED_FIELDS) if (field in result) result[field] = namedMap(result[field] ?? null);
  if (typeof result.build === 'string') result.build = { context: result.build };
  const build = result.build;
  if (isObject(build) && 'args' in build) result.build = { ...build, args: keyValueMap(build.args ?? null) };
  return result as { [field: string]: Data };
}

function mergeValues(base: Plain, override: Plain, field: string): Plain {
  if (override === RESET) return null;
  if (override instanceof Override) return withoutMarkers(override.value);
  // Markers stay until the next file merges over this one, where they apply.
  if (base === undefined || base === null || base === RESET) return field === '' ? override : withoutMarkers(override);
  if (REPLACED_FIELDS.has(field)) return withoutMarkers(override);
  if (field === 'build' && (typeof base === 'string' || typeof override === 'string')) {
    return mergeValues(typeof base === 'string' ? { context: base } : base, typeof override === 'string' ? { context: override } : override, 'build');
  }
  if (KEY_VALUE_FIELDS.has(field)) return mergeMaps(keyValueMap(base), keyValueMap(override));
  if (NAMED_FIELDS.has(field)) return mergeMaps(namedMap(base), namedMap(override));
  if (Array.isArray(base) && Array.isArray(override)) {
    const keyOf = KEYED_LISTS[field];
    const merged = [...base, ...override.map(withoutMarkers)];
    if (!keyOf) return merged;
    const byKey = new Map<string, Plain>();
    for (const entry of merged) byKey.set(keyOf(entry), entry);
    return [...byKey.values()];
  }
  if (isObject(base) && isObject(override)) return mergeMaps(base, override);
  return withoutMarkers(override);
}

function mergeMaps(base: { [key: string]: Plain }, override: { [key: string]: Plain }): { [key: string]: Plain } {
  const merged: { [key: string]: Plain } = { ...base };
  for (const [key, value] of Object.entries(override)) {
    const result = mergeValues(base[key] ?? null, value, key);
    if (value === RESET) delete merged[key];
    else merged[key] = result;
  }
  return merged;
}

/** `KEY=value` lists become mappings so that both forms merge alike. */
function keyValueMap(value: Plain): { [key: string]: Plain } {
  if (isObject(value)) return value;
  if (!Array.isArray(value)) return {};
  return Object.fromEntries(
    value.map((entry) => {
      const text = String(entry);
      const equals = text.indexOf('=');
      return equals < 0 ? [text, null] : [text.slice(0, equals), text.slice(equals + 1)];
    }),
  );
}

function namedMap(value: Plain): { [key: string]: Plain } {
  if (isObject(value)) return value;
  if (!Array.isArray(value)) return {};
  return Object.fromEntries(value.map((entry) => [String(entry), {}]));
}

function portKey(entry: Plain): string {
  if (!isObject(entry)) return String(entry);
  return [entry.host_ip ?? '0.0.0.0', entry.published ?? '', `${String(entry.target ?? '')}/${String(entry.protocol ?? 'tcp')}`].map(String).join(':');
}

function isObject(value: Plain): value is { [key: string]: Plain } {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && !(value instanceof Override);
}

function withoutMarkers(value: Plain): Plain {
  if (value === RESET) return null;
  if (value instanceof Override) return withoutMarkers(value.value);
  if (Array.isArray(value)) return value.map(withoutMarkers);
  if (isObject(value)) return Object.fromEntries(Object.entries(value).flatMap(([key, child]) => (child === RESET ? [] : [[key, withoutMarkers(child)]])));
  return value;
}
