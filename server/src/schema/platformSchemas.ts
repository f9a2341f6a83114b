import type { ValidateFunction } from 'ajv';
import { schemaViolations, type SchemaViolation } from './schemaViolations';

/**
 * Checks the plain data of a Render Blueprint or a railway.json against the schemas written for them
 * (schemas/render, schemas/railway), precompiled at build time (scripts/platformSchemas.mjs).
 */
export function renderSchemaViolations(data: unknown): SchemaViolation[] {
  render ??= require('./generated/renderValidator.cjs') as ValidateFunction;
  return violations(render, data);
}

export function railwaySchemaViolations(data: unknown): SchemaViolation[] {
  railway ??= require('./generated/railwayValidator.cjs') as ValidateFunction;
  return violations(railway, data);
}

// Loaded with the first file of their kind: most workspaces have neither.
let render: ValidateFunction | undefined;
let railway: ValidateFunction | undefined;

function violations(validate: ValidateFunction, data: unknown): SchemaViolation[] {
  return validate(data) ? [] : schemaViolations(validate.errors ?? [], data);
}
