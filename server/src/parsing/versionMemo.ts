/**
 * What was worked out from a piece of a document's text alone (a RUN's script, an instruction's syntax problems),
 * kept from one version of the document to the next: an edit changes one piece, and the others are looked up instead
 * of worked out again. A version takes over the previous version's entries, keeps those it uses and lets the rest go,
 * so the memo holds no more than two versions' pieces. It belongs to the document's model: closing the document frees it.
 */
export class VersionMemo<Value> {
  /**
   * Undefined for a document's first version: most files are parsed once and never edited (a workspace-wide check
   * reads thousands), and their memos would only add to what the workspace holds. The first edit starts one.
   */
  private readonly entries: Map<string, Value> | undefined;
  /** The previous version's entries, until this version is superseded in turn. */
  private previous: Map<string, Value> | undefined;

  /** `recent`: pieces other documents worked out lately, for a document opened anew. */
  constructor(
    previous?: VersionMemo<Value>,
    private readonly recent?: RecentMemo<Value>,
  ) {
    if (previous) {
      this.entries = new Map();
      this.previous = previous.entries;
      // Superseded: its own predecessor's entries are no longer reachable from the newest version.
      previous.previous = undefined;
    }
  }

  get(key: string, compute: () => Value): Value {
    let value = this.entries?.get(key);
    if (value === undefined) {
      value = this.previous?.get(key) ?? this.recent?.get(key);
      if (value === undefined) {
        value = compute();
        this.recent?.set(key, value);
      }
      this.entries?.set(key, value);
    }
    return value;
  }
}

/**
 * The pieces worked out most recently, at most `limit` of them, for all documents of a workspace: a file closed and
 * opened again, or one of several Dockerfiles sharing their RUN lines, finds its pieces here.
 */
export class RecentMemo<Value> {
  private readonly entries = new Map<string, Value>();

  constructor(private readonly limit: number) {}

  get(key: string): Value | undefined {
    const value = this.entries.get(key);
    if (value !== undefined) {
      // Most recently used last: the first entry is the one to let go.
      this.entries.delete(key);
      this.entries.set(key, value);
    }
    return value;
  }

  set(key: string, value: Value): void {
    this.entries.set(key, value);
    if (this.entries.size > this.limit) this.entries.delete(this.entries.keys().next().value as string);
  }
}
