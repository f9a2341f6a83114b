import { existsSync, readFileSync, statSync } from 'node:fs';
import { parseContainerFile, type ComposeFile, type ContainerFile, type DockerfileFile, type KubernetesSetting } from '../parsing/containerFile';
import { referencedComposePaths } from '../parsing/compose';
import { baseName, kindByName } from '../parsing/documentKind';
import { CHART_FILE_NAME, chartFolderCandidates } from '../parsing/kubernetesFiles';
import { KUSTOMIZATION_FILE_NAMES, kustomizationInputs } from '../parsing/kustomization';
import type { RecentParses } from '../parsing/dockerfile';
import { RecentMemo } from '../parsing/versionMemo';
import { resolveBuild } from './composeBuild';
import { ComposeProject, projectLayers } from './composeProject';
import { FileContributions } from './fileContributions';
import { TableDeferral, WorkspaceNotReady } from './tableDeferral';
import { dirnameUri, joinUri, uriToPath } from './uri';

/** Where the workspace reads files that no editor has open. Tests give an in-memory one. */
export interface FileReader {
  readFile(uri: string): string | undefined;
  /** Whether a folder exists there. Readers without it (in-memory ones) know a folder by the files under it. */
  isFolder?(uri: string): boolean;
}

export const diskReader: FileReader = {
  readFile(uri) {
    const path = uriToPath(uri);
    // Most reads look for files that are not there (configs, ignore files, package.json); a failed read throws,
    // which costs several times the existence check.
    if (!path || !existsSync(path)) return undefined;
    try {
      return readFileSync(path, 'utf8');
    } catch {
      return undefined;
    }
  },
  isFolder(uri) {
    const path = uriToPath(uri);
    return path !== undefined && (statSync(path, { throwIfNoEntry: false })?.isDirectory() ?? false);
  },
};

/** Whether a folder was there, as a read records it (files record their text, or undefined when missing). */
const FOLDER_PRESENT = Symbol('folder present');
const FOLDER_ABSENT = Symbol('folder absent');
export type RecordedRead = string | undefined | typeof FOLDER_PRESENT | typeof FOLDER_ABSENT;

interface TrackedFile {
  /** Text of the open editor buffer, which wins over the disk. */
  openText?: string;
  languageId?: string;
  /** Part of the workspace index (found on disk or named on the command line), not only open. */
  indexed: boolean;
  /** Deleted on disk while open: the editor may hold its buffer a while after its tab closed. */
  deletedOnDisk?: boolean;
  composeByContent: boolean;
  /** What the settings' `kubernetes.files` / `kubernetes.exclude` say of it, as the last lint of it read them. */
  kubernetesSetting?: KubernetesSetting;
  parsed?: ContainerFile;
  /** What the parse depends on: the text, and where the file stood then (in a Helm chart, named by a kustomization). */
  parsedText?: string;
  parsedPlace?: string;
}

/** A script's parse and the shell checks' findings in it take a few KiB: the memory for recent scripts stays a few MiB. */
const RECENT_SCRIPTS = 1000;

/**
 * Every container file the checks may look at: the files found on disk, overlaid by the documents open in the
 * editor. Files are parsed lazily, once per text, and an edited file re-uses what it can of its previous parse.
 * The language server and the CLI both lint through one of these, so cross-file rules see the same world.
 */
export class Workspace {
  private readonly tracked = new Map<string, TrackedFile>();
  /** Disk contents of files read by rules (`.dockerignore`, `package.json`, configs); null = missing. */
  private readonly diskTexts = new Map<string, string | null>();

  /** Files parsed as a kind their name does not tell (a compose file a project includes, a Dockerfile a build names). */
  private readonly kindParses = new Map<string, { text: string; file: ContainerFile }>();
  private readonly composeProjects = new Map<string, { project: ComposeProject; reads: ReadonlyMap<string, RecordedRead> }>();
  /** For each file, the keys of the kept compose projects that read it (their layers among them). */
  private readonly projectsReading = new Map<string, Set<string>>();
  /**
   * The project of each compose file asked for since the workspace last changed: every compose rule asks for it,
   * and working out the layers and checking the files a cached project read cost more than the rules themselves.
   */
  private readonly projectsSinceChange = new Map<string, { project: ComposeProject; reads: ReadonlyMap<string, RecordedRead> }>();
  /** Per file, the files whose presence decides what it is (see placeOf). */
  private readonly places = new Map<string, { charts: readonly string[]; kustomizations: readonly string[] }>();
  /** The tracked files that are kustomizations, which any YAML file may be an input of. */
  private readonly trackedKustomizations = new Set<string>();
  /** What each kustomization read names as inputs, for the text it had. */
  private readonly kustomizations = new Map<string, { text: string; inputs: ReadonlySet<string> }>();
  /** The files read since `recordReads` started, with the text each had (undefined: missing), when it is running. */
  private reads: Map<string, RecordedRead> | undefined;
  /** Counts files joining or leaving the workspace. */
  private trackedChanges = 0;
  /** The current version of each table derived from many files (FileContributions, KubernetesIndex), by its read key. */
  private readonly derivedVersions = new Map<string, () => number>();
  /** Told of every file whose text or membership may have changed: the indexes kept over the workspace. */
  private readonly changeListeners: ((uri: string) => void)[] = [];
  /**
   * What Dockerfiles parsed lately, for a Dockerfile parsed anew (each model keeps its own memos): shell scripts, on
   * which the shell checks keep what they find, so that a file closed and opened again finds them again; and the
   * last tree, as a workspace of copies of one Dockerfile is common (a service per folder) and trees are never modified.
   */
  private readonly recentDockerfileParses: RecentParses = { scripts: new RecentMemo(RECENT_SCRIPTS), trees: new RecentMemo(1) };

  /** Whether the tables over the workspace must answer at once; made before them, which register with it. */
  readonly deferral = new TableDeferral();

  constructor(private readonly reader: FileReader = diskReader) {}

  /**
   * Runs `work` and returns every file it read or looked for, with the text it saw: what its result depends on.
   * The result stays true while `unchangedSince(reads)`.
   */
  recordReads<T>(work: () => T): { result: T; reads: ReadonlyMap<string, RecordedRead> } {
    const outer = this.reads;
    const reads = new Map<string, RecordedRead>();
    this.reads = reads;
    try {
      return { result: work(), reads };
    } finally {
      this.reads = outer;
      if (outer && reads.size > 0) for (const [uri, text] of reads) if (!outer.has(uri)) outer.set(uri, text);
    }
  }

  /**
   * Work whose result is kept (a project, a rule's findings) counts its reads again each time the result is used, so
   * that what `recordReads` returns around that use still tells everything the use depends on.
   */
  readAgain(reads: ReadonlyMap<string, RecordedRead>): void {
    if (this.reads && reads.size > 0) for (const [uri, seen] of reads) if (!this.reads.has(uri)) this.reads.set(uri, seen);
  }

  /**
   * Whether every file of a recorded read still has the text it had then. Inside recordReads, the files count as
   * read again: a result cached from them (a compose project, an index of the workspace) depends on them.
   */
  unchangedSince(reads: ReadonlyMap<string, RecordedRead>): boolean {
    if (reads.size === 0) return true;
    for (const [uri, seen] of reads) {
      const derivedVersion = this.derivedVersions.get(uri);
      if (derivedVersion) {
        const version = this.versionIfReady(derivedVersion);
        if (version === undefined || seen !== String(version)) return false;
        this.recordDerived(uri, version);
        continue;
      }
      const now = seen === FOLDER_PRESENT || seen === FOLDER_ABSENT ? (this.existsFolder(uri) ? FOLDER_PRESENT : FOLDER_ABSENT) : this.readText(uri);
      if (now !== seen) return false;
    }
    return true;
  }

  /** A table not ready to answer (see TableDeferral) has no version to compare: what read it does not hold. */
  private versionIfReady(derivedVersion: () => number): number | undefined {
    try {
      return derivedVersion();
    } catch (error) {
      if (error instanceof WorkspaceNotReady) return undefined;
      throw error;
    }
  }

  /**
   * Registers a table derived from many files; returns the key under which a result that used it records its
   * version (recordDerived), checked by unchangedSince against `currentVersion`.
   */
  registerDerived(name: string, currentVersion: () => number): string {
    const key = `container-standards:derived:${name}`;
    this.derivedVersions.set(key, currentVersion);
    return key;
  }

  /** Records that the result being worked out used a derived table as it was at `version`. */
  recordDerived(key: string, version: number): void {
    if (this.reads && !this.reads.has(key)) this.reads.set(key, String(version));
  }

  /** The current version of a derived table, as its read records it. */
  derivedVersion(key: string): string | undefined {
    const version = this.derivedVersions.get(key);
    return version && String(version());
  }

  /** Whether a recorded read is a derived table's version rather than a file's text. */
  isDerived(read: string): boolean {
    return this.derivedVersions.has(read);
  }

  /** Runs `work` without recording what it reads: an index reads every file, a result depends on what it found. */
  withoutRecording<T>(work: () => T): T {
    const outer = this.reads;
    this.reads = undefined;
    try {
      return work();
    } finally {
      this.reads = outer;
    }
  }

  /** Calls `listener` with each file whose text, parse or membership may have changed, as it happens. */
  onFileChange(listener: (uri: string) => void): void {
    this.changeListeners.push(listener);
  }

  private changed(uri: string): void {
    this.projectsSinceChange.clear();
    for (const listener of this.changeListeners) listener(uri);
  }

  /** Whether the file is part of the workspace: indexed, or open in the editor. */
  has(uri: string): boolean {
    return this.tracked.has(uri);
  }

  /** Changes whenever a file starts or stops being tracked: an index of the workspace's files holds while it stays. */
  get trackedVersion(): number {
    return this.trackedChanges;
  }

  /** Adds a file found on disk (or named on the command line) to the index. */
  index(uri: string, options: { composeByContent?: boolean } = {}): void {
    this.changed(uri);
    const file = this.tracked.get(uri);
    if (!file) {
      this.track(uri, { indexed: true, composeByContent: options.composeByContent ?? false });
      return;
    }
    file.indexed = true;
    file.deletedOnDisk = false;
    if (options.composeByContent && !file.composeByContent) {
      file.composeByContent = true;
      file.parsed = undefined;
    }
  }

  /**
   * Files that a compose file includes or extends are compose files whatever their name; marks them so, following
   * what the marked files include in turn. Only files that can be compose files, and whose text mentions `include`
   * or `extends`, are parsed for it: parsing every compose file of a large workspace at start-up took seconds.
   */
  adoptReferencedComposeFiles(): void {
    const pending = [...this.tracked].filter(([uri, file]) => file.composeByContent || kindByName(uri, file.languageId) === 'compose').map(([uri]) => uri);
    for (let uri = pending.pop(); uri !== undefined; uri = pending.pop()) {
      if (!mayReferenceComposeFiles(this.readText(uri), { extendsFiles: true })) continue;
      const file = this.get(uri);
      if (file?.kind !== 'compose') continue;
      for (const path of referencedComposePaths(file)) {
        const targetUri = joinUri(dirnameUri(uri), path);
        const target = this.tracked.get(targetUri);
        if (target && !target.composeByContent) {
          this.index(targetUri, { composeByContent: true });
          pending.push(targetUri);
        }
      }
    }
  }

  /**
   * Whether the settings make a file a Kubernetes file (`included`) or keep it from being one (`excluded`); the
   * linter sets it from the configuration that applies to the file before asking for the file.
   */
  setKubernetesSetting(uri: string, setting: KubernetesSetting | undefined): void {
    const file = this.tracked.get(uri);
    if (!file || file.kubernetesSetting === setting) return;
    file.kubernetesSetting = setting;
    file.parsed = undefined;
    this.projectsSinceChange.clear();
  }

  /** Forgets a file deleted from disk; an open buffer of it stays. */
  unindex(uri: string): void {
    const file = this.tracked.get(uri);
    this.diskTexts.delete(uri);
    this.changed(uri);
    if (!file) return;
    if (file.openText === undefined) this.forget(uri);
    else {
      file.indexed = false;
      file.deletedOnDisk = true;
    }
  }

  /** Whether the file was deleted on disk while a document of it stayed open. */
  isDeletedOnDisk(uri: string): boolean {
    return this.tracked.get(uri)?.deletedOnDisk === true;
  }

  /** Drops every cached disk read: an explicit re-check must not trust a file watcher that may lag behind. */
  forgetDiskReads(): void {
    for (const uri of [...this.diskTexts.keys()]) this.changedOnDisk(uri);
  }

  /**
   * A folder created, deleted or moved whole on disk (one event, for the folder): the cached reads of the files under
   * it are dropped too, those that were missing as well as those that were there, indexed or not (an env file, a
   * .dockerignore).
   */
  folderChangedOnDisk(folderUri: string): void {
    const prefix = folderUri.endsWith('/') ? folderUri : `${folderUri}/`;
    for (const uri of [...this.diskTexts.keys()]) if (uri.startsWith(prefix)) this.changedOnDisk(uri);
  }

  /** A file changed on disk: its cached text and parse are dropped. */
  changedOnDisk(uri: string): void {
    this.diskTexts.delete(uri);
    this.changed(uri);
  }

  open(uri: string, text: string, languageId?: string): void {
    this.changed(uri);
    const file = this.tracked.get(uri);
    if (file) {
      file.openText = text;
      file.languageId = languageId ?? file.languageId;
      file.composeByContent = true;
    } else {
      this.track(uri, { openText: text, languageId, indexed: false, composeByContent: true });
    }
  }

  close(uri: string): void {
    const file = this.tracked.get(uri);
    if (!file) return;
    this.changed(uri);
    if (file.indexed) file.openText = undefined;
    else this.forget(uri);
  }

  private track(uri: string, file: TrackedFile): void {
    this.tracked.set(uri, file);
    this.trackedChanges++;
    if ((KUSTOMIZATION_FILE_NAMES as readonly string[]).includes(baseName(uri))) this.trackedKustomizations.add(uri);
  }

  /** Untracks a file, with the projects it is a layer of: they hold its parse (an open file's can be large). */
  private forget(uri: string): void {
    this.tracked.delete(uri);
    this.trackedKustomizations.delete(uri);
    this.places.delete(uri);
    this.trackedChanges++;
    this.dropProjectsReading(uri);
  }

  isOpen(uri: string): boolean {
    return this.tracked.get(uri)?.openText !== undefined;
  }

  /** The current text of any file: the open buffer, else the disk (cached until it changes). */
  readText(uri: string): string | undefined {
    const text = this.currentText(uri);
    if (this.reads && !this.reads.has(uri)) this.reads.set(uri, text);
    return text;
  }

  private currentText(uri: string): string | undefined {
    const openText = this.tracked.get(uri)?.openText;
    if (openText !== undefined) return openText;
    let text = this.diskTexts.get(uri);
    if (text === undefined) {
      text = this.reader.readFile(uri) ?? null;
      this.diskTexts.set(uri, text);
    }
    return text ?? undefined;
  }

  /** Whether a file (not a folder) is there. */
  exists(uri: string): boolean {
    return this.readText(uri) !== undefined;
  }

  /** Whether a folder is there: a compose build context or bind-mount source. */
  existsFolder(uri: string): boolean {
    const exists = this.folderIsThere(uri);
    if (this.reads && !this.reads.has(uri)) this.reads.set(uri, exists ? FOLDER_PRESENT : FOLDER_ABSENT);
    return exists;
  }

  private folderIsThere(uri: string): boolean {
    if (this.reader.isFolder?.(uri)) return true;
    // A file open in the editor, even unsaved, stands in its folder; readers without isFolder (in-memory ones) know
    // folders only this way.
    const prefix = uri.endsWith('/') ? uri : `${uri}/`;
    return [...this.tracked.keys()].some((candidate) => candidate.startsWith(prefix));
  }

  /** The parsed file, or undefined when it is neither tracked nor readable. */
  get(uri: string): ContainerFile | undefined {
    const file = this.tracked.get(uri);
    if (!file) return undefined;
    const text = this.readText(uri);
    if (text === undefined) return undefined;
    const inHelmChart = this.isInHelmChart(uri);
    const kustomizeInput = !inHelmChart && kindByName(uri, file.languageId) === 'yaml' && this.isKustomizeInput(uri);
    const place = `${inHelmChart} ${kustomizeInput}`;
    if (file.parsed && file.parsedText === text && file.parsedPlace === place) return file.parsed;
    if (file.parsed) this.superseded(uri);
    file.parsed = parseContainerFile(uri, text, {
      languageId: file.languageId,
      previous: file.parsed,
      recentDockerfileParses: this.recentDockerfileParses,
      composeByContent: file.composeByContent,
      inHelmChart,
      kustomizeInput,
      kubernetesSetting: file.kubernetesSetting,
    });
    file.parsedText = text;
    file.parsedPlace = place;
    return file.parsed;
  }

  /**
   * Whether a file lies under the `templates/` folder of a Helm chart: a folder with a Chart.yaml. Looking for it is
   * a recorded read, so adding or removing the Chart.yaml checks the file again.
   */
  private isInHelmChart(uri: string): boolean {
    return this.placeOf(uri).charts.some((chart) => this.exists(chart));
  }

  /** The files whose presence decides what a file is: Chart.yaml files that would make it a template, kustomizations above it. */
  private placeOf(uri: string): { charts: readonly string[]; kustomizations: readonly string[] } {
    let place = this.places.get(uri);
    if (!place) {
      const kustomizations: string[] = [];
      if (uri.startsWith('file:')) {
        for (let folder = dirnameUri(uri); ; folder = dirnameUri(folder)) {
          for (const name of KUSTOMIZATION_FILE_NAMES) kustomizations.push(joinUri(folder, name));
          if (dirnameUri(folder) === folder) break;
        }
      }
      place = { charts: chartFolderCandidates(uri).map((chart) => joinUri(chart, CHART_FILE_NAME)), kustomizations };
      this.places.set(uri, place);
    }
    return place;
  }

  /**
   * Whether a kustomization names the file as a patch, a replacement or a plugin configuration: one in the file's
   * folder or a folder above (looked for, so that creating one counts), or any the workspace holds (patches often
   * sit in a folder of their own beside the overlays). Recorded reads, as for the Chart.yaml.
   */
  private isKustomizeInput(uri: string): boolean {
    const candidates = new Set(this.placeOf(uri).kustomizations);
    for (const tracked of this.trackedKustomizations) candidates.add(tracked);
    for (const kustomizationUri of candidates) {
      const text = this.readText(kustomizationUri);
      if (text !== undefined && this.kustomizationInputsOf(kustomizationUri, text).has(uri)) return true;
    }
    return false;
  }

  private kustomizationInputsOf(kustomizationUri: string, text: string): ReadonlySet<string> {
    const known = this.kustomizations.get(kustomizationUri);
    if (known?.text === text) return known.inputs;
    const folder = dirnameUri(kustomizationUri);
    const inputs = new Set(kustomizationInputs(text).map((path) => joinUri(folder, path)));
    this.kustomizations.set(kustomizationUri, { text, inputs });
    return inputs;
  }

  /**
   * The file is parsed again, from its previous parse, whose pieces the new one re-uses and moves (parseYamlFile):
   * projects built from the previous parse go, even though their reads would hold again once the text is back.
   */
  private superseded(uri: string): void {
    this.projectsSinceChange.clear();
    this.dropProjectsReading(uri);
  }

  uris(): string[] {
    return [...this.tracked.keys()];
  }

  /**
   * A file read as a compose file or a Dockerfile whatever its name or content: a file that `include:` or `extends`
   * names, the Dockerfile a compose `build:` names.
   */
  getAs(uri: string, kind: 'compose'): ComposeFile | undefined;
  getAs(uri: string, kind: 'dockerfile'): DockerfileFile | undefined;
  getAs(uri: string, kind: 'compose' | 'dockerfile'): ComposeFile | DockerfileFile | undefined {
    const parsed = this.get(uri);
    if (parsed?.kind === kind) return parsed;
    const text = this.readText(uri);
    if (text === undefined) return undefined;
    const key = `${kind} ${uri}`;
    const cached = this.kindParses.get(key);
    if (cached?.text === text) return cached.file as ComposeFile | DockerfileFile;
    const languageId = kind === 'compose' ? 'dockercompose' : 'dockerfile';
    if (cached) this.superseded(uri);
    const file = parseContainerFile(uri, text, { languageId, previous: cached?.file, recentDockerfileParses: this.recentDockerfileParses }) as
      | ComposeFile
      | DockerfileFile;
    this.kindParses.set(key, { text, file });
    return file;
  }

  /** The compose file of the workspace whose `include:` names this one, if any. */
  composeIncluderOf(uri: string): string | undefined {
    return this.composeIncludes.table().get(uri);
  }

  /**
   * The build context of a Dockerfile as a compose service of the workspace names it (`build.context`), if any
   * service builds it; undefined otherwise (then the Dockerfile's folder is the usual context).
   */
  composeBuildContextOf(dockerfileUri: string): string | undefined {
    return this.composeBuildContexts.table().get(dockerfileUri);
  }

  /** Compose files, whatever their name, and the files they include (not those they extend from: not layers). */
  private readonly composeIncludes = new FileContributions(
    this,
    'compose-includes',
    (uri) => {
      // Most compose files include nothing: their text says so without a parse.
      if (!mayReferenceComposeFiles(this.readText(uri), { extendsFiles: false })) return undefined;
      const file = this.composeFileOf(uri);
      return file && referencedComposePaths(file, { extendsFiles: false }).map((path) => joinUri(dirnameUri(uri), path));
    },
    (included) => included.join('\n'),
    (contributions) => {
      const includers = new Map<string, string>();
      for (const [includer, included] of contributions) for (const uri of included) if (uri !== includer && !includers.has(uri)) includers.set(uri, includer);
      return includers;
    },
    (uri) => this.mayBeComposeFile(uri),
  );

  /** The Dockerfiles the services of each compose file's project build, with their contexts. */
  private readonly composeBuildContexts = new FileContributions(
    this,
    'compose-build-contexts',
    (uri) => {
      if (!this.composeFileOf(uri)) return undefined;
      const project = this.composeProject(uri);
      return [...project.services.values()].flatMap((service) => {
        const build = resolveBuild(project, service);
        return build?.dockerfile?.kind === 'file' && build.contextUri ? [[build.dockerfile.uri, build.contextUri] as const] : [];
      });
    },
    (contexts) => contexts.join('\n'),
    (contributions) => {
      const contexts = new Map<string, string>();
      for (const pairs of contributions.values()) for (const [dockerfile, context] of pairs) if (!contexts.has(dockerfile)) contexts.set(dockerfile, context);
      return contexts;
    },
    (uri) => this.mayBeComposeFile(uri),
  );

  /** The file as a compose file, when it is one by its name, or by its content where that counts. */
  private composeFileOf(uri: string): ComposeFile | undefined {
    if (!this.mayBeComposeFile(uri)) return undefined;
    const file = this.get(uri);
    return file?.kind === 'compose' ? file : undefined;
  }

  private mayBeComposeFile(uri: string): boolean {
    const tracked = this.tracked.get(uri);
    return tracked !== undefined && (tracked.composeByContent || kindByName(uri, tracked.languageId) === 'compose');
  }

  /** The compose project a compose file belongs to, rebuilt only when one of the files it read has changed. */
  composeProject(uri: string): ComposeProject {
    let known = this.projectsSinceChange.get(uri);
    if (known) {
      this.readAgain(known.reads);
    } else {
      const { result: project, reads } = this.recordReads(() => this.layeredProject(uri));
      known = { project, reads };
      this.projectsSinceChange.set(uri, known);
    }
    return known.project;
  }

  /** Drops the kept projects that read the file, as a parse of it supersedes theirs. */
  private dropProjectsReading(uri: string): void {
    for (const key of [...(this.projectsReading.get(uri) ?? [])]) this.dropProject(key);
  }

  private dropProject(key: string): void {
    const known = this.composeProjects.get(key);
    if (!known) return;
    this.composeProjects.delete(key);
    for (const uri of known.reads.keys()) {
      const keys = this.projectsReading.get(uri);
      keys?.delete(key);
      if (keys?.size === 0) this.projectsReading.delete(uri);
    }
  }

  private layeredProject(uri: string): ComposeProject {
    const layers = projectLayers(this, uri);
    const key = layers.join('\n');
    const cached = this.composeProjects.get(key);
    if (cached && this.unchangedSince(cached.reads)) return cached.project;
    if (cached) this.dropProject(key);
    const { result: project, reads } = this.recordReads(() => new ComposeProject(this, layers));
    this.composeProjects.set(key, { project, reads });
    for (const uri of reads.keys()) {
      const keys = this.projectsReading.get(uri);
      if (keys) keys.add(key);
      else this.projectsReading.set(uri, new Set([key]));
    }
    return project;
  }
}

/** Whether a text may name other compose files (`include:`, a service's `extends: { file }`): a key is written out in full. */
function mayReferenceComposeFiles(text: string | undefined, { extendsFiles }: { extendsFiles: boolean }): boolean {
  return text !== undefined && (text.includes('include') || (extendsFiles && text.includes('extends')));
}
