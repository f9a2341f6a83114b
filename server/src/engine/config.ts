import { parse as parseYaml } from 'yaml';
import type { Rule, Severity, SeveritySetting } from './ruleTypes';
import type { Workspace } from '../workspace/workspace';
import { dirnameUri, joinUri } from '../workspace/uri';

/** Per-rule severities by rule id or by alias (`hadolint:DL3007`). */
export type RuleSeverities = Readonly<Record<string, SeveritySetting>>;

export interface LintConfig {
  rules: RuleSeverities;
  /** Registries FROM may pull from (`dockerfile/untrusted-registry`); `*` wildcards allowed. Unset: any. */
  trustedRegistries?: readonly string[];
}

export const emptyConfig: LintConfig = { rules: {} };

export const CONFIG_FILE_NAMES = ['.container-standards.yaml', '.container-standards.yml'] as const;
const SEVERITY_SETTINGS: readonly string[] = ['off', 'hint', 'info', 'warning', 'error'];

export class ConfigError extends Error {}

/** Reads a `.container-standards.yaml`; throws ConfigError with a readable message when it is malformed. */
export function parseConfigText(text: string, source: string): LintConfig {
  let value: unknown;
  try {
    value = parseYaml(text);
  } catch (error) {
    throw new ConfigError(`${source}: not valid YAML: ${(error as Error).message}`);
  }
  if (value === null || value === undefined) return emptyConfig;
  if (typeof value !== 'object' || Array.isArray(value)) throw new ConfigError(`${source}: expected a mapping with a "rules" key`);
  const { rules = {}, trustedRegistries, ...unknown } = value as Record<string, unknown>;
  const unknownKeys = Object.keys(unknown);
  if (unknownKeys.length)
    throw new ConfigError(
      `${source}: unknown key${unknownKeys.length > 1 ? 's' : ''} ${unknownKeys.map((key) => `"${key}"`).join(', ')}; expected "rules" or "trustedRegistries"`,
    );
  const config: LintConfig = { rules: validateRuleSeverities(rules, source) };
  if (trustedRegistries !== undefined) config.trustedRegistries = validateRegistries(trustedRegistries, source);
  return config;
}

export function validateRegistries(value: unknown, source: string): string[] {
  if (!Array.isArray(value) || !value.every((item) => typeof item === 'string'))
    throw new ConfigError(`${source}: "trustedRegistries" must be a list of registry names`);
  return value;
}

export function validateRuleSeverities(rules: unknown, source: string): RuleSeverities {
  if (typeof rules !== 'object' || rules === null || Array.isArray(rules)) {
    throw new ConfigError(`${source}: "rules" must map rule ids to one of ${SEVERITY_SETTINGS.join(', ')}`);
  }
  for (const [id, severity] of Object.entries(rules)) {
    if (typeof severity !== 'string' || !SEVERITY_SETTINGS.includes(severity)) {
      throw new ConfigError(`${source}: rule "${id}" has severity ${JSON.stringify(severity)}; use one of ${SEVERITY_SETTINGS.join(', ')}`);
    }
  }
  return rules as RuleSeverities;
}

/** Later configs win: a project file, then the editor's settings. */
export function mergeConfigs(...configs: LintConfig[]): LintConfig {
  const trustedRegistries = configs
    .map((config) => config.trustedRegistries)
    .filter((list) => list !== undefined)
    .at(-1);
  return { rules: Object.assign({}, ...configs.map((config) => config.rules)), ...(trustedRegistries ? { trustedRegistries } : {}) };
}

/** The severity the user chose for a rule, by id first, then by any of its aliases. */
export function configuredSeverity(rule: Rule, config: LintConfig): SeveritySetting | undefined {
  const byId = config.rules[rule.id];
  if (byId) return byId;
  for (const alias of rule.meta.aliases) {
    const byAlias = config.rules[alias];
    if (byAlias) return byAlias;
  }
  return undefined;
}

export function effectiveSeverity(rule: Rule, config: LintConfig, reported?: Severity): SeveritySetting {
  return configuredSeverity(rule, config) ?? (rule.meta.severity === 'off' ? 'off' : (reported ?? rule.meta.severity));
}

/** The nearest `.container-standards.yaml` above a file, read through the workspace (so unsaved edits count). */
export function findConfigFile(workspace: Workspace, fileUri: string): { uri: string; text: string } | undefined {
  if (!fileUri.startsWith('file:')) return undefined;
  let folder = dirnameUri(fileUri);
  for (;;) {
    for (const name of CONFIG_FILE_NAMES) {
      const uri = joinUri(folder, name);
      const text = workspace.readText(uri);
      if (text !== undefined) return { uri, text };
    }
    const parent = dirnameUri(folder);
    if (parent === folder) return undefined;
    folder = parent;
  }
}
