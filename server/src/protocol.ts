// Names shared by the extension client and the language server. Dependency-free, so the client can import it
// without pulling server code into its bundle.

/** The settings section both sides read (`containerStandards.*`). */
export const SETTINGS_SECTION = 'containerStandards';

export const CommandIds = {
  /** Sent by a code action to a client without `openRuleDocs`; the server opens the bundled RULES.md through `window/showDocument`. */
  showRuleDocs: 'containerStandards.showRuleDocs',
  /** The VS Code client's command that opens a rule's documentation inside the editor (argument: the rule id). */
  openRuleDocs: 'containerStandards.openRuleDocs',
  /**
   * Lints every container file (under the folder URI given as argument, else the whole workspace), reports them in
   * the workspace diagnostics from then on, and answers a `WorkspaceSummary`. Work done progress, cancellable.
   */
  lintWorkspace: 'containerStandards.server.lintWorkspace',
  /** Works out every safe fix of every container file (same argument) and answers a `WorkspaceFixes`. */
  fixWorkspace: 'containerStandards.server.fixWorkspace',
} as const;

/**
 * Commands the extension client runs itself rather than the server. The client names them in
 * `initializationOptions.clientCommands`, so the server offers them only to a client that has them.
 */
export const ClientCommandIds = {
  /**
   * Creates files with their content on disk (`CreateFilesArguments`) and opens them. A workspace edit cannot: its
   * create operation writes an empty file and its text edit leaves the content in an unsaved editor.
   */
  createFiles: 'containerStandards.createFiles',
} as const;

export interface CreateFilesArguments {
  files: { uri: string; text: string }[];
}

/** Notifications the extension client sends. */
export const Notifications = {
  /**
   * `FilesCreatedParams`: files the client's createFiles command has just written. The server takes them as created
   * on disk at once, rather than when the file watcher reports them, which can lag behind by seconds.
   */
  filesCreated: 'containerStandards/filesCreated',
} as const;

export interface FilesCreatedParams {
  uris: string[];
}

/** What the extension client sends as `initializationOptions`. */
export interface InitializationOptions {
  clientCommands?: string[];
  /** The client command that opens a rule's documentation; when set, rule links are `command:` URIs to it. */
  openRuleDocsCommand?: string;
}

/** A `command:` link, which VS Code runs from trusted Markdown (hovers, settings) and from a diagnostic's link. */
export function commandUri(command: string, args: readonly unknown[]): string {
  return `command:${command}?${encodeURIComponent(JSON.stringify(args))}`;
}

/** Custom requests the server answers, so that the client never reads rule code. */
export const Requests = {
  /** No parameters; answers `RuleSummary[]`. */
  rules: 'containerStandards/rules',
  /** `{ ruleId }`; answers the rule's documentation as Markdown, or null for an unknown id. */
  ruleDocumentation: 'containerStandards/ruleDocumentation',
  /** `{ schemaUri }`; answers the text of a new `.container-standards.yaml`. */
  configTemplate: 'containerStandards/configTemplate',
} as const;

export interface RuleSummary {
  id: string;
  kind: string;
  severity: string;
  description: string;
  fixable: boolean;
  /** Who applies the rule's quick fix, in a few words (`auto`, `editor only (some reports)`); null without one. */
  fix: string | null;
  aliases: string[];
}

/** The scheme of the read-only per-rule documents the VS Code client renders from `ruleDocumentation`. */
export const RULE_DOCS_SCHEME = 'container-standards-rule';

/** The project configuration file's name. */
export const CONFIG_FILE_NAME = '.container-standards.yaml';

/** The palette commands the client registers around the server's workspace commands (its own progress notification). */
export const WorkspaceCommandIds = {
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
