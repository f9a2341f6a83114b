import type { ErrorObject } from 'ajv';
import { pathOfInstancePath } from '../parsing/yamlPath';
import { closestName } from '../rules/support/didYouMean';
import {
  allowedValues,
  describeNamePattern,
  describePath,
  describeValue,
  expectedTypes,
  keyList,
  namedType,
  quote,
  type SchemaMessageId,
} from './schemaMessages';

/** One thing wrong with a document, in plain words, placed on a key or a value of its data. */
export interface SchemaViolation {
  /** A key of SCHEMA_MESSAGES, or of the messages a caller adds for its own kind of file. */
  messageId: SchemaMessageId | (string & {});
  data: Record<string, string>;
  /** Data path of what is reported (mapping keys and sequence indexes). */
  path: (string | number)[];
  /** Report on the key (unknown, misnamed or missing keys) or on the value (wrong type, value or form). */
  target: 'key' | 'value';
  /** For an unknown key: the allowed key it most likely means. */
  suggestion?: string;
}

export interface ViolationOptions {
  /** Values that stand for something decided later (compose `${VAR}`): checks of a scalar's type or value skip them. */
  isPlaceholder?: (value: unknown) => boolean;
  /**
   * Whether an empty value means "not set" (Kubernetes optional fields): the schema then allows null everywhere a
   * field is optional, and saying "or an empty value" in every message would only be noise.
   */
  nullMeansUnset?: boolean;
}

/** Keywords that judge a scalar's value; a placeholder may turn into anything, so they do not apply to it. */
const VALUE_KEYWORDS = new Set(['enum', 'const', 'pattern', 'format', 'minimum', 'maximum', 'exclusiveMinimum', 'exclusiveMaximum', 'minLength', 'maxLength']);
const SCALAR_TYPES = new Set(['string', 'number', 'integer', 'boolean', 'null']);

/**
 * Turns the errors of an Ajv validator built with `allErrors` and `verbose` into one violation per location.
 * A failed `oneOf`/`anyOf` is reported once: through the errors of the branch whose type fits the value (a `devices`
 * item as a mapping: its missing `source`), or, when no branch fits, as one "expected a string or a list" at the value.
 */
export function schemaViolations(errors: readonly ErrorObject[], data: unknown, options: ViolationOptions = {}): SchemaViolation[] {
  const violations = new Map<string, SchemaViolation>();
  const missingKeys = new Map<string, string[]>();
  for (const error of collapseAlternatives(errors)) {
    const { path, value } = locate(data, error.instancePath);
    const violation = toViolation(error, path, value, options);
    if (!violation) continue;
    const location = `${violation.target}\u0000${violation.path.join('\u0000')}`;
    const existing = violations.get(location);
    if (existing?.messageId === 'missingKeys' && violation.messageId === 'missingKeys') {
      const keys = missingKeys.get(location)!;
      keys.push(String(error.params.missingProperty));
      existing.data.keys = keyList(keys);
    } else if (!existing) {
      if (violation.messageId === 'missingKeys') missingKeys.set(location, [String(error.params.missingProperty)]);
      violations.set(location, violation);
    }
  }
  return [...violations.values()];
}

interface TypeErrorParams {
  type: string | string[];
}

/**
 * Drops the noise of alternatives: at a location with a failed `oneOf`/`anyOf`, either some branch accepted the
 * value's type (it left other errors there or below, which are the useful ones), or none did and the branches'
 * type errors become one error listing every accepted type.
 */
function collapseAlternatives(errors: readonly ErrorObject[]): ErrorObject[] {
  const failedAt = new Set(errors.filter(isFailedAlternative).map((error) => error.instancePath));
  if (failedAt.size === 0) return [...errors];
  const instancePaths = new Set(errors.map((error) => error.instancePath));
  const decided = new Map<string, boolean>();
  const branchFitted = (at: string): boolean => {
    let fitted = decided.get(at);
    if (fitted === undefined) {
      fitted =
        errors.some((other) => other.instancePath === at && other.keyword !== 'type' && !isFailedAlternative(other)) ||
        [...instancePaths].some((other) => other.startsWith(`${at}/`));
      decided.set(at, fitted);
    }
    return fitted;
  };
  const merged = new Set<string>();
  const result: ErrorObject[] = [];
  for (const error of errors) {
    const at = error.instancePath;
    if (!failedAt.has(at) || (error.keyword !== 'type' && !isFailedAlternative(error))) result.push(error);
    else if (!branchFitted(at) && !merged.has(at)) {
      merged.add(at);
      const types = errors
        .filter((other) => other.instancePath === at && other.keyword === 'type')
        .flatMap((other) => typesOf(other.params as TypeErrorParams));
      result.push({ ...error, keyword: 'type', params: { type: types } });
    }
  }
  return result;
}

function isFailedAlternative(error: ErrorObject): boolean {
  return (error.keyword === 'oneOf' || error.keyword === 'anyOf') && !Array.isArray(error.params.passingSchemas);
}

function typesOf(params: TypeErrorParams): string[] {
  return Array.isArray(params.type) ? params.type : params.type.split(',');
}

function toViolation(error: ErrorObject, path: (string | number)[], value: unknown, options: ViolationOptions): SchemaViolation | undefined {
  const where = describePath(path);
  const placeholder = options.isPlaceholder?.(value) ?? false;
  const params = error.params as Record<string, unknown>;
  switch (error.keyword) {
    case 'additionalProperties':
      return unknownKey(String(params.additionalProperty), path, error.parentSchema);
    case 'required':
      return { messageId: 'missingKeys', data: { where, keys: keyList([String(params.missingProperty)]) }, path, target: 'key' };
    case 'type': {
      const types = typesOf(params as unknown as TypeErrorParams);
      if (placeholder && types.some((type) => SCALAR_TYPES.has(type))) return undefined;
      const shown = options.nullMeansUnset ? types.filter((type) => type !== 'null') : types;
      const expected = namedType(error.parentSchema) ?? expectedTypes(shown);
      return { messageId: 'wrongType', data: { where, expected, actual: describeValue(value) }, path, target: 'value' };
    }
    case 'uniqueItems': {
      const [first, repeat] = [Number(params.j), Number(params.i)].sort((a, b) => a - b) as [number, number];
      return { messageId: 'duplicate', data: { where: describePath([...path, repeat]), first: `item [${first}]` }, path: [...path, repeat], target: 'value' };
    }
    case 'oneOf':
    case 'anyOf':
      return { messageId: 'ambiguous', data: { where }, path, target: 'value' };
  }
  if (VALUE_KEYWORDS.has(error.keyword) && placeholder) return undefined;
  const actual = describeValue(value);
  switch (error.keyword) {
    case 'enum': {
      const values = params.allowedValues as unknown[];
      const shown = options.nullMeansUnset ? values.filter((allowed) => allowed !== null) : values;
      return { messageId: 'notAllowed', data: { where, expected: allowedValues(shown), actual }, path, target: 'value' };
    }
    case 'const':
      return { messageId: 'notAllowed', data: { where, expected: allowedValues([params.allowedValue]), actual }, path, target: 'value' };
    case 'pattern': {
      const expected = namedType(error.parentSchema);
      if (expected) return { messageId: 'wrongType', data: { where, expected, actual }, path, target: 'value' };
      return { messageId: 'pattern', data: { where, actual, pattern: `/${params.pattern}/` }, path, target: 'value' };
    }
    case 'minimum':
    case 'maximum':
    case 'exclusiveMinimum':
    case 'exclusiveMaximum':
      return { messageId: 'outOfRange', data: { where, comparison: String(params.comparison), limit: String(params.limit), actual }, path, target: 'value' };
    default:
      return { messageId: 'other', data: { where, keyword: error.keyword }, path, target: 'value' };
  }
}

interface ObjectSchema {
  properties?: Record<string, unknown>;
  patternProperties?: Record<string, unknown>;
}

function unknownKey(key: string, objectPath: (string | number)[], parentSchema: unknown): SchemaViolation {
  const schema = (parentSchema ?? {}) as ObjectSchema;
  const path = [...objectPath, key];
  const where = objectPath.length === 0 ? 'at the top level' : `in ${describePath(objectPath)}`;
  if (key === '') return { messageId: 'emptyKey', data: { where }, path, target: 'key' };
  const names = Object.keys(schema.properties ?? {});
  const patterns = Object.keys(schema.patternProperties ?? {});
  const extensions = patterns.includes('^x-');
  const namePatterns = patterns.filter((pattern) => pattern !== '^x-');
  if (names.length === 0 && namePatterns.length > 0) {
    return {
      messageId: 'badName',
      data: { key, where: describePath(objectPath), rule: namePatterns.map(describeNamePattern).join('; or ') },
      path,
      target: 'key',
    };
  }
  const suggestion = closestName(key, names);
  if (suggestion) return { messageId: 'unknownKeySuggestion', data: { key, where, suggestion }, path, target: 'key', suggestion };
  const advice = extensions
    ? ` Remove it, or rename it ${quote(`x-${key}`)} if it is an extension field.`
    : names.length > 0 && names.length <= 8
      ? ` Allowed: ${names.join(', ')}.`
      : ' Remove it.';
  return { messageId: 'unknownKey', data: { key, where, advice }, path, target: 'key' };
}

/** The data path of an Ajv `instancePath`, with sequence indexes as numbers, and the value there. */
function locate(data: unknown, instancePath: string): { path: (string | number)[]; value: unknown } {
  const path: (string | number)[] = [];
  let value = data;
  for (const segment of pathOfInstancePath(instancePath)) {
    const isIndex = Array.isArray(value);
    path.push(isIndex ? Number(segment) : segment);
    value = value !== null && typeof value === 'object' ? (value as Record<string, unknown>)[segment] : undefined;
  }
  return { path, value };
}

/** A copy of the data with one key renamed in its place. */
export function withRenamedKey(data: unknown, objectPath: readonly (string | number)[], from: string, to: string): unknown {
  if (data === null || typeof data !== 'object') return data;
  if (objectPath.length === 0) {
    return Object.fromEntries(Object.entries(data).map(([key, value]) => [key === from ? to : key, value]));
  }
  const [head, ...rest] = objectPath;
  if (Array.isArray(data)) return data.map((item, index) => (index === head ? withRenamedKey(item, rest, from, to) : item));
  const record = data as Record<string, unknown>;
  return { ...record, [head!]: withRenamedKey(record[head!], rest, from, to) };
}

/**
 * Whether renaming the key `from` of the mapping at `objectPath` to `to` leaves fewer violations and none under
 * the new key: the test a did-you-mean rename must pass before it is offered as a fix.
 */
export function renameHelps(after: readonly SchemaViolation[], objectPath: readonly (string | number)[], to: string, violationCount: number): boolean {
  const renamed = [...objectPath, to];
  return after.length < violationCount && !after.some((violation) => renamed.every((segment, index) => violation.path[index] === segment));
}
