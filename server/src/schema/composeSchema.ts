import type { ValidateFunction } from 'ajv';
import { hasVariable } from '../parsing/imageReference';
import { schemaViolations, type SchemaViolation } from './schemaViolations';

/**
 * Checks one compose document's plain data (`toJS()`) against the compose-spec schema dclint 3.x ships,
 * precompiled at build time (scripts/composeSchema.mjs).
 */
export function composeSchemaViolations(data: unknown): SchemaViolation[] {
  const checked = withoutVersion(data);
  const validateCompose = composeValidator();
  if (validateCompose(checked)) return [];
  return schemaViolations(validateCompose.errors ?? [], checked, { isPlaceholder: isInterpolated }).map((violation) => asLegacyService(violation, checked));
}

let validator: ValidateFunction | undefined;

/** Loaded with the first compose file: evaluating the large generated module would slow every start-up. */
function composeValidator(): ValidateFunction {
  validator ??= require('./generated/composeValidator.cjs') as ValidateFunction;
  return validator;
}

/** Messages of compose files beyond the schema's own words. */
export const COMPOSE_SCHEMA_MESSAGES = {
  serviceOutsideServices:
    '"{{key}}" looks like a service written at the top level, as the version 1 file format did; Compose no longer reads that format: move it under "services:".',
} as const;

/** A top-level mapping with `image` or `build` is a service of a version 1 file: saying so helps more than "unknown key". */
function asLegacyService(violation: SchemaViolation, data: unknown): SchemaViolation {
  if (violation.messageId !== 'unknownKey' || violation.path.length !== 1) return violation;
  const value = (data as Record<string, unknown>)[violation.path[0]!];
  if (value === null || typeof value !== 'object' || !('image' in value || 'build' in value)) return violation;
  return { ...violation, messageId: 'serviceOutsideServices', data: { key: String(violation.path[0]) } };
}

/**
 * Compose drops the obsolete top-level `version` before validating, whatever its type
 * (compose/obsolete-version reports the key itself).
 */
function withoutVersion(data: unknown): unknown {
  if (data === null || typeof data !== 'object' || Array.isArray(data) || !('version' in data)) return data;
  const { version: _obsolete, ...rest } = data as Record<string, unknown>;
  return rest;
}

/**
 * A value Compose interpolates (`${PORT:-80}`, `$HOME`) only has its type and value once the variables are known,
 * and Compose converts such strings where the field needs a number or boolean; `$$` is a literal dollar.
 */
export function isInterpolated(value: unknown): boolean {
  return typeof value === 'string' && value.includes('$') && hasVariable(value.replaceAll('$$', ''));
}
