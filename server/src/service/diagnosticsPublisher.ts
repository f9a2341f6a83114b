import type { Connection } from 'vscode-languageserver';
import type { Diagnostic } from 'vscode-languageserver-types';
import { inBackground } from './background';
import { toDiagnostic } from './diagnostics';
import type { Session } from './session';

/**
 * Delivers diagnostics the way the client prefers: answered on `textDocument/diagnostic` when it pulls, else
 * published on every open and change. Other open documents are refreshed when something they may depend on
 * changes (settings, configs, other container files).
 */
export class DiagnosticsPublisher {
  private refreshTimer: NodeJS.Timeout | undefined;
  /** Closed files Lint workspace published for a client that does not pull: kept up to date as the disk changes. */
  private readonly closedPublished = new Set<string>();

  constructor(
    private readonly connection: Connection,
    private readonly session: Session,
    private readonly openUris: () => readonly string[],
    /** The version of an open document, which its published diagnostics name; undefined for a closed file. */
    private readonly openVersion: (uri: string) => number | undefined,
    readonly clientPulls: boolean,
    /** Whether a pulling client accepts `workspace/diagnostic/refresh`; one that does not re-pulls on its own. */
    private readonly clientRefreshes: boolean,
  ) {}

  async diagnosticsFor(uri: string): Promise<Diagnostic[]> {
    const result = await this.session.lint(uri);
    return result ? result.findings.map((finding) => toDiagnostic(finding, this.session.ruleDocs)) : [];
  }

  /** A document was opened or edited. */
  async documentChanged(uri: string): Promise<void> {
    if (!this.clientPulls) await this.publish(uri);
    if (this.openUris().length > 1) this.scheduleRefresh([uri]);
  }

  /** Files changed on disk: the open documents whose findings read them are checked again. */
  filesChanged(uris: readonly string[]): void {
    this.refreshDependents(uris);
    const open = new Set(this.openUris());
    for (const uri of this.closedPublished) if (!open.has(uri)) this.publishInBackground(uri);
  }

  /** The workspace's tables are built: the open documents checked without them are checked again. */
  tablesBuilt(): void {
    this.refreshDependents([]);
  }

  documentClosed(uri: string): void {
    if (this.clientPulls) return;
    if (this.closedPublished.has(uri)) this.publishInBackground(uri);
    else inBackground(this.connection, 'Clearing diagnostics', this.connection.sendDiagnostics({ uri, diagnostics: [] }));
  }

  /** Lint workspace, for a client that does not pull: the closed files' findings are published too. */
  async publishClosedFiles(uris: readonly string[]): Promise<void> {
    const open = new Set(this.openUris());
    for (const uri of uris) {
      if (open.has(uri)) continue;
      this.closedPublished.add(uri);
      await this.publish(uri);
    }
  }

  /** Everything may have changed: settings, a config file, files on disk. */
  refreshAll(): void {
    this.session.invalidateAll();
    if (this.clientPulls) this.askToPullAgain();
    else for (const uri of this.openUris()) this.publishInBackground(uri);
  }

  private async publish(uri: string): Promise<void> {
    const diagnostics = await this.diagnosticsFor(uri);
    // Read with the lint, no message handled in between: the version of the text linted, so that a client can drop
    // diagnostics of a version it has moved past.
    const version = this.openVersion(uri);
    // Closed while it was checked (the first check waits for the document's settings): documentClosed has cleared
    // it, and the findings of the file on disk would stay in the client's list with no document to go with them.
    if (version === undefined && !this.closedPublished.has(uri)) return;
    // A deleted file is cleared once, then no longer followed.
    if (!this.session.workspace.has(uri)) this.closedPublished.delete(uri);
    await this.connection.sendDiagnostics({ uri, diagnostics, ...(version === undefined ? {} : { version }) });
  }

  private publishInBackground(uri: string): void {
    inBackground(this.connection, `Publishing diagnostics of ${uri}`, this.publish(uri));
  }

  private askToPullAgain(): void {
    if (this.clientRefreshes) inBackground(this.connection, 'Asking the client to refresh diagnostics', this.connection.languages.diagnostics.refresh());
  }

  /**
   * Cross-file rules make other open documents depend on this one. Typing bursts are coalesced so that other
   * documents are re-checked once the burst pauses, not on every keystroke.
   */
  private scheduleRefresh(changedUris: readonly string[]): void {
    clearTimeout(this.refreshTimer);
    this.refreshTimer = setTimeout(() => this.refreshDependents(changedUris), 300);
  }

  /** Only the other open documents whose last findings no longer hold are checked again. */
  private refreshDependents(changedUris: readonly string[]): void {
    const dependents = this.openUris().filter((uri) => !changedUris.includes(uri) && this.session.isOutdated(uri));
    if (dependents.length === 0) return;
    if (this.clientPulls) this.askToPullAgain();
    else for (const uri of dependents) this.publishInBackground(uri);
  }
}
