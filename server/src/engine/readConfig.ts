// Reading a configuration layer (a `.container-standards.yaml`, the editor's settings), keeping every valid part and
// saying, per mistake, what is ignored. It is validated against schemas/container-standards.schema.json, generated
// from the registry's rules and precompiled at build time (scripts/configSchema.mjs): what a valid config is does not
// depend on which rules a run checks. The `rules` a caller passes decide which options are read and named in
// messages; an option of a rule outside them is valid and left unread.
import type { ErrorObject } from 'ajv';
import { parse as parseYaml } from 'yaml';
import { rules as registry } from '../rules';
import { emptyConfig, type EnabledKinds, type KubernetesFilesConfig, type LintConfig } from './config';
import validateConfig from './generated/configValidator.cjs';
import { ruleOptions, SEVERITY_SETTINGS } from './options';
import type { Rule, SeveritySetting } from './ruleTypes';

/** A mistake in a config file or in the settings; only the part it names is ignored. */
export interface ConfigProblem {
  /** What is wrong, naming the file or setting and the key. */
  message: string;
  /** What is ignored because of it, e.g. `"trustedRegistries"`. */
  ignored: string;
}

/** How the editor tells a problem: what is wrong and what is ignored meanwhile. */
export function configProblemNotice(problem: ConfigProblem): string {
  return `Container Standards: ${problem.message}. ${problem.ignored[0]!.toUpperCase()}${problem.ignored.slice(1)} is ignored until it is fixed.`;
}

export interface ConfigReading {
  config: LintConfig;
  problems: ConfigProblem[];
}

/** Reads a `.container-standards.yaml`, keeping what is valid of it. */
export function parseConfigText(text: string, source: string, rules: readonly Rule[]): ConfigReading {
  let value: unknown;
  try {
    value = parseYaml(text);
  } catch (error) {
    return { config: emptyConfig, problems: [{ message: `${source}: not valid YAML: ${(error as Error).message}`, ignored: 'the file' }] };
  }
  return readLayer(value, fileLayer(source), rules);
}

/** Reads the editor's settings section (`containerStandards`), keeping what is valid of it. */
export function readSettings(value: unknown, section: string, rules: readonly Rule[]): ConfigReading {
  return readLayer(value, settingsLayer(section), rules);
}

/** How a layer names its keys in messages. */
interface Layer {
  /** A key path such as `trustedRegistries[1]`, as the user finds it. */
  name(path: string): string;
  /** Prefix of a message about something inside a top-level key. */
  within(key: string): string;
  /** A top-level key as what is ignored. */
  key(key: string): string;
  /** The layer itself, and what is ignored when it is unusable. */
  label: string;
  whole: string;
  /** Settings carry more than rule configuration (`trace`), and other versions' keys: only a file is strict. */
  strict: boolean;
}

function fileLayer(source: string): Layer {
  return { name: (path) => `${source}: "${path}"`, within: () => `${source}:`, key: (key) => `"${key}"`, label: source, whole: 'the file', strict: true };
}

function settingsLayer(section: string): Layer {
  return {
    name: (path) => `setting ${section}.${path}`,
    within: (key) => `setting ${section}.${key}:`,
    key: (key) => `the setting ${section}.${key}`,
    label: `setting ${section}`,
    whole: 'the settings',
    strict: false,
  };
}

function readLayer(value: unknown, layer: Layer, rules: readonly Rule[]): ConfigReading {
  if (value === null || value === undefined) return { config: emptyConfig, problems: [] };
  if (typeof value !== 'object' || Array.isArray(value)) {
    const expected = `a mapping of "rules", "enable", "kubernetes" and rule options (${optionNames(rules)})`;
    return { config: emptyConfig, problems: [{ message: `${layer.label}: expected ${expected}`, ignored: layer.whole }] };
  }
  const given = value as Record<string, unknown>;
  validateConfig(given);
  const problems = new Map<string, ConfigProblem>();
  const rejectedKeys = new Set<string>();
  const rejectedRules = new Set<string>();
  for (const error of validateConfig.errors ?? []) {
    const [key, ...rest] = pointerSegments(error.instancePath);
    if (key === undefined) {
      if (error.keyword !== 'additionalProperties' || !layer.strict) continue;
      const unknown = String(error.params.additionalProperty);
      rejectedKeys.add(unknown);
      problems.set(unknown, {
        message: `${layer.within(unknown)} unknown key "${unknown}"; expected "rules", "enable", "kubernetes" or a rule option (${optionNames(rules)})`,
        ignored: `the key "${unknown}"`,
      });
    } else if (key === 'rules') {
      // A bad rule id fails twice: on the pattern (error.propertyName) and on propertyNames (params.propertyName).
      const badId = error.propertyName ?? (error.params.propertyName as string | undefined);
      const id = rest[0] ?? badId;
      if (id === undefined) {
        rejectedKeys.add(key);
        problems.set(key, { message: `${layer.name('rules')} must map rule ids to one of ${SEVERITY_SETTINGS.join(', ')}`, ignored: layer.key('rules') });
      } else if (!problems.has(`rules/${id}`)) {
        rejectedRules.add(id);
        const message =
          badId !== undefined
            ? `${layer.within('rules')} "${id}" is not a rule id or alias (such as dockerfile/latest-tag or hadolint:DL3007)`
            : `${layer.within('rules')} rule "${id}" has severity ${JSON.stringify((given.rules as Record<string, unknown>)[id])}; use one of ${SEVERITY_SETTINGS.join(', ')}`;
        problems.set(`rules/${id}`, { message, ignored: `rule "${id}"` });
      }
    } else if (!problems.has(key)) {
      rejectedKeys.add(key);
      problems.set(key, { message: `${layer.name(displayPath(key, rest))} ${expectation(error)}`, ignored: layer.key(key) });
    }
  }
  const severities = rejectedKeys.has('rules') ? {} : ((given.rules ?? {}) as Record<string, SeveritySetting>);
  for (const id of Object.keys(severities)) {
    if (rejectedRules.has(id) || knownRuleKeys(rules).has(id)) continue;
    rejectedRules.add(id);
    const suggestion = closestRuleKey(id, rules);
    problems.set(`rules/${id}`, {
      message: `${layer.within('rules')} "${id}" is not the id or alias of any Container Standards rule${suggestion ? `; did you mean "${suggestion}"?` : ' (RULES.md lists them)'}`,
      ignored: `rule "${id}"`,
    });
  }
  const config: LintConfig = {
    rules: Object.fromEntries(Object.entries(severities).filter(([id]) => !rejectedRules.has(id))),
  };
  const options = Object.fromEntries(
    ruleOptions(rules)
      .map((option) => option.name)
      .filter((name) => !rejectedKeys.has(name) && given[name] !== undefined && given[name] !== null)
      .map((name) => [name, given[name]]),
  );
  if (Object.keys(options).length) config.options = options;
  const kubernetes = rejectedKeys.has('kubernetes') ? undefined : kubernetesFiles(given.kubernetes);
  if (kubernetes) config.kubernetes = kubernetes;
  const enable = rejectedKeys.has('enable') ? undefined : enabledKinds(given.enable);
  if (enable) config.enable = enable;
  return { config, problems: [...problems.values()] };
}

/**
 * What a `rules` key may name: the ids and aliases of every registered rule (whichever a run checks, as for options),
 * and of the rules a caller passes (tests' own).
 */
function knownRuleKeys(rules: readonly Rule[]): ReadonlySet<string> {
  return new Set([...registry, ...rules].flatMap((rule) => [rule.id, ...rule.meta.aliases]));
}

/** The known id or alias a misspelt key most likely meant: same prefix, at most a few characters apart. */
function closestRuleKey(key: string, rules: readonly Rule[]): string | undefined {
  const prefix = /^[^/:]+[/:]/.exec(key)?.[0] ?? '';
  let best: { key: string; distance: number } | undefined;
  for (const candidate of knownRuleKeys(rules)) {
    if (!candidate.startsWith(prefix)) continue;
    const distance = editDistance(key, candidate);
    if (distance <= Math.max(2, Math.floor(key.length / 6)) && (!best || distance < best.distance)) best = { key: candidate, distance };
  }
  return best?.key;
}

/** Levenshtein distance, one row at a time. */
function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, index) => index);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) current[j] = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    previous = current;
  }
  return previous[b.length]!;
}

/** The globs of a valid `kubernetes` key; null (an unset setting) leaves a list to the layer below. */
function kubernetesFiles(value: unknown): KubernetesFilesConfig | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const { files, exclude } = value as { files?: string[] | null; exclude?: string[] | null };
  const config: KubernetesFilesConfig = { ...(files ? { files } : {}), ...(exclude ? { exclude } : {}) };
  return Object.keys(config).length ? config : undefined;
}

/** The kinds a valid `enable` key switches; null (an unset setting) leaves them to the layer below. */
function enabledKinds(value: unknown): EnabledKinds | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const kinds = Object.fromEntries(Object.entries(value).filter(([, enabled]) => typeof enabled === 'boolean'));
  return Object.keys(kinds).length ? kinds : undefined;
}

function optionNames(rules: readonly Rule[]): string {
  return ruleOptions(rules)
    .map((option) => option.name)
    .join(', ');
}

/** `/trustedRegistries/1` as `["trustedRegistries", "1"]` (JSON Pointer unescaped). */
function pointerSegments(pointer: string): string[] {
  return pointer
    .split('/')
    .slice(1)
    .map((segment) => segment.replace(/~1/g, '/').replace(/~0/g, '~'));
}

function displayPath(key: string, rest: readonly string[]): string {
  return key + rest.map((segment) => (/^\d+$/.test(segment) ? `[${segment}]` : `.${segment}`)).join('');
}

const TYPE_WORDS: Readonly<Record<string, [one: string, many: string]>> = {
  array: ['a list', 'lists'],
  boolean: ['true or false', 'true or false values'],
  integer: ['a whole number', 'whole numbers'],
  number: ['a number', 'numbers'],
  object: ['a mapping', 'mappings'],
  string: ['a string', 'strings'],
};

/** What the value should have been, in words: "must be a list of strings", "must be one of a, b". */
function expectation(error: ErrorObject): string {
  const schema = (error.parentSchema ?? {}) as { type?: string | string[]; items?: { type?: string } };
  if (error.keyword === 'type') {
    const types = [schema.type ?? []].flat().filter((type) => type !== 'null');
    const words = types.map((type) => {
      const itemType = type === 'array' ? schema.items?.type : undefined;
      const [one] = TYPE_WORDS[type] ?? [type];
      return itemType ? `${one} of ${TYPE_WORDS[itemType]?.[1] ?? itemType}` : one;
    });
    return `must be ${words.join(' or ')}`;
  }
  if (error.keyword === 'additionalProperties') return `has an unknown key "${error.params.additionalProperty}"`;
  if (error.keyword === 'enum') return `must be one of ${(error.params.allowedValues as unknown[]).map((value) => JSON.stringify(value)).join(', ')}`;
  return error.message ?? 'is not valid';
}
