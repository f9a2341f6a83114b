// Build step: takes the compose-spec JSON Schema that dclint ships, normalises it into schemas/compose/ and
// precompiles it into a standalone Ajv validator (server/src/schema/generated/), so that the language server
// compiles nothing at start-up. Both outputs are generated (git-ignored) and rewritten only when they change.
// Usage: node scripts/composeSchema.mjs  (esbuild.mjs and `npm ci` run it).
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { writeIfChanged, writeStandaloneValidator } from './standaloneValidator.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);

export const SCHEMA_FILE = join(root, 'schemas', 'compose', 'compose-spec.json');
export const VALIDATOR_FILE = join(root, 'server', 'src', 'schema', 'generated', 'composeValidator.cjs');

/** Where the schema comes from: dclint does not export the file, so it is read beside its package.json. */
export function sourceSchema() {
  const manifestPath = require.resolve('dclint/package.json');
  const manifest = JSON.parse(readFileSync(manifestPath, 'utf8'));
  const schema = JSON.parse(readFileSync(join(dirname(manifestPath), 'schemas', 'compose.schema.json'), 'utf8'));
  return { schema, source: `dclint@${manifest.version} schemas/compose.schema.json` };
}

/**
 * Ajv 8 cannot resolve dclint's `$schema` URL (https, no `#`), and draft-04-style `id` keys would be read as
 * base URIs; neither says anything about compose files.
 */
export function normaliseSchema(schema) {
  const { $schema: _drop, ...rest } = schema;
  return withoutLegacyIds(rest);
}

function withoutLegacyIds(node) {
  if (Array.isArray(node)) return node.map(withoutLegacyIds);
  if (node === null || typeof node !== 'object') return node;
  const copy = {};
  for (const [key, value] of Object.entries(node)) {
    // A string `id` is a schema id; a property named "id" would hold a schema object.
    if (key === 'id' && typeof value === 'string') continue;
    // Values, not schemas: copied as they are.
    copy[key] = key === 'enum' || key === 'const' || key === 'default' || key === 'examples' ? value : withoutLegacyIds(value);
  }
  return copy;
}

/**
 * `verbose` puts each failing keyword's schema on its error, which is how the messages learn the allowed keys of an
 * object; `messages: false` because our own words replace Ajv's.
 */
const AJV_OPTIONS = { allErrors: true, strict: false, allowUnionTypes: true, verbose: true, messages: false };

/**
 * Entries for dist/THIRD-PARTY-NOTICES.txt: the bundled validator is compiled from the compose-spec schema
 * (Apache-2.0) in the copy dclint (MIT) ships, and esbuild sees neither package among its inputs.
 */
export function composeSchemaNotices() {
  const dclintFolder = dirname(require.resolve('dclint/package.json'));
  const dclint = JSON.parse(readFileSync(join(dclintFolder, 'package.json'), 'utf8'));
  return [
    {
      name: 'Compose Specification JSON Schema (compose-spec/compose-spec schema/compose-spec.json), the copy in dclint',
      version: dclint.version,
      license: 'Apache-2.0',
      text: `Copyright The Compose Specification Authors.\n\n${readFileSync(join(root, 'schemas', 'compose', 'LICENSE'), 'utf8').trim()}`,
    },
    { name: dclint.name, version: dclint.version, license: dclint.license, text: readFileSync(join(dclintFolder, 'LICENSE'), 'utf8').trim() },
  ];
}

export async function generateComposeSchema() {
  const { schema, source } = sourceSchema();
  const normalised = normaliseSchema(schema);
  const schemaWritten = writeIfChanged(SCHEMA_FILE, `${JSON.stringify(normalised, null, 2)}\n`);
  const validatorWritten = await writeStandaloneValidator({
    schema: normalised,
    source,
    ajvOptions: AJV_OPTIONS,
    file: VALIDATOR_FILE,
    summary: 'Validates a compose document (plain JSON data) against the compose-spec schema; errors are left on `.errors`.',
  });
  return schemaWritten || validatorWritten;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const written = await generateComposeSchema();
  console.log(written ? `compose schema: wrote ${SCHEMA_FILE} and ${VALIDATOR_FILE}` : 'compose schema: up to date');
}
