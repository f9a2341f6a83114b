import type { CancellationToken, PreviousResultId, WorkspaceDiagnosticReport, WorkspaceFullDocumentDiagnosticReport } from 'vscode-languageserver';
import type { LintResult } from '../engine/linter';
import { toDiagnostic } from './diagnostics';
import type { Session } from './session';
import { yieldToMessages } from './workspaceFiles';

/** Ids of one server process: a restarted server must not match the ids a client kept from the last one. */
const RESULT_ID_PREFIX = `${process.pid}.${Date.now().toString(36)}.`;
/** Typing bursts and batches of file events wake a waiting pull once. */
const CHANGE_SETTLE_MS = 200;
/**
 * Beyond this many indexed files the background check waits for Lint workspace: a first check grows with the file
 * count (1.4 s for 300 files, 4–8 s for 2,000 on a shared 2-core machine, `npm run bench:workspace`), which a large
 * monorepo must not pay on every window it opens.
 */
export const BACKGROUND_FILE_LIMIT = 2000;

/** An open document as the workspace report needs it: its findings belong to this version. */
export interface OpenDocument {
  uri: string;
  version: number;
}

/**
 * `workspace/diagnostic`: the findings of the workspace's container files. Open documents are reported too, with
 * their version: VS Code's client pulls per document only those shown in a tab and prefers that answer, so a
 * document opened in the background (a refactor preview applying a workspace edit) is kept current by this report
 * alone. Each report carries a result id that stays while the file's lint result holds, so a file reported once is not
 * sent again until something it depends on changes. VS Code pulls again as soon as a pull is answered; a pull that
 * finds nothing new is held open until something changes, so an idle workspace costs nothing.
 */
export class WorkspaceDiagnostics {
  private readonly reported = new Map<string, { result: LintResult; id: string }>();
  private nextId = 0;
  private changeCount = 0;
  private waiting: (() => void)[] = [];
  private settleTimer: NodeJS.Timeout | undefined;
  /** Lint workspace ran: the indexed files are reported whatever the scope setting says. */
  private everyFileAsked = false;
  private toldTooMany = false;

  constructor(
    private readonly session: Session,
    private readonly openDocuments: () => readonly OpenDocument[],
    private readonly containerFiles: () => string[],
    /** Told once when the workspace has too many files for the background check. */
    private readonly tooManyFiles: (count: number) => void,
  ) {}

  includeEveryFile(): void {
    this.everyFileAsked = true;
    this.changed();
  }

  /** Something findings may depend on changed (a document, a file on disk, the settings): a held pull looks again. */
  changed(): void {
    this.changeCount++;
    clearTimeout(this.settleTimer);
    this.settleTimer = setTimeout(() => {
      for (const wake of this.waiting.splice(0)) wake();
    }, CHANGE_SETTLE_MS);
  }

  async pull(previousResultIds: readonly PreviousResultId[], token: CancellationToken): Promise<WorkspaceDiagnosticReport> {
    const previous = new Map(previousResultIds.map(({ uri, value }) => [uri, value]));
    for (;;) {
      const seen = this.changeCount;
      const items = await this.reports(previous, token);
      if (token.isCancellationRequested) return { items: [] };
      if (items.length > 0) return { items };
      if (this.changeCount === seen) await this.nextChange(token);
      if (token.isCancellationRequested) return { items: [] };
    }
  }

  /** Full reports of the files whose findings the client does not have yet; empty ones for files it should drop. */
  private async reports(previous: ReadonlyMap<string, string>, token: CancellationToken): Promise<WorkspaceFullDocumentDiagnosticReport[]> {
    let everyFile = this.everyFileAsked || (await this.session.settings.diagnosticsScope()) === 'workspace';
    // Counted before anything is parsed: the candidates found on disk, most of them container files.
    const candidates = this.session.workspace.uris().length;
    if (everyFile && !this.everyFileAsked && candidates > BACKGROUND_FILE_LIMIT) {
      if (!this.toldTooMany) this.tooManyFiles(candidates);
      this.toldTooMany = true;
      everyFile = false;
    }
    const versions = new Map(this.openDocuments().map(({ uri, version }) => [uri, version]));
    const inScope = new Set(versions.keys());
    if (everyFile) for (const uri of this.containerFiles()) inScope.add(uri);
    const items: WorkspaceFullDocumentDiagnosticReport[] = [];
    const containerFiles = new Set<string>();
    let checked = 0;
    for (const uri of inScope) {
      if (token.isCancellationRequested) return [];
      if (++checked % 50 === 0) await yieldToMessages();
      const result = await this.session.lint(uri);
      if (!result) continue;
      containerFiles.add(uri);
      const resultId = this.resultIdOf(uri, result);
      if (previous.get(uri) === resultId) continue;
      const diagnostics = result.findings.map((finding) => toDiagnostic(finding, this.session.ruleDocs));
      items.push({ kind: 'full', uri, version: versions.get(uri) ?? null, resultId, items: diagnostics });
    }
    // Deleted, out of scope now (a document closed while only open files are in scope), or no longer a container
    // file. Without a result id the client forgets the file; it may have forgotten the result id already (on close).
    for (const uri of new Set([...previous.keys(), ...this.reported.keys()])) {
      if (containerFiles.has(uri)) continue;
      items.push({ kind: 'full', uri, version: null, items: [] });
      this.reported.delete(uri);
    }
    return items;
  }

  private resultIdOf(uri: string, result: LintResult): string {
    const known = this.reported.get(uri);
    if (known?.result === result) return known.id;
    const id = `${RESULT_ID_PREFIX}${this.nextId++}`;
    this.reported.set(uri, { result, id });
    return id;
  }

  private nextChange(token: CancellationToken): Promise<void> {
    return new Promise((resolve) => {
      this.waiting.push(resolve);
      token.onCancellationRequested(() => resolve());
    });
  }
}
