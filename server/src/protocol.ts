// Names shared by the extension client and the language server. Dependency-free, so the client can import it
// without pulling server code into its bundle.

/** The settings section both sides read (`containerStandards.*`). */
export const SETTINGS_SECTION = 'containerStandards';

export const CommandIds = {
  /** Sent by a code action; the server opens the rule's documentation through `window/showDocument`. */
  showRuleDocs: 'containerStandards.showRuleDocs',
  /**
   * Lints every container file (under the folder URI given as argument, else the whole workspace), reports them in
   * the workspace diagnostics from then on, and answers a `WorkspaceSummary`. Work done progress, cancellable.
   */
  lintWorkspace: 'containerStandards.server.lintWorkspace',
  /** Works out every safe fix of every container file (same argument) and answers a `WorkspaceFixes`. */
  fixWorkspace: 'containerStandards.server.fixWorkspace',
} as const;

/** The palette commands the client registers around the server's commands (its own progress notification). */
export const ClientCommandIds = {
  lintWorkspace: 'containerStandards.lintWorkspace',
  fixWorkspace: 'containerStandards.fixWorkspace',
} as const;

/** A finding as a summary lists it: 0-based line, rule, message, and whether a safe fix would remove it. */
export interface SummaryFinding {
  line: number;
  ruleId: string;
  severity: string;
  message: string;
  fixable: boolean;
}

/** What linting the workspace found, by file (relative path), files without findings left out. */
export interface WorkspaceSummary {
  filesChecked: number;
  files: { uri: string; path: string; findings: SummaryFinding[] }[];
  /** Set when the user cancelled: the files checked so far. */
  cancelled?: boolean;
}

/** The answer of `fixWorkspace`: one edit (a protocol `WorkspaceEdit`) with a change annotation per file and rule. */
export interface WorkspaceFixes {
  /** A protocol WorkspaceEdit; typed loosely so that this file stays dependency-free. */
  edit: unknown;
  changeCount: number;
  fileCount: number;
  cancelled?: boolean;
}

/** `containerStandards.diagnostics.scope`: which files the Problems panel shows. */
export type DiagnosticsScope = 'workspace' | 'openFiles';

/** The code action kind of "fix all safe problems", requestable from `editor.codeActionsOnSave`. */
export const FIX_ALL_KIND = 'source.fixAll.container-standards';

export const DIAGNOSTIC_SOURCE = 'container-standards';

/** Globs of the files whose changes the client forwards (`workspace/didChangeWatchedFiles`). */
export const WATCHED_FILES_GLOB = '**/{Dockerfile,Dockerfile.*,*.Dockerfile,*.dockerfile,Containerfile,Containerfile.*,*.yml,*.yaml,.dockerignore,*.json}';
