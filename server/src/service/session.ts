import { MessageType, type Connection } from 'vscode-languageserver';
import { configProblemNotice } from '../engine/readConfig';
import { Linter, type LintResult } from '../engine/linter';
import { rules } from '../rules';
import { Workspace } from '../workspace/workspace';
import type { LintConfig } from '../engine/config';
import { showMessage } from './background';
import { ruleDocsLinks, type RuleDocsLinks } from './ruleDocs';
import { SettingsStore } from './settings';
import { yieldToMessages } from './workspaceFiles';

/**
 * What a check of an open document, or a completion, gives the workspace's tables to catch up before it answers
 * without them (see TableDeferral): a first check in a workspace of 10,000 files otherwise waited seconds for every
 * compose project to be worked out.
 */
const FAST_TABLE_BUDGET_MS = 100;
/** How long the tables are built in the background before the messages that came meanwhile are handled. */
const BUILD_SLICE_MS = 25;

interface CachedResult {
  generation: number;
  result: LintResult;
}

/**
 * The server's state: the workspace model, the linter and the editor settings, plus the last lint result per
 * document so that code actions reuse what diagnostics computed.
 */
export class Session {
  readonly workspace = new Workspace();
  readonly linter = new Linter(this.workspace, rules);
  readonly settings: SettingsStore;
  private readonly results = new Map<string, CachedResult>();
  /** Bumped when the settings change; changes of files are seen through each result's recorded reads. */
  private generation = 0;
  private readonly reportedConfigErrors = new Set<string>();
  /** The background building of the workspace's tables, while it runs. */
  private building: Promise<void> | undefined;
  private readonly tablesBuiltListeners: (() => void)[] = [];

  /** Set at initialize from `workspace.workspaceEdit` (document changes with the `create` resource operation). */
  clientCreatesFiles = false;
  /** Set at initialize: the client runs `ClientCommandIds.createFiles`, which writes new files with their content. */
  clientWritesFiles = false;

  /** Set at initialize from the client's `initializationOptions`: how diagnostics, hovers and code actions link a rule's documentation. */
  ruleDocs: RuleDocsLinks = ruleDocsLinks(undefined);

  constructor(
    private readonly connection: Connection,
    canPullSettings: () => boolean,
  ) {
    this.settings = new SettingsStore(connection, canPullSettings, rules);
    this.workspace.deferral.onNotReady(() => this.buildTablesInBackground());
  }

  /**
   * The findings of a file. By default the check answers fast: a rule that needs a table of the workspace not built
   * yet is left out (the result's deferredRules), the table is built in the background and onTablesBuilt tells when
   * to check again. `complete` waits for the tables: every rule runs (Lint workspace, fix-all).
   */
  async lint(uri: string, { complete = false }: { complete?: boolean } = {}): Promise<LintResult | undefined> {
    const settings = await this.settings.forDocument(uri);
    if (!complete) return this.answerFast(() => this.lintNow(uri, settings));
    await this.building;
    return this.lintNow(uri, settings);
  }

  /** Runs `work` with the workspace's tables answering not ready rather than keeping it waiting. */
  answerFast<T>(work: () => T): T {
    return this.workspace.deferral.answerFast(FAST_TABLE_BUDGET_MS, work);
  }

  /** Calls `listener` each time the background building of the workspace's tables has finished. */
  onTablesBuilt(listener: () => void): void {
    this.tablesBuiltListeners.push(listener);
  }

  private buildTablesInBackground(): void {
    this.building ??= this.buildTables()
      .catch((error: unknown) =>
        this.connection.console.error(`Building the workspace's tables failed: ${error instanceof Error ? error.stack : String(error)}`),
      )
      .finally(() => {
        this.building = undefined;
        for (const listener of this.tablesBuiltListeners) listener();
      });
  }

  /** In slices, each followed by the messages that came meanwhile: hovers and completions are answered throughout. */
  private async buildTables(): Promise<void> {
    do await yieldToMessages();
    while (!this.workspace.deferral.buildSlice(performance.now() + BUILD_SLICE_MS));
  }

  private lintNow(uri: string, settings: LintConfig): LintResult | undefined {
    const cached = this.results.get(uri);
    // The same parse, too: a file parsed again since (its text changed, then came back) moved the nodes of this one.
    // A partial result is checked again: the tables it lacked may be there now.
    const holds =
      cached && cached.result.deferredRules.length === 0 && cached.generation === this.generation && this.workspace.unchangedSince(cached.result.reads);
    if (holds && this.workspace.get(uri) === cached.result.file) return cached.result;
    const result = this.linter.lint(uri, settings);
    if (!result) return undefined;
    this.results.set(uri, { generation: this.generation, result });
    for (const problem of result.configProblems) {
      if (this.reportedConfigErrors.has(problem.message)) continue;
      this.reportedConfigErrors.add(problem.message);
      showMessage(this.connection, MessageType.Error, configProblemNotice(problem));
    }
    return result;
  }

  /** Whether a quick fix may create `uri`: the client can create files, and the disk has no such file now. */
  canCreateFile(uri: string): boolean {
    if (!this.clientCreatesFiles && !this.clientWritesFiles) return false;
    this.workspace.changedOnDisk(uri);
    return !this.workspace.exists(uri);
  }

  invalidateAll(): void {
    this.generation++;
  }

  /**
   * Whether the last findings of `uri` no longer hold: a file they were worked out from has changed since, or they
   * are partial. A table too far behind to tell counts as changed, and is built in the background.
   */
  isOutdated(uri: string): boolean {
    const cached = this.results.get(uri);
    if (!cached) return false;
    return cached.result.deferredRules.length > 0 || !this.answerFast(() => this.workspace.unchangedSince(cached.result.reads));
  }

  forget(uri: string): void {
    this.results.delete(uri);
    this.settings.forget(uri);
  }
}
