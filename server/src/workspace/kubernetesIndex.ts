import { parseContainerFile } from '../parsing/containerFile';
import { isYamlName } from '../parsing/documentKind';
import { entriesOf, type IndexedObject, isCustomGroup, mayHoldObjects, namespacesMeet } from './kubernetesEntries';
import type { Workspace } from './workspace';

export type { IndexedObject } from './kubernetesEntries';

interface IndexedFile {
  /** The text the entries were read from. */
  readonly text: string | undefined;
  readonly entries: readonly IndexedObject[];
}

/** A multimap whose values are removed as cheaply as they are added. */
class Buckets<Value> {
  private readonly map = new Map<string, Set<Value>>();

  add(key: string, value: Value): void {
    const bucket = this.map.get(key);
    if (bucket) bucket.add(value);
    else this.map.set(key, new Set([value]));
  }

  delete(key: string, value: Value): void {
    const bucket = this.map.get(key);
    bucket?.delete(value);
    if (bucket?.size === 0) this.map.delete(key);
  }

  get(key: string): ReadonlySet<Value> {
    return this.map.get(key) ?? EMPTY;
  }
}

const EMPTY: ReadonlySet<never> = new Set();

/**
 * The Kubernetes objects of every file of the workspace, found by kind and name, by the labels of their pods and by
 * what scales them, for the rules that check one object against the others.
 *
 * Built on first use, by reading every YAML file of the workspace (closed ones parsed on the side, their parse not
 * kept: only the entries are); after that, only the files the workspace reports changed are read again, and an edited
 * file re-uses the entries of its unchanged documents. Each lookup records, in the workspace's recorded reads, what its
 * answer depends on: the file of the object it found, or, when it found none, the index's version, which moves when
 * an object joins or leaves (an edited document's objects count as new). So a finding goes when another file comes
 * to define what was missing, and a lint that found everything it looked for stays cached whatever the other files do.
 */
export class KubernetesIndex {
  readonly name = 'kubernetes-objects';
  /** Whether the index was used: from then on it follows the workspace's changes. */
  private started = false;
  /** The files to read again (or to drop): every file at first use, then those the workspace reports changed. */
  private readonly pending = new Set<string>();
  private readonly files = new Map<string, IndexedFile>();
  private readonly byKindAndName = new Buckets<IndexedObject>();
  private readonly byKind = new Buckets<IndexedObject>();
  /** Objects that run pods, by each `key=value` label of their pods. */
  private readonly podsByLabel = new Buckets<IndexedObject>();
  private readonly withPods = new Set<IndexedObject>();
  private readonly autoscalersByTarget = new Buckets<IndexedObject>();
  private readonly customByName = new Buckets<IndexedObject>();

  /** Moves whenever an object joins or leaves: the version an answer that looked through every file records. */
  private version = 0;
  private readonly key: string;
  private probed: { version: number; images: ReadonlySet<string> } | undefined;

  constructor(private readonly workspace: Workspace) {
    this.key = workspace.registerDerived(this.name, () => {
      this.refresh();
      return this.version;
    });
    workspace.onFileChange((uri) => {
      if (this.started) this.pending.add(uri);
    });
    workspace.deferral.register(this);
  }

  /** The first object of the kind with that name, in a namespace `namespace` may share, that `accept`s. */
  find(kind: string, name: string, namespace: string | undefined, accept: (entry: IndexedObject) => boolean = () => true): IndexedObject | undefined {
    this.refresh();
    for (const entry of this.byKindAndName.get(`${kind}\0${name}`)) if (namespacesMeet(namespace, entry.namespace) && accept(entry)) return this.found(entry);
    return this.notFound();
  }

  /** Whether the workspace has any object of the kind: without one, a missing one says nothing. */
  hasKind(kind: string): boolean {
    this.refresh();
    return this.any(this.byKind.get(kind));
  }

  /** Whether the workspace has any object that runs pods. */
  hasPods(): boolean {
    this.refresh();
    return this.any(this.withPods);
  }

  /**
   * An object whose pods `matches` accepts, in a namespace `namespace` may share. `hint`, a label the pods must
   * carry, narrows the search to the objects whose pods have it.
   */
  findPods(
    namespace: string | undefined,
    matches: (labels: ReadonlyMap<string, string>) => boolean,
    hint?: readonly [string, string],
  ): IndexedObject | undefined {
    this.refresh();
    const candidates = hint ? this.podsByLabel.get(`${hint[0]}=${hint[1]}`) : this.withPods;
    for (const entry of candidates) if (entry.podLabels && namespacesMeet(namespace, entry.namespace) && matches(entry.podLabels)) return this.found(entry);
    return this.notFound();
  }

  /** Every object whose pods `matches` accepts: an answer that depends on every file. */
  allPods(namespace: string | undefined, matches: (labels: ReadonlyMap<string, string>) => boolean, hint?: readonly [string, string]): IndexedObject[] {
    this.refresh();
    const candidates = hint ? this.podsByLabel.get(`${hint[0]}=${hint[1]}`) : this.withPods;
    this.notFound();
    return [...candidates].filter((entry) => entry.podLabels && namespacesMeet(namespace, entry.namespace) && matches(entry.podLabels));
  }

  /** The images that containers with a readiness or liveness probe run, anywhere in the workspace. */
  probedImages(): ReadonlySet<string> {
    this.refresh();
    this.notFound();
    if (this.probed?.version !== this.version) {
      const images = new Set<string>();
      for (const entry of this.withPods) for (const image of entry.probedImages ?? []) images.add(image);
      this.probed = { version: this.version, images };
    }
    return this.probed.images;
  }

  /** Every object of the workspace, those that other objects create left out: an answer that depends on every file. */
  definedObjects(): IndexedObject[] {
    this.refresh();
    this.notFound();
    return [...this.files.values()].flatMap(({ entries }) => entries.filter((entry) => !entry.derived));
  }

  /** A custom resource of that name (whose operator may make pods, Services, Secrets named after it). */
  findCustom(name: string, namespace: string | undefined): IndexedObject | undefined {
    this.refresh();
    for (const entry of this.customByName.get(name)) if (namespacesMeet(namespace, entry.namespace)) return this.found(entry);
    return this.notFound();
  }

  /** An autoscaler (HorizontalPodAutoscaler, KEDA ScaledObject) that scales the object. */
  autoscalerOf(kind: string, name: string, namespace: string | undefined): IndexedObject | undefined {
    this.refresh();
    for (const entry of this.autoscalersByTarget.get(`${kind}\0${name}`)) if (namespacesMeet(namespace, entry.namespace)) return this.found(entry);
    return this.notFound();
  }

  private any(entries: ReadonlySet<IndexedObject>): boolean {
    const [first] = entries;
    if (first) this.found(first);
    else this.notFound();
    return first !== undefined;
  }

  private found(entry: IndexedObject): IndexedObject {
    this.workspace.readText(entry.uri);
    return entry;
  }

  /** Nothing found: the answer holds until the objects of the workspace change (a file joins, one is edited). */
  private notFound(): undefined {
    this.workspace.recordDerived(this.key, this.version);
    return undefined;
  }

  pendingFiles(): number {
    return this.pending.size;
  }

  refreshUntil(deadline: number): boolean {
    this.workspace.withoutRecording(() => {
      // At least one file per slice, so that slices shorter than a file still end the building.
      for (const uri of this.pending) {
        this.update(uri);
        if (performance.now() >= deadline) return;
      }
    });
    return this.pending.size === 0;
  }

  /**
   * Reads the files pending, or, answering fast with many of them (TableDeferral), as many as the time allows before
   * throwing WorkspaceNotReady: an index of part of the files would find nothing where the rest defines something.
   */
  private refresh(): void {
    if (!this.started) {
      this.started = true;
      for (const uri of this.workspace.uris()) this.pending.add(uri);
    }
    if (this.pending.size === 0) return;
    const deadline = this.workspace.deferral.deadlineFor(this.pending.size);
    this.workspace.withoutRecording(() => {
      for (const uri of this.pending) {
        if (deadline !== undefined && performance.now() >= deadline) throw this.workspace.deferral.notReady(this.name);
        this.update(uri);
      }
    });
  }

  private update(uri: string): void {
    if (this.isCandidate(uri)) this.load(uri);
    else this.unload(uri);
    this.pending.delete(uri);
  }

  /** A YAML file of the workspace, or any open document (an unsaved one may be YAML by its language). */
  private isCandidate(uri: string): boolean {
    return this.workspace.has(uri) && (isYamlName(uri) || this.workspace.isOpen(uri));
  }

  private load(uri: string): void {
    const text = this.workspace.readText(uri);
    const known = this.files.get(uri);
    if (known && known.text === text) return;
    const entries = text !== undefined && mayHoldObjects(uri, text) ? entriesOf(this.parse(uri, text)) : [];
    this.files.set(uri, { text, entries });
    // The unchanged documents of an edited file keep their entries: only the edited ones' leave and come back.
    const kept = new Set(entries);
    const previous = new Set(known?.entries);
    for (const entry of previous) if (!kept.has(entry)) this.remove(entry);
    for (const entry of entries) if (!previous.has(entry)) this.add(entry);
  }

  /** An open document's parse is the editor's; a closed file is parsed on the side and its parse let go. */
  private parse(uri: string, text: string) {
    return (this.workspace.isOpen(uri) ? this.workspace.get(uri) : undefined) ?? parseContainerFile(uri, text);
  }

  private unload(uri: string): void {
    for (const entry of this.files.get(uri)?.entries ?? []) this.remove(entry);
    this.files.delete(uri);
  }

  private add(entry: IndexedObject): void {
    this.version++;
    this.byKindAndName.add(`${entry.kind}\0${entry.name}`, entry);
    this.byKind.add(entry.kind, entry);
    if (entry.podLabels) {
      this.withPods.add(entry);
      for (const [key, value] of entry.podLabels) this.podsByLabel.add(`${key}=${value}`, entry);
    }
    if (entry.scaleTarget) this.autoscalersByTarget.add(`${entry.scaleTarget.kind}\0${entry.scaleTarget.name}`, entry);
    if (isCustomGroup(entry.group)) this.customByName.add(entry.name, entry);
  }

  private remove(entry: IndexedObject): void {
    this.version++;
    this.byKindAndName.delete(`${entry.kind}\0${entry.name}`, entry);
    this.byKind.delete(entry.kind, entry);
    if (entry.podLabels) {
      this.withPods.delete(entry);
      for (const [key, value] of entry.podLabels) this.podsByLabel.delete(`${key}=${value}`, entry);
    }
    if (entry.scaleTarget) this.autoscalersByTarget.delete(`${entry.scaleTarget.kind}\0${entry.scaleTarget.name}`, entry);
    if (isCustomGroup(entry.group)) this.customByName.delete(entry.name, entry);
  }
}

const indexes = new WeakMap<Workspace, KubernetesIndex>();

/** The workspace's index of Kubernetes objects, made on first use and kept up to date with it from then on. */
export function kubernetesIndexOf(workspace: Workspace): KubernetesIndex {
  let index = indexes.get(workspace);
  if (!index) {
    index = new KubernetesIndex(workspace);
    indexes.set(workspace, index);
  }
  return index;
}
