/**
 * Plain words for JSON Schema violations: message templates by id (`{{name}}` filled from a violation's data) and
 * the phrases that go into them. Shared by the rules that validate YAML against a schema.
 */
export const SCHEMA_MESSAGES = {
  unknownKey: 'Unknown key "{{key}}" {{where}}.{{advice}}',
  unknownKeySuggestion: 'Unknown key "{{key}}" {{where}}; did you mean "{{suggestion}}"?',
  emptyKey: 'An entry {{where}} has no key; write its name before the ":".',
  badName: '"{{key}}" is not a valid name in {{where}}: {{rule}}.',
  missingKeys: '{{where}} is missing the required {{keys}}.',
  wrongType: '{{where}}: expected {{expected}}, got {{actual}}.',
  notAllowed: '{{where}}: expected {{expected}}, got {{actual}}.',
  pattern: '{{where}}: {{actual}} does not match the pattern {{pattern}}.',
  outOfRange: '{{where}}: expected a number {{comparison}} {{limit}}, got {{actual}}.',
  duplicate: '{{where}} repeats {{first}}; the entries of this list must be unique.',
  ambiguous: '{{where}} matches more than one of the allowed forms; make it match exactly one.',
  other: '{{where}} does not satisfy the schema ("{{keyword}}").',
} as const;

export type SchemaMessageId = keyof typeof SCHEMA_MESSAGES;

const TYPE_NAMES: Readonly<Record<string, string>> = {
  object: 'a mapping',
  array: 'a list',
  string: 'a string',
  number: 'a number',
  integer: 'an integer',
  boolean: 'true or false',
  null: 'an empty value',
};

/**
 * Value types that a schema names with `x-type-name` beside its JSON types (Kubernetes quantities, int-or-string
 * ports): the words say what is accepted better than "a string or a number" does.
 */
const NAMED_TYPES: Readonly<Record<string, string>> = {
  quantity: 'a quantity: a number, or a number with a unit such as "250m", "0.5", "512Mi" or "2Gi"',
  'int-or-string': 'an integer or a string (a number, or a name or percentage such as "http" or "25%")',
  base64: 'base64-encoded data',
  'url-path': 'a path that starts with "/", such as "/healthz"',
  'render-postgres-plan':
    'a Render Postgres plan such as "basic-256mb", "pro-4gb" or "accelerated-16gb" (or a legacy "free", "starter", "standard", "pro" or "pro plus")',
};

/** The words for a schema's `x-type-name`, if it has one that has words. */
export function namedType(schema: unknown): string | undefined {
  const name = schema !== null && typeof schema === 'object' ? (schema as Record<string, unknown>)['x-type-name'] : undefined;
  return typeof name === 'string' ? NAMED_TYPES[name] : undefined;
}

/** `a list or a mapping` for JSON Schema type names, in the schema's order. */
export function expectedTypes(types: readonly string[]): string {
  // An empty value reads best as the last resort; an integer is a number.
  const unique = [...new Set(types)]
    .filter((type) => !(type === 'integer' && types.includes('number')))
    .sort((a, b) => Number(a === 'null') - Number(b === 'null'));
  return alternatives(unique.map((type) => TYPE_NAMES[type] ?? type));
}

/** What a YAML value is, in the same words: `a number`, `a list`, `an empty value`. */
export function describeValue(value: unknown): string {
  if (value === null || value === undefined) return TYPE_NAMES.null!;
  if (Array.isArray(value)) return TYPE_NAMES.array!;
  if (typeof value === 'object') return TYPE_NAMES.object!;
  if (typeof value === 'boolean') return `${value}`;
  if (typeof value === 'number') return `the number ${value}`;
  if (typeof value === 'string') return `the string ${quote(value)}`;
  return typeof value;
}

/** `"a", "b" or "c"` for the values of an enum. */
export function allowedValues(values: readonly unknown[]): string {
  const shown = values.map((value) => (typeof value === 'string' ? quote(value) : JSON.stringify(value)));
  return values.length === 1 ? shown[0]! : `one of ${alternatives(shown)}`;
}

/** `key "a"` or `keys "a" and "b"`. */
export function keyList(keys: readonly string[]): string {
  const quoted = keys.map(quote);
  return keys.length === 1 ? `key ${quoted[0]}` : `keys ${quoted.slice(0, -1).join(', ')} and ${quoted.at(-1)}`;
}

/**
 * A path as people write it about YAML: `services.web.ports[0]`, with odd keys bracketed
 * (`labels["com.example.team"]`); the root is `The document` (it starts the sentences it is in).
 */
export function describePath(path: readonly (string | number)[]): string {
  if (path.length === 0) return 'The document';
  return path
    .map((segment, index) => {
      if (typeof segment === 'number') return `[${segment}]`;
      if (/^[A-Za-z_][\w-]*$/.test(segment)) return index === 0 ? segment : `.${segment}`;
      return `[${quote(segment)}]`;
    })
    .join('');
}

/** The rule a key pattern stands for, in words when it is one of the usual name patterns. */
export function describeNamePattern(pattern: string): string {
  const known: Readonly<Record<string, string>> = {
    '^[a-zA-Z0-9._-]+$': 'use only letters, digits, ".", "_" and "-"',
    '^[a-zA-Z0-9_.-]+$': 'use only letters, digits, ".", "_" and "-"',
    '^[a-z]+$': 'use lower-case letters only',
    '.+': 'it must not be empty',
    '^.+$': 'it must not be empty',
  };
  return known[pattern] ?? `it must match /${pattern}/`;
}

export function quote(text: string): string {
  return JSON.stringify(text.length > 60 ? `${text.slice(0, 57)}...` : text);
}

function alternatives(items: readonly string[]): string {
  return items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} or ${items.at(-1)}`;
}

/** A violation's message as one sentence (for messages that quote it), from the shared templates. */
export function schemaMessage(messageId: string, data: Readonly<Record<string, string>>): string {
  const template = (SCHEMA_MESSAGES as Readonly<Record<string, string>>)[messageId] ?? SCHEMA_MESSAGES.other;
  return template.replace(/\{\{(\w+)\}\}/g, (whole, key: string) => data[key] ?? whole);
}
