import { MessageType, type Connection } from 'vscode-languageserver';
import { ConfigError, emptyConfig, validateRegistries, validateRuleSeverities, type LintConfig } from '../engine/config';
import { SETTINGS_SECTION } from '../protocol';
import { showMessage } from './background';

/**
 * The editor's `containerStandards` settings per document, pulled with `workspace/configuration` and cached until
 * the client says they changed. Clients without that request get the settings they push.
 */
export class SettingsStore {
  private readonly byUri = new Map<string, Promise<LintConfig>>();
  private pushed: LintConfig = emptyConfig;

  constructor(
    private readonly connection: Connection,
    private readonly canPull: () => boolean,
  ) {}

  forDocument(uri: string): Promise<LintConfig> {
    if (!this.canPull()) return Promise.resolve(this.pushed);
    let settings = this.byUri.get(uri);
    if (!settings) {
      settings = this.connection.workspace.getConfiguration({ scopeUri: uri, section: SETTINGS_SECTION }).then((value: unknown) => this.toConfig(value));
      this.byUri.set(uri, settings);
    }
    return settings;
  }

  /** `workspace/didChangeConfiguration`: drop the cache; keep what a pushing client sent. */
  changed(pushedSettings: unknown): void {
    this.byUri.clear();
    const section = (pushedSettings as Record<string, unknown> | null)?.[SETTINGS_SECTION];
    if (section !== undefined) this.pushed = this.toConfig(section);
  }

  forget(uri: string): void {
    this.byUri.delete(uri);
  }

  private toConfig(value: unknown): LintConfig {
    const { rules, trustedRegistries } = (value ?? {}) as { rules?: unknown; trustedRegistries?: unknown };
    return {
      rules: this.validOrIgnored(rules, 'rules', (given) => validateRuleSeverities(given, `setting ${SETTINGS_SECTION}.rules`)) ?? {},
      ...optional(
        'trustedRegistries',
        this.validOrIgnored(trustedRegistries, 'trustedRegistries', (given) => validateRegistries(given, `setting ${SETTINGS_SECTION}.trustedRegistries`)),
      ),
    };
  }

  /** A malformed setting is reported and ignored, so one typo does not switch every check off. */
  private validOrIgnored<T>(given: unknown, name: string, validate: (given: unknown) => T): T | undefined {
    if (given === undefined || given === null) return undefined;
    try {
      return validate(given);
    } catch (error) {
      if (!(error instanceof ConfigError)) throw error;
      showMessage(this.connection, MessageType.Warning, `Container Standards: ${error.message}. The setting ${SETTINGS_SECTION}.${name} is ignored.`);
      return undefined;
    }
  }
}

function optional<K extends string, T>(key: K, value: T | undefined): { [key in K]?: T } {
  return value === undefined ? {} : ({ [key]: value } as { [key in K]: T });
}
