import type { RecordedRead, Workspace } from './workspace';

interface Contribution<Value> {
  value: Value | undefined;
  signature: string | undefined;
  /** What working it out read: it is worked out again when one of these changes. */
  reads: ReadonlyMap<string, RecordedRead>;
}

const NO_CONTRIBUTION = { result: undefined, reads: new Map<string, RecordedRead>() } as const;

/**
 * A table over the workspace made of one contribution per file (the files a compose file includes, the images a
 * build file builds), kept current file by file: a contribution is worked out again only when its file or a file it
 * read changed, and the table's version moves only when a contribution comes out different (by its signature).
 *
 * A result that used the table records the version (Workspace.recordDerived), not every file behind it: checking
 * whether the result still holds costs one comparison, and the result holds while no contribution changed, whatever
 * else the workspace does. Recording every file instead made a workspace-wide check grow with the square of its files.
 */
export class FileContributions<Value, Table> {
  private readonly contributions = new Map<string, Contribution<Value>>();
  /** For each file read (or derived table and version read, see readKey), the files whose contribution read it. */
  private readonly readers = new Map<string, Set<string>>();
  /** The versions of each derived table that contributions read. */
  private readonly derivedVersionsRead = new Map<string, Set<string>>();
  private readonly changedFiles = new Set<string>();
  /** Files whose contribution is still to be worked out: stale ones found, left by a refresh that ran out of time. */
  private readonly pending = new Set<string>();
  private knownTrackedVersion: number | undefined;
  private version = 0;
  private tabulated: { version: number; table: Table } | undefined;
  private readonly key: string;

  constructor(
    private readonly workspace: Workspace,
    readonly name: string,
    private readonly contribute: (uri: string) => Value | undefined,
    /** Equal for two values exactly when a result that used one holds with the other. */
    private readonly signatureOf: (value: Value) => string,
    /** The table the lookups read, from every file's contribution in the workspace's order. */
    private readonly tabulate: (contributions: ReadonlyMap<string, Value>) => Table,
    /**
     * Whether the file may contribute, told without reading it (by its name, say): most files of a workspace cannot,
     * and a first table of 10,000 files spent most of its time recording that they read nothing.
     */
    private readonly mayContribute: (uri: string) => boolean = () => true,
  ) {
    this.key = workspace.registerDerived(name, () => this.currentVersion());
    workspace.onFileChange((uri) => {
      if (this.knownTrackedVersion !== undefined) this.changedFiles.add(uri);
    });
    workspace.deferral.register(this);
  }

  /** The current table; recorded as read by the result being worked out. */
  table(): Table {
    this.refresh();
    this.workspace.recordDerived(this.key, this.version);
    if (this.tabulated?.version !== this.version) {
      const values = new Map<string, Value>();
      for (const [uri, { value }] of this.contributions) if (value !== undefined) values.set(uri, value);
      this.tabulated = { version: this.version, table: this.tabulate(values) };
    }
    return this.tabulated.table;
  }

  /** Changes exactly when a contribution did. */
  private currentVersion(): number {
    this.refresh();
    return this.version;
  }

  /** Files still to be worked out; none before the table is first used, which works out every file. */
  pendingFiles(): number {
    if (this.knownTrackedVersion === undefined) return 0;
    this.collectStale();
    return this.pending.size;
  }

  refreshUntil(deadline: number): boolean {
    if (this.pendingFiles() === 0) return true;
    this.workspace.withoutRecording(() => {
      // At least one file per slice, so that slices shorter than a file still end the building.
      for (const uri of this.pending) {
        this.update(uri);
        this.pending.delete(uri);
        if (performance.now() >= deadline) return;
      }
    });
    return this.pending.size === 0;
  }

  /**
   * Brings every contribution up to date, or, answering fast with many files to work out (TableDeferral), as many
   * as the time allows before throwing WorkspaceNotReady: a table built from part of the files is never answered from.
   */
  private refresh(): void {
    this.collectStale();
    if (this.pending.size === 0) return;
    const deadline = this.workspace.deferral.deadlineFor(this.pending.size);
    this.workspace.withoutRecording(() => {
      for (const uri of this.pending) {
        if (deadline !== undefined && performance.now() >= deadline) throw this.workspace.deferral.notReady(this.name);
        // A contribution that reads another table not ready throws here: the file stays pending.
        this.update(uri);
        this.pending.delete(uri);
      }
    });
  }

  private collectStale(): void {
    if (this.knownTrackedVersion === this.workspace.trackedVersion && this.changedFiles.size === 0) return;
    for (const uri of this.staleFiles()) this.pending.add(uri);
    this.changedFiles.clear();
    this.knownTrackedVersion = this.workspace.trackedVersion;
  }

  /** Files joining or leaving, changed files and the files whose contribution read them or a derived table that moved. */
  private staleFiles(): Set<string> {
    const stale = new Set<string>();
    if (this.knownTrackedVersion !== this.workspace.trackedVersion) {
      const tracked = new Set(this.workspace.uris());
      for (const uri of tracked) if (!this.contributions.has(uri)) stale.add(uri);
      for (const uri of this.contributions.keys()) if (!tracked.has(uri)) stale.add(uri);
    }
    for (const uri of this.changedFiles) {
      if (this.contributions.has(uri)) stale.add(uri);
      for (const reader of this.readers.get(uri) ?? []) stale.add(reader);
    }
    for (const [read, versions] of this.derivedVersionsRead) {
      const current = this.workspace.derivedVersion(read);
      for (const version of versions) if (version !== current) for (const reader of this.readers.get(this.readKey(read, version)) ?? []) stale.add(reader);
    }
    return stale;
  }

  private update(uri: string): void {
    const previous = this.contributions.get(uri);
    if (!this.workspace.has(uri)) {
      for (const [read, seen] of previous?.reads ?? []) this.forgetReader(read, seen, uri);
      this.contributions.delete(uri);
      if (previous?.signature !== undefined) this.version++;
      return;
    }
    // Worked out before anything is changed: it may throw (WorkspaceNotReady), and the file's old readers stay.
    const { result: value, reads } = this.mayContribute(uri) ? this.workspace.recordReads(() => this.contribute(uri)) : NO_CONTRIBUTION;
    for (const [read, seen] of previous?.reads ?? []) this.forgetReader(read, seen, uri);
    const signature = value === undefined ? undefined : this.signatureOf(value);
    this.contributions.set(uri, { value, signature, reads });
    for (const [read, seen] of reads) this.addReader(read, seen, uri);
    if (signature !== previous?.signature) this.version++;
  }

  /** A file read is known by its uri; a derived table's read by its key and the version read, to find those a move outdates. */
  private readKey(read: string, seen: RecordedRead): string {
    return this.workspace.isDerived(read) ? `${read} ${String(seen)}` : read;
  }

  private addReader(read: string, seen: RecordedRead, uri: string): void {
    const key = this.readKey(read, seen);
    const readers = this.readers.get(key);
    if (readers) readers.add(uri);
    else this.readers.set(key, new Set([uri]));
    if (!this.workspace.isDerived(read)) return;
    const versions = this.derivedVersionsRead.get(read);
    if (versions) versions.add(String(seen));
    else this.derivedVersionsRead.set(read, new Set([String(seen)]));
  }

  private forgetReader(read: string, seen: RecordedRead, uri: string): void {
    const key = this.readKey(read, seen);
    const readers = this.readers.get(key);
    readers?.delete(uri);
    if (readers?.size !== 0) return;
    this.readers.delete(key);
    this.derivedVersionsRead.get(read)?.delete(String(seen));
  }
}
