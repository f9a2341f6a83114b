// Build step: the offline Kubernetes schema. kubernetes-models (Kubernetes 1.36 OpenAPI, MIT) ships TypeScript
// declarations and precompiled validators but no JSON Schema, and its validators accept unknown fields; this script
// reads the declarations with the TypeScript parser (properties, descriptions, required fields, enums), asks the
// package's own validators what the declarations cannot say (integer or number, base64 strings), closes every object
// (additionalProperties: false) and writes:
//   schemas/kubernetes/             _definitions.json, index.json and one schema per apiVersion/kind (git-ignored);
//   server/src/schema/generated/kubernetes/  standalone Ajv validators, one module per group of kinds (loaded on
//                                   first use), the kind index and the definitions the editor features read.
// Everything is rewritten only when it changes. The packages are ESM-only and declare Node >= 22: this script only
// reads their files and import()s their validators, which Node 20 does.
// Usage: node scripts/kubernetesSchema.mjs  (esbuild.mjs and `npm ci` run it).
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { writeIfChanged } from './standaloneValidator.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

export const SCHEMA_FOLDER = join(root, 'schemas', 'kubernetes');
export const GENERATED_FOLDER = join(root, 'server', 'src', 'schema', 'generated', 'kubernetes');

// Bump when the output changes for another reason than the packages, Ajv or this file's options.
const GENERATOR_VERSION = 1;

/** Where the declarations come from, and which of their kinds become schemas. */
const PACKAGES = [
  { name: 'kubernetes-models', kinds: () => true },
  { name: '@kubernetes-models/apimachinery', kinds: () => false },
  // Knative Serving is what Cloud Run runs; the package's other Knative APIs (eventing, operator) are out of scope.
  { name: '@kubernetes-models/knative', kinds: (apiVersion) => apiVersion === 'serving.knative.dev/v1' },
];

/**
 * Kubernetes' own quantity syntax (apimachinery resource/quantity.go): a signed decimal with an optional binary SI
 * (Ki…Ei), decimal SI (n, u, m, k, M, G, T, P, E) or exponent suffix. kubernetes-models accepts a few more suffixes
 * (da, h, Y…) that the API server refuses.
 */
export const QUANTITY_PATTERN = '^[+-]?(\\d+(\\.\\d*)?|\\.\\d+)([KMGTPE]i|[numkMGTPE]|[eE][+-]?(\\d+(\\.\\d*)?|\\.\\d+))?$';
const BASE64_PATTERN = '^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$';
const INT32 = { minimum: -2147483648, maximum: 2147483647 };

/** Definitions that are not objects with fields: their JSON Schema is written here (`x-type-name` names them in messages). */
const SPECIAL_TYPES = {
  IoK8sApimachineryPkgUtilIntstrIntOrString: { type: ['integer', 'string'], 'x-type-name': 'int-or-string' },
  IoK8sApimachineryPkgApiResourceQuantity: { type: ['string', 'number'], pattern: QUANTITY_PATTERN, 'x-type-name': 'quantity' },
  IoK8sApimachineryPkgApisMetaV1Time: { type: 'string' },
  IoK8sApimachineryPkgApisMetaV1MicroTime: { type: 'string' },
};

/**
 * Where the declarations say less than Knative does: a Knative Service names its containers itself, so `name` is
 * optional in `spec.template.spec.containers` (knative.dev/serving, pkg/apis/serving/k8s_validation.go).
 */
const KNATIVE_CONTAINER = 'DevKnativeServingPkgApisServingV1RevisionContainer';

/** `verbose` puts each failing keyword's schema on its error (the allowed keys of an object); our words replace Ajv's. */
const AJV_OPTIONS = { allErrors: true, strict: false, allowUnionTypes: true, verbose: true, messages: false, code: { source: true } };

/**
 * Kinds validated by one generated module; a module is loaded when its first kind is checked. The kinds that embed
 * a pod spec share one (the pod spec is most of every such validator), the others go by API group.
 */
function moduleOf(apiVersion, definition, definitions) {
  if (embedsPodSpec(definition, definitions)) return 'workloads';
  const group = apiVersion.includes('/') ? apiVersion.split('/')[0] : 'core';
  return group.replace(/\.k8s\.io$/, '').replace(/[^a-z0-9]+/g, '-');
}

function embedsPodSpec(name, definitions, seen = new Set()) {
  if (name === 'IoK8sApiCoreV1PodSpec') return true;
  if (seen.has(name)) return false;
  seen.add(name);
  return referencesOf(definitions[name]).some((reference) => embedsPodSpec(reference, definitions, seen));
}

// ---------------------------------------------------------------------------------------------------------------
// Reading the declarations

/** The folder of an installed package (its exports do not include package.json). */
function packageFolder(name) {
  const folder = join(root, 'node_modules', ...name.split('/'));
  if (!existsSync(join(folder, 'package.json'))) throw new Error(`${name} is not installed: run npm ci`);
  return folder;
}

function packageVersion(name) {
  return JSON.parse(readFileSync(join(packageFolder(name), 'package.json'), 'utf8')).version;
}

function* declarationFiles(folder) {
  for (const entry of readdirSync(folder).sort()) {
    const path = join(folder, entry);
    if (statSync(path).isDirectory()) {
      if (entry !== '_schemas' && entry !== 'node_modules') yield* declarationFiles(path);
    } else if (entry.endsWith('.d.ts')) yield path;
  }
}

/**
 * Every interface and type alias the packages export under a canonical name (`export type { IDeployment as
 * IIoK8sApiAppsV1Deployment }`; the name without its first `I` is the package's `_schemas/` module), with the
 * package it comes from.
 */
async function readDeclarations() {
  const { default: ts } = await import('typescript');
  const declarations = new Map();
  for (const pkg of PACKAGES) {
    const folder = packageFolder(pkg.name);
    for (const file of declarationFiles(folder)) {
      const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true);
      const canonical = new Map();
      for (const statement of source.statements) {
        if (!ts.isExportDeclaration(statement) || !statement.exportClause || !ts.isNamedExports(statement.exportClause)) continue;
        for (const element of statement.exportClause.elements) {
          const local = element.propertyName?.text;
          if (local && element.name.text.startsWith('I')) canonical.set(local, element.name.text.slice(1));
        }
      }
      const resolve = (name) => canonical.get(name) ?? (name.startsWith('I') ? name.slice(1) : name);
      for (const statement of source.statements) {
        const isInterface = ts.isInterfaceDeclaration(statement);
        if (!isInterface && !ts.isTypeAliasDeclaration(statement)) continue;
        const name = canonical.get(statement.name.text);
        if (!name || declarations.has(name)) continue;
        declarations.set(name, {
          name,
          package: pkg,
          file: relative(root, file),
          description: jsDocOf(ts, statement),
          ...(isInterface
            ? {
                extends: (statement.heritageClauses ?? []).flatMap((clause) => clause.types.map((type) => resolve(type.expression.getText(source)))),
                properties: statement.members.filter(ts.isPropertySignature).map((member) => ({
                  name: member.name.text ?? member.name.getText(source),
                  description: jsDocOf(ts, member),
                  optional: member.questionToken !== undefined,
                  type: typeOf(ts, member.type, resolve, source),
                })),
              }
            : { alias: typeOf(ts, statement.type, resolve, source) }),
        });
      }
    }
  }
  return declarations;
}

function jsDocOf(ts, node) {
  const docs = ts.getJSDocCommentsAndTags(node).filter(ts.isJSDoc);
  const text = docs
    .map((doc) => ts.getTextOfJSDocComment(doc.comment) ?? '')
    .join('\n')
    .trim();
  return text || undefined;
}

/** A declared type as a small tree: string, number, boolean, literal enum, array, map, object or reference. */
function typeOf(ts, node, resolve, source) {
  switch (node.kind) {
    case ts.SyntaxKind.StringKeyword:
      return { kind: 'string' };
    case ts.SyntaxKind.NumberKeyword:
      return { kind: 'number' };
    case ts.SyntaxKind.BooleanKeyword:
      return { kind: 'boolean' };
    case ts.SyntaxKind.LiteralType:
      return { kind: 'enum', values: [literalOf(ts, node, source)] };
    case ts.SyntaxKind.UnionType: {
      const members = node.types.map((type) => typeOf(ts, type, resolve, source));
      if (members.every((member) => member.kind === 'enum')) return { kind: 'enum', values: members.flatMap((member) => member.values) };
      const kinds = members.map((member) => member.kind).sort();
      if (kinds.join() === 'number,string') return { kind: 'number-or-string' };
      throw new Error(`${source.fileName}: unsupported union ${node.getText(source)}`);
    }
    case ts.SyntaxKind.TypeReference: {
      const name = node.typeName.getText(source);
      if (name === 'Array') return { kind: 'array', items: typeOf(ts, node.typeArguments[0], resolve, source) };
      return { kind: 'reference', name: resolve(name) };
    }
    case ts.SyntaxKind.TypeLiteral: {
      const index = node.members.find(ts.isIndexSignatureDeclaration);
      if (index) return { kind: 'map', values: typeOf(ts, index.type, resolve, source) };
      return {
        kind: 'object',
        properties: node.members.filter(ts.isPropertySignature).map((member) => ({
          name: member.name.text,
          description: jsDocOf(ts, member),
          optional: member.questionToken !== undefined,
          type: typeOf(ts, member.type, resolve, source),
        })),
      };
    }
    default:
      throw new Error(`${source.fileName}: unsupported type ${node.getText(source)}`);
  }
}

function literalOf(ts, node, source) {
  const literal = node.literal;
  if (ts.isStringLiteral(literal)) return literal.text;
  if (ts.isNumericLiteral(literal)) return Number(literal.text);
  if (literal.kind === ts.SyntaxKind.TrueKeyword) return true;
  if (literal.kind === ts.SyntaxKind.FalseKeyword) return false;
  throw new Error(`${source.fileName}: unsupported literal ${node.getText(source)}`);
}

/** The top-level kinds: interfaces whose `apiVersion` and `kind` are single required literals. */
function kindsOf(declarations) {
  const kinds = [];
  for (const declaration of declarations.values()) {
    const literal = (name) => {
      const property = declaration.properties?.find((candidate) => candidate.name === name);
      return property && !property.optional && property.type.kind === 'enum' && property.type.values.length === 1 ? property.type.values[0] : undefined;
    };
    const apiVersion = literal('apiVersion');
    const kind = literal('kind');
    if (typeof apiVersion !== 'string' || typeof kind !== 'string' || !declaration.package.kinds(apiVersion)) continue;
    kinds.push({ apiVersion, kind, definition: declaration.name });
  }
  const seen = new Set();
  return kinds
    .sort((a, b) => a.apiVersion.localeCompare(b.apiVersion) || a.kind.localeCompare(b.kind))
    .filter(({ apiVersion, kind }) => {
      const key = `${apiVersion} ${kind}`;
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    });
}

// ---------------------------------------------------------------------------------------------------------------
// Asking the package's validators

/**
 * The declarations say `number` for integers and doubles alike, and `string` for base64 data; the package's
 * validators know. For each such property, a sample value is validated against its definition's own validator:
 * a `type: integer` or `format: byte` error at the property answers.
 */
async function probeFormats(declarations, reachable) {
  const formats = new Map();
  for (const name of reachable) {
    const declaration = declarations.get(name);
    if (!declaration?.properties) continue;
    let validate;
    for (const property of allProperties(declaration, declarations)) {
      const sample = sampleOf(property.type);
      if (sample === undefined) continue;
      validate ??= await packageValidator(declaration);
      if (!validate) break;
      validate({ [property.name]: sample.value });
      const at = `/${property.name.replaceAll('~', '~0').replaceAll('/', '~1')}${sample.suffix}`;
      const errors = (validate.errors ?? []).filter((error) => error.instancePath === at);
      const found = errors.find((error) => error.keyword === 'format' && error.params.format !== 'double')?.params.format;
      const integer = errors.some((error) => error.keyword === 'type' && error.params.type === 'integer');
      if (integer || found) formats.set(`${name}.${property.name}`, integer ? (found ?? 'int64') : found);
    }
  }
  return formats;
}

/** A value that a stricter format than the declared type refuses, and where it lands under the property. */
function sampleOf(type) {
  if (type.kind === 'number') return { value: 0.5, suffix: '' };
  if (type.kind === 'string') return { value: '!', suffix: '' };
  if (type.kind === 'array' && (type.items.kind === 'number' || type.items.kind === 'string')) {
    const inner = sampleOf(type.items);
    return { value: [inner.value], suffix: '/0' };
  }
  if (type.kind === 'map' && (type.values.kind === 'number' || type.values.kind === 'string')) {
    const inner = sampleOf(type.values);
    return { value: { probe: inner.value }, suffix: '/probe' };
  }
  return undefined;
}

async function packageValidator(declaration) {
  const file = join(packageFolder(declaration.package.name), '_schemas', `${declaration.name}.js`);
  if (!existsSync(file)) return undefined;
  const module = await import(pathToFileURL(file).href);
  return module.validate;
}

// ---------------------------------------------------------------------------------------------------------------
// Writing JSON Schema

/** The definition names a schema refers to. */
function referencesOf(schema) {
  const found = [];
  const visit = (node) => {
    if (Array.isArray(node)) node.forEach(visit);
    else if (node && typeof node === 'object') {
      if (typeof node.$ref === 'string') found.push(node.$ref.replace('#/definitions/', ''));
      for (const [key, value] of Object.entries(node)) if (key !== 'enum') visit(value);
    }
  };
  visit(schema);
  return found;
}

/**
 * A property's schema. An optional field may be written `null` (Kubernetes reads it as unset; `kubectl create
 * --dry-run -o yaml` writes `creationTimestamp: null`), so optional fields also allow null.
 */
function propertySchema(type, context, nullable) {
  const schema = typeSchema(type, context);
  if (!nullable) return schema;
  if (schema.enum) return { ...schema, type: [schema.type, 'null'].flat(), enum: [...schema.enum, null] };
  if (schema.type) return { ...schema, type: [schema.type, 'null'].flat() };
  return schema;
}

function typeSchema(type, context) {
  switch (type.kind) {
    case 'string': {
      const format = context.formats.get(context.at);
      return format === 'byte' ? { type: 'string', pattern: BASE64_PATTERN, 'x-type-name': 'base64' } : { type: 'string' };
    }
    case 'number': {
      const format = context.formats.get(context.at);
      if (format === 'int32') return { type: 'integer', ...INT32 };
      return { type: format === 'int64' ? 'integer' : 'number' };
    }
    case 'boolean':
      return { type: 'boolean' };
    case 'enum': {
      const types = [...new Set(type.values.map((value) => typeof value))];
      return { type: types.length === 1 ? types[0] : types, enum: type.values };
    }
    case 'number-or-string':
      return { type: ['number', 'string'] };
    case 'array':
      return { type: 'array', items: typeSchema(type.items, context) };
    case 'map':
      return { type: 'object', additionalProperties: typeSchema(type.values, context) };
    case 'object':
      return { type: 'object', ...objectSchema(type.properties, context) };
    case 'reference': {
      const special = SPECIAL_TYPES[type.name];
      if (special) return special;
      const alias = context.aliasOf(type.name);
      if (alias) return typeSchema(alias, context);
      if (context.opaque(type.name)) return {};
      return { type: 'object', $ref: `#/definitions/${type.name}` };
    }
    default:
      throw new Error(`unknown type ${type.kind}`);
  }
}

function objectSchema(properties, context) {
  const required = properties.filter((property) => !property.optional).map((property) => property.name);
  return {
    properties: Object.fromEntries(
      properties.map((property) => {
        const schema = propertySchema(property.type, { ...context, at: `${context.owner}.${property.name}` }, property.optional);
        return [property.name, property.description ? { description: property.description, ...schema } : schema];
      }),
    ),
    ...(required.length > 0 ? { required } : {}),
    additionalProperties: false,
  };
}

/** An interface's properties with those of the interfaces it extends (Knative's RevisionSpec extends PodSpec). */
function allProperties(declaration, declarations) {
  const inherited = declaration.extends
    .map((name) => declarations.get(name))
    .filter((parent) => parent?.properties)
    .flatMap((parent) => allProperties(parent, declarations));
  const own = new Set(declaration.properties.map((property) => property.name));
  return [...inherited.filter((property) => !own.has(property.name)), ...declaration.properties];
}

/**
 * Definitions reachable from the kinds. An interface without fields (RawExtension, JSON, FieldsV1) holds any data:
 * it becomes `{}` where it is used, never a closed object.
 */
async function buildDefinitions(declarations, kinds) {
  // A type alias (Knative's URL is a string) is written where it is used.
  const aliasOf = (name) => (SPECIAL_TYPES[name] ? undefined : declarations.get(name)?.alias);
  const opaque = (name) => {
    const declaration = declarations.get(name);
    if (!declaration) throw new Error(`no declaration for ${name}`);
    return (
      declaration.properties !== undefined &&
      declaration.properties.length === 0 &&
      declaration.extends.every((parent) => parent === 'TypeMeta' || opaque(parent))
    );
  };
  const reachable = new Set();
  const pending = kinds.map((kind) => kind.definition);
  // First pass: which definitions the kinds reach, to probe only those.
  const collect = (type) => {
    if (type.kind === 'array') collect(type.items);
    else if (type.kind === 'map') collect(type.values);
    else if (type.kind === 'object') for (const property of type.properties) collect(property.type);
    else if (type.kind === 'reference' && aliasOf(type.name)) collect(aliasOf(type.name));
    else if (type.kind === 'reference' && !SPECIAL_TYPES[type.name] && !opaque(type.name)) pending.push(type.name);
  };
  while (pending.length > 0) {
    const name = pending.pop();
    if (reachable.has(name)) continue;
    reachable.add(name);
    for (const property of allProperties(declarations.get(name), declarations)) collect(property.type);
  }
  const formats = await probeFormats(declarations, reachable);
  const definitions = {};
  for (const name of [...reachable].sort()) {
    const declaration = declarations.get(name);
    const schema = objectSchema(allProperties(declaration, declarations), { formats, opaque, aliasOf, owner: name });
    definitions[name] = declaration.description ? { description: declaration.description, ...schema } : schema;
  }
  addKnativeContainer(definitions);
  return definitions;
}

function addKnativeContainer(definitions) {
  const revisionSpec = definitions.DevKnativeServingPkgApisServingV1RevisionSpec;
  const container = definitions.IoK8sApiCoreV1Container;
  if (!revisionSpec || !container) return;
  const required = container.required.filter((name) => name !== 'name');
  definitions[KNATIVE_CONTAINER] = {
    ...container,
    description: `${container.description} In a Knative Service the name is optional: Knative names the container.`,
    ...(required.length > 0 ? { required } : {}),
  };
  if (required.length === 0) delete definitions[KNATIVE_CONTAINER].required;
  for (const field of ['containers', 'initContainers']) {
    const items = revisionSpec.properties[field]?.items;
    if (items?.$ref === '#/definitions/IoK8sApiCoreV1Container') items.$ref = `#/definitions/${KNATIVE_CONTAINER}`;
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Output

function fileNameOf(apiVersion, kind) {
  return `${apiVersion.replace(/[./]/g, '-')}-${kind.toLowerCase()}.json`;
}

/** The generated folders hold only what this run wrote: files of kinds that are gone are removed. */
function removeStale(folder, keep) {
  if (!existsSync(folder)) return;
  for (const entry of readdirSync(folder)) if (!keep.has(entry) && entry !== 'LICENSE') rmSync(join(folder, entry));
}

/** What the output is generated from: when it is unchanged, so is the output. */
function stamp() {
  const versions = PACKAGES.map((pkg) => `${pkg.name}@${packageVersion(pkg.name)}`);
  const ajvVersion = JSON.parse(readFileSync(join(root, 'node_modules', 'ajv', 'package.json'), 'utf8')).version;
  const self = createHash('sha256')
    .update(readFileSync(fileURLToPath(import.meta.url)))
    .digest('hex')
    .slice(0, 16);
  return `${versions.join(', ')} with ajv@${ajvVersion}, generator v${GENERATOR_VERSION} (${self})`;
}

function withoutAnnotations(node) {
  if (Array.isArray(node)) return node.map(withoutAnnotations);
  if (node === null || typeof node !== 'object') return node;
  const copy = {};
  for (const [key, value] of Object.entries(node)) {
    if (key === 'description' && typeof value === 'string') continue;
    copy[key] = key === 'enum' ? value : withoutAnnotations(value);
  }
  return copy;
}

/**
 * One standalone module per group of kinds, exporting each kind's validator under its definition name. Minified:
 * a module is parsed when its first kind is checked, and the workloads' one is the size of the pod spec.
 */
async function writeValidators(definitions, kinds, header) {
  const { default: Ajv } = await import('ajv');
  const { default: standaloneCode } = await import('ajv/dist/standalone/index.js');
  const esbuild = await import('esbuild');
  const modules = new Map();
  for (const entry of kinds) {
    const module = moduleOf(entry.apiVersion, entry.definition, definitions);
    entry.module = module;
    if (!modules.has(module)) modules.set(module, []);
    modules.get(module).push(entry);
  }
  const compiled = withoutAnnotations({ $id: 'kubernetes', definitions });
  const written = [];
  for (const [module, entries] of modules) {
    const ajv = new Ajv(AJV_OPTIONS);
    ajv.addSchema(compiled);
    const exports = Object.fromEntries(entries.map((entry) => [entry.definition, `kubernetes#/definitions/${entry.definition}`]));
    // Bundled: the module is loaded from beside the server bundle, where no node_modules holds Ajv's runtime helpers.
    const bundle = await esbuild.build({
      stdin: { contents: standaloneCode(ajv, exports), resolveDir: root, loader: 'js' },
      bundle: true,
      write: false,
      minify: true,
      format: 'cjs',
      platform: 'node',
      target: 'node20',
      logLevel: 'warning',
    });
    const code = bundle.outputFiles[0].text;
    const file = `${module}.cjs`;
    writeIfChanged(join(GENERATED_FOLDER, file), `${header}\n${code}`);
    written.push(file);
  }
  return written;
}

export async function generateKubernetesSchema({ force = false } = {}) {
  const source = stamp();
  const kindsFile = join(GENERATED_FOLDER, 'kinds.json');
  if (!force && existsSync(kindsFile) && JSON.parse(readFileSync(kindsFile, 'utf8')).source === source && existsSync(join(SCHEMA_FOLDER, 'index.json'))) {
    return false;
  }
  const declarations = await readDeclarations();
  const kinds = kindsOf(declarations);
  const definitions = await buildDefinitions(declarations, kinds);

  const modules = await writeValidators(definitions, kinds, `// Generated by scripts/kubernetesSchema.mjs from ${source}; do not edit.`);
  writeIfChanged(join(GENERATED_FOLDER, 'definitions.json'), `${JSON.stringify(definitions)}\n`);
  const schemaFiles = new Set(['_definitions.json', 'index.json']);
  writeIfChanged(
    join(SCHEMA_FOLDER, '_definitions.json'),
    `${JSON.stringify({ $schema: 'http://json-schema.org/draft-07/schema#', $comment: `Generated from ${source}.`, definitions }, null, 2)}\n`,
  );
  const fileIndex = {};
  for (const { apiVersion, kind, definition } of kinds) {
    const file = fileNameOf(apiVersion, kind);
    schemaFiles.add(file);
    fileIndex[apiVersion] ??= {};
    fileIndex[apiVersion][kind] = file;
    const { description } = definitions[definition];
    const schema = {
      $schema: 'http://json-schema.org/draft-07/schema#',
      title: `${kind} (${apiVersion})`,
      ...(description ? { description } : {}),
      $ref: `_definitions.json#/definitions/${definition}`,
    };
    writeIfChanged(join(SCHEMA_FOLDER, file), `${JSON.stringify(schema, null, 2)}\n`);
  }
  writeIfChanged(join(SCHEMA_FOLDER, 'index.json'), `${JSON.stringify(fileIndex, null, 2)}\n`);
  removeStale(SCHEMA_FOLDER, schemaFiles);
  removeStale(GENERATED_FOLDER, new Set([...modules, 'kinds.json', 'definitions.json']));
  // Last: its source stamp is what says the rest is up to date.
  const index = {};
  for (const { apiVersion, kind, definition, module } of kinds) {
    index[apiVersion] ??= {};
    index[apiVersion][kind] = { definition, module };
  }
  writeIfChanged(kindsFile, `${JSON.stringify({ source, kinds: index })}\n`);
  return true;
}

/** Entries for dist/THIRD-PARTY-NOTICES.txt: the bundled validators and definitions are derived from these. */
export function kubernetesSchemaNotices() {
  const notices = [
    {
      name: 'Kubernetes API OpenAPI specification (api/openapi-spec of kubernetes/kubernetes, as kubernetes-models ships it)',
      version: '1.36.0',
      license: 'Apache-2.0',
      text: `Copyright The Kubernetes Authors.\n\n${readFileSync(join(SCHEMA_FOLDER, 'LICENSE'), 'utf8').trim()}`,
    },
  ];
  for (const pkg of PACKAGES) {
    const folder = packageFolder(pkg.name);
    const manifest = JSON.parse(readFileSync(join(folder, 'package.json'), 'utf8'));
    notices.push({ name: manifest.name, version: manifest.version, license: manifest.license, text: readFileSync(join(folder, 'LICENSE'), 'utf8').trim() });
  }
  notices.splice(notices.length - 1, 0, {
    name: 'Knative Serving API (pkg/apis/serving/v1 of knative/serving, as @kubernetes-models/knative ships it)',
    version: '0.49.0',
    license: 'Apache-2.0',
    text: 'Copyright The Knative Authors. Licensed under the Apache License, Version 2.0 (text above).',
  });
  return notices;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const started = Date.now();
  const written = await generateKubernetesSchema({ force: process.argv.includes('--force') });
  console.log(
    written
      ? `kubernetes schema: wrote ${relative(root, SCHEMA_FOLDER)} and ${relative(root, GENERATED_FOLDER)} in ${Date.now() - started} ms`
      : 'kubernetes schema: up to date',
  );
}
