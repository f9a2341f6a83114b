import { declaredOptions, type Rule, type RuleKind, type Severity, type SeveritySetting } from './ruleTypes';
import type { Workspace } from '../workspace/workspace';
import { dirnameUri, joinUri } from '../workspace/uri';

/** Per-rule severities by rule id or by alias (`hadolint:DL3007`). */
export type RuleSeverities = Readonly<Record<string, SeveritySetting>>;

/** One layer of configuration (a config file, the editor's settings) or several merged. */
export interface LintConfig {
  rules: RuleSeverities;
  /** Rule options this layer sets, by name (README, "Rule options"); an unset option is absent, never null. */
  options?: Readonly<Record<string, unknown>>;
  /** Which YAML files are Kubernetes files beyond what their content says. */
  kubernetes?: KubernetesFilesConfig;
  /** `enable`: kinds of file whose checks are switched on (true) or off (false); an absent kind stays on. */
  enable?: EnabledKinds;
}

export type EnabledKinds = Readonly<Partial<Record<RuleKind, boolean>>>;

/** Whether the configuration leaves the checks of a kind of file on. */
export function isKindEnabled(config: LintConfig, kind: RuleKind): boolean {
  return config.enable?.[kind] !== false;
}

/** `kubernetes.files` and `kubernetes.exclude`: globs of YAML files that are, or are never, Kubernetes files. */
export interface KubernetesFilesConfig {
  files?: readonly string[];
  exclude?: readonly string[];
}

export const emptyConfig: LintConfig = { rules: {} };

export const CONFIG_FILE_NAMES = ['.container-standards.yaml', '.container-standards.yml'] as const;

export class ConfigError extends Error {}

/**
 * Later configs win: a project file, then the editor's settings; an option a later layer leaves unset keeps its
 * value. `enable` is the exception: a kind of file any layer switches off stays off.
 */
export function mergeConfigs(...configs: LintConfig[]): LintConfig {
  const options = Object.assign({}, ...configs.map((config) => config.options ?? {}));
  const kubernetes: KubernetesFilesConfig = Object.assign({}, ...configs.map((config) => config.kubernetes ?? {}));
  // Off in any layer is off: the editor's settings say `true` for every kind by default, which must not switch on
  // what the project file switched off.
  const enable: Partial<Record<RuleKind, boolean>> = {};
  for (const config of configs)
    for (const [kind, on] of Object.entries(config.enable ?? {}) as [RuleKind, boolean][]) enable[kind] = (enable[kind] ?? true) && on;
  return {
    rules: Object.assign({}, ...configs.map((config) => config.rules)),
    ...(Object.keys(options).length ? { options } : {}),
    ...(Object.keys(kubernetes).length ? { kubernetes } : {}),
    ...(Object.keys(enable).length ? { enable } : {}),
  };
}

const NO_OPTIONS: Readonly<Record<string, unknown>> = Object.freeze({});

/** What a rule gets as `context.options`: each declared option as configured, else its default. */
export function optionsFor(rule: Rule, config: LintConfig): Readonly<Record<string, unknown>> {
  const declared = declaredOptions(rule);
  if (declared.length === 0) return NO_OPTIONS;
  return Object.fromEntries(declared.map(([name, declaration]) => [name, config.options?.[name] ?? declaration.default]));
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
