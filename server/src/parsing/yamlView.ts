import type { Range } from 'vscode-languageserver-types';
import { isAlias, isCollection, isMap, isScalar, isSeq, type Node, type Pair, type Scalar, type YAMLMap } from 'yaml';
import type { YamlDocument } from './yaml';

const dataOfNode = new WeakMap<Node, unknown>();

/** Whether the document may hold an alias, whose data is another node's: an alias starts with `*`. */
function mayHaveAliases(document: YamlDocument): boolean {
  let may = aliasesOf.get(document);
  if (may === undefined) {
    may = document.text.includes('*');
    aliasesOf.set(document, may);
  }
  return may;
}

const aliasesOf = new WeakMap<YamlDocument, boolean>();

const isPlainObject = (data: unknown): data is Record<string, unknown> => typeof data === 'object' && data !== null && !Array.isArray(data);

/**
 * A block or flow mapping whose keys are distinct plain strings, none of them `__proto__` nor a `<<` merge key:
 * its data is an object of its entries' data in order, as `toJS` makes it.
 */
function hasPlainKeys(node: Node | null): node is YAMLMap {
  if (!isMap(node)) return false;
  const keys = new Set<string>();
  for (const { key } of node.items as Pair[]) {
    if (!isScalar(key) || typeof key.value !== 'string' || key.value === '__proto__' || keys.has(key.value)) return false;
    keys.add(key.value);
  }
  return true;
}

/** A plain YAML scalar value. */
export type ScalarValue = string | number | boolean | null;

/**
 * A node of a YAML document seen as the data it means — aliases resolved and `<<` merge keys applied — while
 * every range points at the text the user wrote: an alias reports at the `*alias`, not at its anchor, and a key
 * brought in by a merge key reports at the `<<` that brought it. Models (compose services, Kubernetes containers)
 * are built from these, so rules never walk raw YAML.
 */
export class YamlView {
  private constructor(
    readonly document: YamlDocument,
    /** The node the data comes from (an alias already resolved); null for a key without a value (`foo:`). */
    readonly node: Node | null,
    /** What the user wrote for this value here: the node itself, an alias, or the `<<` that merged it in. */
    private readonly written: Node | null,
    /** The key this value sits under, when it is a mapping value. */
    readonly key?: Scalar,
  ) {}

  static root(document: YamlDocument): YamlView | undefined {
    const contents = document.parsed.contents as Node | null;
    return contents ? YamlView.of(document, contents, undefined) : undefined;
  }

  private static of(document: YamlDocument, value: unknown, key: Scalar | undefined, via?: Node): YamlView {
    const written = (via ?? (value as Node | null)) || null;
    const node = isAlias(value) ? ((value.resolve(document.parsed) as Node | undefined) ?? null) : ((value as Node | null) ?? null);
    return new YamlView(document, node, written, key);
  }

  get isMap(): boolean {
    return isMap(this.node);
  }

  get isSeq(): boolean {
    return isSeq(this.node);
  }

  get isScalar(): boolean {
    return isScalar(this.node);
  }

  /** The scalar's value; undefined for collections and missing values. */
  get scalar(): ScalarValue | undefined {
    return isScalar(this.node) ? (this.node.value as ScalarValue) : undefined;
  }

  /** The scalar's value when it is a string (numbers are not converted). */
  get string(): string | undefined {
    const value = this.scalar;
    return typeof value === 'string' ? value : undefined;
  }

  /** The scalar as text: strings, numbers and booleans as written in the data (`3000`, `true`). */
  get text(): string | undefined {
    const value = this.scalar;
    return value === null || value === undefined ? undefined : String(value);
  }

  /**
   * The value's plain JavaScript form (what a schema validator sees). In a document without aliases a mapping's or
   * list's data is its node's alone, and is worked out once per node, which an edit elsewhere keeps (parseYamlFile):
   * the result is then shared, so it must not be modified. Undefined when the yaml library cannot read it (a `<<`
   * merge of a scalar).
   */
  toJS(): unknown {
    const node = this.node;
    if (!node) return null;
    const cached = dataOfNode.get(node);
    if (cached !== undefined) return cached;
    let data: unknown;
    try {
      data = node.toJS(this.document.parsed, { maxAliasCount: 100 });
    } catch {
      return undefined;
    }
    if (isCollection(node) && this.isOwnData) dataOfNode.set(node, data);
    return data;
  }

  /** Whether the value's data is its node's alone: no alias in the document can bring in another node's. */
  get isOwnData(): boolean {
    return !mayHaveAliases(this.document);
  }

  /**
   * The document's data, as `toJS` of the whole document gives it, put together from the data of its top-level
   * entries and of their entries (the services of a compose file), so that only what an edit touched is worked out
   * again. Undefined when that would not be the same: aliases, keys other than plain strings.
   */
  static dataOf(document: YamlDocument): { value: unknown } | undefined {
    const root = YamlView.root(document);
    if (!root || mayHaveAliases(document) || !hasPlainKeys(root.node)) return undefined;
    const entryData = (view: YamlView) =>
      hasPlainKeys(view.node) ? Object.fromEntries(view.entries().map(([key, entry]) => [key, entry.toJS()])) : view.toJS();
    const value = Object.fromEntries(root.entries().map(([key, view]) => [key, entryData(view)]));
    // A value that cannot be read (a `<<` merge of a scalar): the caller reads the whole document and says why.
    const unreadable = (data: unknown) => data === undefined || (isPlainObject(data) && Object.values(data).includes(undefined));
    return Object.values(value).some(unreadable) ? undefined : { value };
  }

  /** Where the value was written; a key without value reports at its key. */
  get range(): Range {
    const written = this.written;
    if (written?.range && (written.range[1] > written.range[0] || !this.key)) return this.document.rangeOfOffsets(written.range[0], written.range[1]);
    return this.keyRange ?? this.document.rangeOfOffsets(0, 0);
  }

  get keyRange(): Range | undefined {
    const range = this.key?.range;
    return range ? this.document.rangeOfOffsets(range[0], range[1]) : undefined;
  }

  /** From the key (or the value when there is no key) to the end of the value: a whole `key: value` pair. */
  get pairRange(): Range {
    const keyRange = this.keyRange;
    return keyRange ? { start: keyRange.start, end: this.range.end } : this.range;
  }

  /** The mapping's entries in order, keys of `<<` merges included (an explicit key wins over a merged one). */
  entries(): [name: string, value: YamlView][] {
    if (!isMap(this.node)) return [];
    if (!this.entryCache) {
      const result = new Map<string, YamlView>();
      this.collectEntries(this.node, result, undefined, new Set());
      this.entryCache = [...result];
    }
    return this.entryCache;
  }

  private entryCache?: [string, YamlView][];

  private collectEntries(map: YAMLMap, into: Map<string, YamlView>, mergedAt: Node | undefined, seen: Set<YAMLMap>): void {
    if (seen.has(map)) return;
    seen.add(map);
    for (const pair of map.items as Pair[]) {
      const key = pair.key;
      if (isScalar(key) && typeof key.value === 'symbol') {
        // `<<: *base` or `<<: [*a, *b]`: earlier sources win over later ones, and explicit keys over all.
        const sources = isSeq(pair.value) ? pair.value.items : [pair.value];
        const merged = new Map<string, YamlView>();
        for (const source of sources) {
          const resolved = isAlias(source) ? source.resolve(this.document.parsed) : source;
          if (!isMap(resolved)) continue;
          const fromSource = new Map<string, YamlView>();
          this.collectEntries(resolved, fromSource, mergedAt ?? (key as Node), seen);
          for (const [name, view] of fromSource) if (!merged.has(name)) merged.set(name, view);
        }
        for (const [name, view] of merged) if (!into.has(name) || into.get(name)?.isMerged) into.set(name, view);
        continue;
      }
      const name = isScalar(key) ? String(key.value) : undefined;
      if (name === undefined) continue;
      const view = YamlView.of(this.document, pair.value, mergedAt ? undefined : (key as Scalar), mergedAt);
      // Duplicate keys are a syntax error the parser reports; the last one is what `toJS` keeps.
      into.set(name, view);
    }
  }

  private get isMerged(): boolean {
    return this.key === undefined && this.written !== this.node;
  }

  get(name: string): YamlView | undefined {
    for (const [key, value] of this.entries()) if (key === name) return value;
    return undefined;
  }

  /** The tag the user wrote on this value (`!reset`, `!override`), if any. */
  get tag(): string | undefined {
    return this.node?.tag;
  }

  /** Follows a path of keys and list indexes; undefined as soon as a step is missing. */
  at(...path: (string | number)[]): YamlView | undefined {
    let current: YamlView | undefined = this;
    for (const step of path) current = typeof step === 'number' ? current?.items()[step] : current?.get(step);
    return current;
  }

  /** The sequence's items; a scalar or mapping is not a list. */
  items(): YamlView[] {
    if (!isSeq(this.node)) return [];
    return this.node.items.map((item) => YamlView.of(this.document, item, undefined));
  }

  /** The underlying mapping node, for edits. */
  get map(): YAMLMap | undefined {
    return isMap(this.node) ? this.node : undefined;
  }

  /**
   * The same value seen where its text is: for a value reached through an alias or a `<<` merge key, its place in
   * the anchored node, so that a finding about that text is reported once there and a fix edits it. The view has no
   * key: the anchored mapping's key is not known from here.
   */
  get atDefinition(): YamlView {
    return this.isWrittenHere || !this.node ? this : new YamlView(this.document, this.node, this.node);
  }

  /**
   * Whether a fix may edit this value's text: it was written here (not reached through an alias or a merge key),
   * and its document parses, since text added to a broken document may read as something else.
   */
  get isEditable(): boolean {
    return this.isWrittenHere && this.document.parsed.errors.length === 0;
  }

  /** Whether this value was written here (not reached through an alias or a merge key), so editing it is local. */
  get isWrittenHere(): boolean {
    return this.written === this.node;
  }
}
