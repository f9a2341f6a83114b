// Names shared by the extension client and the language server. Dependency-free, so the client can import it
// without pulling server code into its bundle.

/** The settings section both sides read (`containerStandards.*`). */
export const SETTINGS_SECTION = 'containerStandards';

export const CommandIds = {
  /** Sent by a code action; the server opens the rule's documentation through `window/showDocument`. */
  showRuleDocs: 'containerStandards.showRuleDocs',
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

/** What the extension client sends as `initializationOptions`. */
export interface InitializationOptions {
  clientCommands?: string[];
}

/** The code action kind of "fix all safe problems", requestable from `editor.codeActionsOnSave`. */
export const FIX_ALL_KIND = 'source.fixAll.container-standards';

export const DIAGNOSTIC_SOURCE = 'container-standards';

/** Globs of the files whose changes the client forwards (`workspace/didChangeWatchedFiles`). */
export const WATCHED_FILES_GLOB = '**/{Dockerfile,Dockerfile.*,*.Dockerfile,*.dockerfile,Containerfile,Containerfile.*,*.yml,*.yaml,.dockerignore,*.json}';
