import { MessageType, type Connection } from 'vscode-languageserver';
import { emptyConfig, type LintConfig } from '../engine/config';
import { type ConfigProblem, configProblemNotice, readSettings } from '../engine/readConfig';
import type { Rule } from '../engine/ruleTypes';
import { SETTINGS_SECTION, type DiagnosticsScope } from '../protocol';
import { showMessage } from './background';

/** What the settings of one document decide: the checks, and the editor features that can be turned off. */
interface DocumentSettings {
  config: LintConfig;
  /** `containerStandards.format.enable`: off for users of another Dockerfile formatter. */
  formatEnabled: boolean;
  /** `containerStandards.diagnostics.scope` (a window setting: read without a document). */
  diagnosticsScope: DiagnosticsScope;
}

const DEFAULT_SETTINGS: DocumentSettings = { config: emptyConfig, formatEnabled: true, diagnosticsScope: 'workspace' };

/**
 * The editor's `containerStandards` settings per document, pulled with `workspace/configuration` and cached until
 * the client says they changed. Clients without that request get the settings they push.
 */
export class SettingsStore {
  private readonly byUri = new Map<string, Promise<DocumentSettings>>();
  private pushed: DocumentSettings = DEFAULT_SETTINGS;
  private windowSettings: Promise<DocumentSettings> | undefined;
  /** Each mistake is told once per change of the settings, not once per document. */
  private readonly reported = new Set<string>();

  constructor(
    private readonly connection: Connection,
    private readonly canPull: () => boolean,
    private readonly rules: readonly Rule[],
  ) {}

  async forDocument(uri: string): Promise<LintConfig> {
    return (await this.settingsOf(uri)).config;
  }

  async formatEnabled(uri: string): Promise<boolean> {
    return (await this.settingsOf(uri)).formatEnabled;
  }

  async diagnosticsScope(): Promise<DiagnosticsScope> {
    if (!this.canPull()) return this.pushed.diagnosticsScope;
    this.windowSettings ??= this.connection.workspace.getConfiguration(SETTINGS_SECTION).then((value: unknown) => this.read(value));
    return (await this.windowSettings).diagnosticsScope;
  }

  /** `workspace/didChangeConfiguration`: drop the cache; keep what a pushing client sent. */
  changed(pushedSettings: unknown): void {
    this.byUri.clear();
    this.windowSettings = undefined;
    this.reported.clear();
    const section = (pushedSettings as Record<string, unknown> | null)?.[SETTINGS_SECTION];
    if (section !== undefined) this.pushed = this.read(section);
  }

  forget(uri: string): void {
    this.byUri.delete(uri);
  }

  private settingsOf(uri: string): Promise<DocumentSettings> {
    if (!this.canPull()) return Promise.resolve(this.pushed);
    let settings = this.byUri.get(uri);
    if (!settings) {
      settings = this.connection.workspace.getConfiguration({ scopeUri: uri, section: SETTINGS_SECTION }).then((value: unknown) => this.read(value));
      this.byUri.set(uri, settings);
    }
    return settings;
  }

  private read(value: unknown): DocumentSettings {
    const { config, problems } = readSettings(value, SETTINGS_SECTION, this.rules);
    const section = (typeof value === 'object' && value !== null ? value : {}) as Record<string, unknown>;
    const formatEnabled = this.editorSetting(section, ['format', 'enable'], [true, false], problems);
    const diagnosticsScope = this.editorSetting<DiagnosticsScope>(section, ['diagnostics', 'scope'], ['workspace', 'openFiles'], problems);
    this.report(problems);
    return {
      config,
      formatEnabled: formatEnabled ?? DEFAULT_SETTINGS.formatEnabled,
      diagnosticsScope: diagnosticsScope ?? DEFAULT_SETTINGS.diagnosticsScope,
    };
  }

  /**
   * An editor setting (not rule configuration) at `group.key`: one of `allowed`; undefined when unset, or when set to
   * something else, which adds a problem (a `group` that is no mapping counts as the setting's value).
   */
  private editorSetting<T>(section: Record<string, unknown>, path: [string, string], allowed: readonly T[], problems: ConfigProblem[]): T | undefined {
    const [group, key] = path;
    const parent = section[group];
    const value = typeof parent === 'object' && parent !== null ? (parent as Record<string, unknown>)[key] : parent;
    if (value === undefined || value === null) return undefined;
    if (allowed.includes(value as T)) return value as T;
    const name = `${SETTINGS_SECTION}.${group}.${key}`;
    problems.push({
      message: `setting ${name} must be ${allowed.map((option) => JSON.stringify(option)).join(' or ')}, not ${JSON.stringify(value)}`,
      ignored: `the setting ${name}`,
    });
    return undefined;
  }

  /** A mistake is reported and only the setting it concerns ignored, so one typo does not switch every check off. */
  private report(problems: readonly ConfigProblem[]): void {
    for (const problem of problems) {
      if (this.reported.has(problem.message)) continue;
      this.reported.add(problem.message);
      showMessage(this.connection, MessageType.Warning, configProblemNotice(problem));
    }
  }
}
