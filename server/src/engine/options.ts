import { CommandIds, commandUri } from '../protocol';
import { declaredOptions, type JsonSchema, type OptionDeclaration, type Rule, type RuleKind } from './ruleTypes';

/** Keys of settings and of the config file that are not rule options. */
export const RESERVED_KEYS: readonly string[] = ['rules', 'trace', 'kubernetes', 'enable'];
const OPTION_NAME = /^[a-z][A-Za-z0-9]*$/;
export const SEVERITY_SETTINGS = ['off', 'hint', 'info', 'warning', 'error'] as const;

export interface RuleOption {
  name: string;
  declaration: OptionDeclaration;
  /** The rules that declare it (several only when they declare it identically). */
  ruleIds: string[];
}

const catalogues = new WeakMap<readonly Rule[], readonly RuleOption[]>();

/**
 * Every option the rules declare, by name. Throws when a name is malformed, reserved, or declared differently by
 * two rules: options are named by their key alone in settings and config files, so a name means one thing.
 */
export function ruleOptions(rules: readonly Rule[]): readonly RuleOption[] {
  let catalogue = catalogues.get(rules);
  if (catalogue) return catalogue;
  const byName = new Map<string, RuleOption>();
  for (const rule of rules) {
    for (const [name, declaration] of declaredOptions(rule)) {
      if (!OPTION_NAME.test(name) || RESERVED_KEYS.includes(name))
        throw new Error(`${rule.id}: option "${name}" must be a camelCase name other than ${RESERVED_KEYS.join(', ')}`);
      const types = [declaration.type].flat();
      if (types.includes('null' as never)) throw new Error(`${rule.id}: option "${name}" must not allow null, which means "unset"`);
      const known = byName.get(name);
      if (!known) byName.set(name, { name, declaration, ruleIds: [rule.id] });
      else if (JSON.stringify(known.declaration) === JSON.stringify(declaration)) known.ruleIds.push(rule.id);
      else throw new Error(`${rule.id}: option "${name}" is declared differently by ${known.ruleIds.join(', ')}`);
    }
  }
  catalogue = [...byName.values()].sort((a, b) => a.name.localeCompare(b.name));
  catalogues.set(rules, catalogue);
  return catalogue;
}

/** The option's schema where it is configured: `null` (unset) allowed, the rules that use it named. */
function configuredSchema(option: RuleOption, ruleReference: (id: string) => string): JsonSchema & { description: string } {
  const { type, description, default: defaultValue, ...rest } = option.declaration;
  const rulesText = option.ruleIds.map(ruleReference).join(', ');
  return {
    type: [...[type].flat(), 'null'],
    ...rest,
    description: `${description} Option of ${rulesText}; default \`${JSON.stringify(defaultValue)}\`, and \`null\` means unset.`,
  };
}

/** Rule ids (`dockerfile/latest-tag`) and aliases (`hadolint:DL3007`, `dockerfile-utils:*`). */
export const RULE_KEY_PATTERN = '^[a-z0-9-]+[/:][A-Za-z0-9_*-]+$';

const RULES_SCHEMA = {
  type: 'object',
  propertyNames: { pattern: RULE_KEY_PATTERN },
  additionalProperties: { enum: SEVERITY_SETTINGS },
} as const;

const GLOBS = { type: ['array', 'null'], items: { type: 'string' } } as const;

/** `kubernetes.files` and `kubernetes.exclude`, described once for the config file and the settings. */
const KUBERNETES_FILES_SETTINGS = {
  files: {
    ...GLOBS,
    markdownDescription:
      'Globs of YAML files that are Kubernetes files even where a document has no `apiVersion`/`kind` (that document is then reported). A glob without a slash matches the file name (`*.k8s.yaml`), one with a slash the end of the path (`deploy/**/*.yaml`). Helm templates and tool configurations (`Chart.yaml`, `values*.yaml`, `kustomization.yaml`, …) are never Kubernetes files.',
  },
  exclude: {
    ...GLOBS,
    markdownDescription:
      'Globs of YAML files that are never checked as Kubernetes files, whatever they hold; matched like `kubernetes.files`, over which they win.',
  },
} as const;

/** The kinds of file `enable` switches, in the order the settings list them, with what each covers. */
const KIND_DESCRIPTIONS: Readonly<Record<RuleKind, string>> = {
  dockerfile: 'Dockerfiles and Containerfiles',
  compose: 'Docker Compose files',
  kubernetes: 'Kubernetes manifests',
  ecs: 'Amazon ECS task definitions',
  render: 'Render Blueprints (`render.yaml`)',
  railway: 'Railway config files (`railway.json`)',
};

/** `enable`, described once for the config file and the settings: per kind, whether its checks run. */
const ENABLE_SCHEMA = {
  type: 'object',
  additionalProperties: false,
  properties: Object.fromEntries(
    Object.entries(KIND_DESCRIPTIONS).map(([kind, files]) => [kind, { type: 'boolean', description: `Check ${files}; \`false\` switches their checks off.` }]),
  ),
} as const;

const ENABLE_DESCRIPTION =
  'Which kinds of file are checked, e.g. `{"kubernetes": false}` to leave Kubernetes manifests to another tool; a kind not listed is checked. Only the checks stop: completion, hovers and formatting stay.';

/**
 * The schema of `.container-standards.yaml` (schemas/container-standards.schema.json, generated by
 * `npm run settings:generate`); the engine validates config files and settings against it.
 */
export function configFileSchema(rules: readonly Rule[]): JsonSchema {
  const properties: Record<string, JsonSchema> = {
    rules: { description: 'Severity per rule id (dockerfile/latest-tag) or alias (hadolint:DL3007). See RULES.md.', ...RULES_SCHEMA },
    enable: { description: ENABLE_DESCRIPTION, ...ENABLE_SCHEMA },
    kubernetes: {
      description: 'Which YAML files are Kubernetes files beyond what their content says. See README.md, "Which files are Kubernetes files".',
      type: 'object',
      additionalProperties: false,
      properties: Object.fromEntries(
        Object.entries(KUBERNETES_FILES_SETTINGS).map(([key, { markdownDescription, ...schema }]) => [key, { ...schema, description: markdownDescription }]),
      ),
    },
  };
  for (const option of ruleOptions(rules)) properties[option.name] = configuredSchema(option, (id) => `\`${id}\``);
  return {
    $schema: 'http://json-schema.org/draft-07/schema#',
    title: 'Container Standards project configuration (.container-standards.yaml)',
    description: 'Rule severities under "rules", and rule options by name; see README.md, "Project configuration".',
    type: 'object',
    additionalProperties: false,
    properties,
  };
}

/**
 * `contributes.configuration` of package.json (generated by `npm run settings:generate`). Options default to `null`:
 * VS Code sends the default of an unset setting, and any other default would hide the config file's value.
 */
export function settingsContribution(rules: readonly Rule[], section: string): JsonSchema {
  const properties: Record<string, JsonSchema> = {
    [`${section}.rules`]: {
      type: 'object',
      scope: 'resource',
      default: {},
      markdownDescription:
        'Severity per rule id or alias, e.g. `{"dockerfile/latest-tag": "error", "hadolint:DL3025": "off"}`. Merged over the project file `.container-standards.yaml`. See [the rules](command:containerStandards.showRules) (Container Standards: Show Rules).',
      additionalProperties: { type: 'string', enum: SEVERITY_SETTINGS },
    },
    [`${section}.trace.server`]: {
      type: 'string',
      scope: 'window',
      enum: ['off', 'messages', 'verbose'],
      default: 'off',
      description:
        'Writes the JSON-RPC traffic between VS Code and the Container Standards language server to the "Container Standards" output channel: "messages" the method names, "verbose" their parameters too. The lines show at the channel\'s default log level (Info); no need to set it to Trace.',
    },
    [`${section}.format.enable`]: {
      type: 'boolean',
      scope: 'resource',
      default: true,
      markdownDescription:
        'Formats Dockerfiles (Format Document, Format Selection, and on typing the escape character at the end of a line): instructions and comments at column 0, continuation lines one indentation level in. Heredoc bodies, continuation lines laid out by hand and whitespace inside quoted strings are never changed. Turn off to use another Dockerfile formatter.',
    },
    [`${section}.diagnostics.scope`]: {
      type: 'string',
      scope: 'window',
      enum: ['workspace', 'openFiles'],
      enumDescriptions: [
        'Every container file of the workspace, open or not, kept up to date as files change on disk.',
        'Only the files open in the editor; **Lint workspace** still reports the others when you run it.',
      ],
      default: 'workspace',
      markdownDescription:
        'Which files the Problems panel shows findings of. `workspace` checks every indexed container file in the background (unchanged files cost nothing after the first check); `openFiles` for very large repositories.',
    },
  };
  properties[`${section}.enable`] = {
    ...ENABLE_SCHEMA,
    scope: 'resource',
    // Every kind on, so that the settings editor shows each checked; off wins when merged, so these defaults leave
    // what `.container-standards.yaml` switches off switched off.
    default: Object.fromEntries(Object.keys(KIND_DESCRIPTIONS).map((kind) => [kind, true])),
    markdownDescription: `${ENABLE_DESCRIPTION} A kind switched off here or under \`enable\` of \`.container-standards.yaml\` is not checked.`,
  };
  for (const [key, setting] of Object.entries(KUBERNETES_FILES_SETTINGS)) {
    properties[`${section}.kubernetes.${key}`] = { ...setting, scope: 'resource', default: null };
  }
  for (const option of ruleOptions(rules)) {
    const { description, ...schema } = configuredSchema(option, (id) => `[\`${id}\`](${commandUri(CommandIds.openRuleDocs, [id])})`);
    properties[`${section}.${option.name}`] = {
      ...schema,
      scope: 'resource',
      default: null,
      markdownDescription: `${description} Unset, the \`${option.name}\` of \`.container-standards.yaml\` applies.`,
    };
  }
  return { title: 'Container Standards', properties };
}

/** Settings a workspace may set even in Restricted Mode: they change how the editor shows things, not what is checked. */
const PRESENTATION_SETTINGS = ['trace.server', 'format.enable'];

/**
 * `capabilities.untrustedWorkspaces.restrictedConfigurations`: in Restricted Mode VS Code ignores a workspace's own
 * values of these and applies the user's. They decide what is checked and how strictly, and which files are read: a
 * hostile repository could otherwise switch off the checks its reviewer relies on (`rules`, `enable`, rule options
 * such as `kubernetesVersion` or `prohibitedTags`), widen the registries the user trusts (`trustedRegistries`), or
 * have other files read or left out (`kubernetes.files`, `kubernetes.exclude`, `diagnostics.scope`). Every setting is
 * restricted unless it only changes presentation, so a new one is restricted until decided otherwise.
 */
export function restrictedSettings(rules: readonly Rule[], section: string): string[] {
  const presentation = new Set(PRESENTATION_SETTINGS.map((name) => `${section}.${name}`));
  return Object.keys(settingsContribution(rules, section).properties as Record<string, unknown>).filter((key) => !presentation.has(key));
}
