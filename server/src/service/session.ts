import { MessageType, type Connection } from 'vscode-languageserver';
import { configProblemNotice } from '../engine/readConfig';
import { Linter, type LintResult } from '../engine/linter';
import { rules } from '../rules';
import { Workspace } from '../workspace/workspace';
import { showMessage } from './background';
import { ruleDocsLinks, type RuleDocsLinks } from './ruleDocs';
import { SettingsStore } from './settings';

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
  }

  async lint(uri: string): Promise<LintResult | undefined> {
    const settings = await this.settings.forDocument(uri);
    const cached = this.results.get(uri);
    // The same parse, too: a file parsed again since (its text changed, then came back) moved the nodes of this one.
    const holds = cached && cached.generation === this.generation && this.workspace.unchangedSince(cached.result.reads);
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

  /** Whether the last findings of `uri` no longer hold: a file they were worked out from has changed since. */
  isOutdated(uri: string): boolean {
    const cached = this.results.get(uri);
    return cached !== undefined && !this.workspace.unchangedSince(cached.result.reads);
  }

  forget(uri: string): void {
    this.results.delete(uri);
    this.settings.forget(uri);
  }
}
