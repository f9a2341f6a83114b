import spec from '../../../schemas/compose/compose-spec.json';

/** The parts of a JSON Schema (draft 7) the editor reads: what a value may hold, and the words that describe it. */
export interface JsonSchema {
  $ref?: string;
  description?: string;
  type?: string | string[];
  enum?: readonly unknown[];
  const?: unknown;
  default?: unknown;
  deprecated?: boolean;
  properties?: Readonly<Record<string, JsonSchema>>;
  patternProperties?: Readonly<Record<string, JsonSchema>>;
  additionalProperties?: boolean | JsonSchema;
  required?: readonly string[];
  items?: JsonSchema | readonly JsonSchema[];
  oneOf?: readonly JsonSchema[];
  anyOf?: readonly JsonSchema[];
  allOf?: readonly JsonSchema[];
  definitions?: Readonly<Record<string, JsonSchema>>;
}

/** One schema a value may satisfy, with the description that best says what the value is for. */
export interface SchemaBranch {
  schema: JsonSchema;
  /** The outermost description on the way here: a property's own words beat those of the definition it refers to. */
  description?: string;
  deprecated: boolean;
}

/** What the schemas of one place say, put together for a hover or a completion's documentation. */
export interface SchemaSummary {
  description?: string;
  /** JSON types the value may have (`string`, `object`…), in the schema's order. */
  types: string[];
  /** Allowed values (`enum`/`const` of any branch). */
  values: unknown[];
  deprecated: boolean;
}

/** Deeper `$ref` chains are a loop, not a schema. */
const MAX_DEPTH = 32;

/**
 * Reads a JSON Schema as data: the schemas a value at a YAML path may have to satisfy, `$ref`s followed and
 * `oneOf`/`anyOf`/`allOf` branches spread, so that completions and hovers ask it what a place allows.
 */
export class SchemaNavigator {
  private readonly patterns = new Map<string, RegExp | undefined>();

  constructor(private readonly root: JsonSchema) {}

  /** Every branch the value at `path` may match; none when the schema says nothing about that place. */
  at(path: readonly (string | number)[]): SchemaBranch[] {
    let branches = this.expand(this.root, undefined, false, 0);
    for (const segment of path) {
      branches = branches.flatMap((branch) => this.children(branch.schema, segment).flatMap((child) => this.expand(child, undefined, false, 0)));
      if (branches.length === 0) break;
    }
    return branches;
  }

  /** The named properties a mapping with these branches may hold, each with its own branches, in schema order. */
  properties(branches: readonly SchemaBranch[]): Map<string, SchemaBranch[]> {
    const properties = new Map<string, SchemaBranch[]>();
    for (const { schema } of branches) {
      for (const [name, property] of Object.entries(schema.properties ?? {})) {
        properties.set(name, [...(properties.get(name) ?? []), ...this.expand(property, undefined, false, 0)]);
      }
    }
    return properties;
  }

  summary(branches: readonly SchemaBranch[]): SchemaSummary {
    const types = new Set<string>();
    const values: unknown[] = [];
    for (const { schema } of branches) {
      for (const type of typesOf(schema)) types.add(type);
      for (const value of [...(schema.enum ?? []), ...('const' in schema ? [schema.const] : [])]) if (!values.includes(value)) values.push(value);
    }
    const description = branches.find((branch) => branch.description)?.description;
    return {
      ...(description ? { description } : {}),
      types: [...types],
      values,
      deprecated: branches.length > 0 && branches.every((branch) => branch.deprecated),
    };
  }

  private children(schema: JsonSchema, segment: string | number): JsonSchema[] {
    if (typeof segment === 'number') {
      const { items } = schema;
      if (Array.isArray(items)) return items[segment] ? [items[segment]] : [];
      return items ? [items as JsonSchema] : [];
    }
    const property = schema.properties?.[segment];
    if (property) return [property];
    const matching = Object.entries(schema.patternProperties ?? {}).flatMap(([pattern, child]) => (this.pattern(pattern)?.test(segment) ? [child] : []));
    if (matching.length > 0) return matching;
    return typeof schema.additionalProperties === 'object' ? [schema.additionalProperties] : [];
  }

  private expand(schema: JsonSchema, outerDescription: string | undefined, outerDeprecated: boolean, depth: number): SchemaBranch[] {
    if (depth > MAX_DEPTH) return [];
    const description = outerDescription ?? schema.description;
    const deprecated = outerDeprecated || schema.deprecated === true;
    const branches: SchemaBranch[] = [];
    if (schema.$ref) {
      const target = this.resolve(schema.$ref);
      if (target) branches.push(...this.expand(target, description, deprecated, depth + 1));
    }
    const alternatives = [...(schema.oneOf ?? []), ...(schema.anyOf ?? []), ...(schema.allOf ?? [])];
    for (const alternative of alternatives) branches.push(...this.expand(alternative, description, deprecated, depth + 1));
    // A schema that only points elsewhere says nothing itself; one with its own constraints is a branch too.
    if (!schema.$ref && alternatives.length === 0) branches.push({ schema, ...(description ? { description } : {}), deprecated });
    else if (schema.type || schema.properties || schema.enum) branches.push({ schema, ...(description ? { description } : {}), deprecated });
    return branches;
  }

  /** A local reference (`#/definitions/service`); others cannot be followed without the network. */
  private resolve(reference: string): JsonSchema | undefined {
    if (!reference.startsWith('#')) return undefined;
    let node: unknown = this.root;
    for (const part of reference.slice(1).split('/').filter(Boolean)) {
      const key = decodeURIComponent(part).replace(/~1/g, '/').replace(/~0/g, '~');
      node = typeof node === 'object' && node !== null ? (node as Record<string, unknown>)[key] : undefined;
    }
    return typeof node === 'object' && node !== null ? (node as JsonSchema) : undefined;
  }

  private pattern(source: string): RegExp | undefined {
    if (!this.patterns.has(source)) {
      let pattern: RegExp | undefined;
      try {
        pattern = new RegExp(source, 'u');
      } catch {
        pattern = undefined;
      }
      this.patterns.set(source, pattern);
    }
    return this.patterns.get(source);
  }
}

function typesOf(schema: JsonSchema): string[] {
  if (Array.isArray(schema.type)) return schema.type;
  if (typeof schema.type === 'string') return [schema.type];
  if (schema.properties || schema.patternProperties) return ['object'];
  if (schema.items) return ['array'];
  return [];
}

/** The compose-spec schema (generated from dclint's copy by scripts/composeSchema.mjs at build time). */
export const composeSchema = new SchemaNavigator(spec as JsonSchema);
