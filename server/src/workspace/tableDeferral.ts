/**
 * Thrown by a table over the whole workspace (FileContributions, KubernetesIndex) asked for while answering fast
 * (TableDeferral.answerFast) when bringing it up to date would take longer than the answer may: its lookups would
 * answer from half the files, and a "not found" from half the files is a wrong finding. The engine leaves out the
 * findings of the rule that asked (LintResult.deferredRules); the language server builds the table in the
 * background and checks again.
 */
export class WorkspaceNotReady extends Error {
  constructor(readonly table: string) {
    super(`The workspace table "${table}" is being built`);
    this.name = 'WorkspaceNotReady';
  }
}

/** A table over the workspace that can be brought up to date a slice at a time. */
export interface DeferrableTable {
  readonly name: string;
  /** How many files are still to be worked out, as far as the table knows without working any out. */
  pendingFiles(): number;
  /** Works out pending files until `deadline` (performance.now()); true once none is left. */
  refreshUntil(deadline: number): boolean;
}

/**
 * Up to this many files to work out, a table is brought up to date whatever the hurry: an edit, a save or a few
 * files changed on disk. Only a cold table (first use) or a mass change (a branch switched) is worth deferring.
 */
export const FEW_PENDING_FILES = 64;

/**
 * When the tables over the workspace must answer at once. By default (the CLI, Fix workspace, any caller that does
 * not say otherwise) a table is brought up to date before it answers, however long that takes. Inside `answerFast`
 * (the language server's checks of open documents, completions) a table with more than FEW_PENDING_FILES to work
 * out works on them until the budget is spent, keeps what it did, and throws WorkspaceNotReady.
 */
export class TableDeferral {
  private readonly tables: DeferrableTable[] = [];
  private deadline: number | undefined;
  private readonly notReadyListeners: (() => void)[] = [];

  /** Tables register in the order they are made, which is the order they depend on each other (see buildSlice). */
  register(table: DeferrableTable): void {
    this.tables.push(table);
  }

  /** Calls `listener` whenever a table answered not ready: something should build the tables. */
  onNotReady(listener: () => void): void {
    this.notReadyListeners.push(listener);
  }

  /**
   * Runs `work` with tables allowed `budgetMs` in all to catch up; nested calls keep the earlier deadline. Outside
   * every call the tables take the time they need.
   */
  answerFast<T>(budgetMs: number, work: () => T): T {
    const outer = this.deadline;
    const deadline = performance.now() + budgetMs;
    this.deadline = outer === undefined ? deadline : Math.min(outer, deadline);
    try {
      return work();
    } finally {
      this.deadline = outer;
    }
  }

  /** Whether a table may take the time it needs now. */
  get answeringFast(): boolean {
    return this.deadline !== undefined;
  }

  /**
   * The time by which a table with `pending` files to work out must be done, or undefined when it may take as long
   * as it needs (few files, or nobody in a hurry).
   */
  deadlineFor(pending: number): number | undefined {
    return pending <= FEW_PENDING_FILES ? undefined : this.deadline;
  }

  /** A table ran out of time: the error to throw, after telling whoever builds the tables. */
  notReady(table: string): WorkspaceNotReady {
    for (const listener of this.notReadyListeners) listener();
    return new WorkspaceNotReady(table);
  }

  /** Whether any table has files left to work out. */
  hasPendingFiles(): boolean {
    return this.tables.some((table) => table.pendingFiles() > 0);
  }

  /**
   * Works on the tables until `deadline`, those made first first: a later one (the image builds) reads an earlier one
   * (the compose includes), which is then up to date and answers from what it has. True once every table is.
   */
  buildSlice(deadline: number): boolean {
    for (const table of this.tables) if (!table.refreshUntil(deadline)) return false;
    return !this.hasPendingFiles();
  }
}
