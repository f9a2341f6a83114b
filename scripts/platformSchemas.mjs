// Build step: precompiles the Render Blueprint and Railway config schemas (written for this project, committed under
// schemas/) into standalone Ajv validators (server/src/schema/generated/, git-ignored), so that the language server
// compiles nothing at start-up.
// Usage: node scripts/platformSchemas.mjs  (esbuild.mjs and `npm ci` run it).
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { writeStandaloneValidator } from './standaloneValidator.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

/** As for compose: `verbose` tells the messages the allowed keys and values, and our own words replace Ajv's. */
const AJV_OPTIONS = { allErrors: true, strict: false, allowUnionTypes: true, verbose: true, messages: false };

const PLATFORM_SCHEMAS = [
  {
    schema: 'schemas/render/render-blueprint.schema.json',
    validator: 'renderValidator.cjs',
    summary: 'Validates a Render Blueprint (plain JSON data of render.yaml); errors are left on `.errors`.',
  },
  {
    schema: 'schemas/railway/railway.schema.json',
    validator: 'railwayValidator.cjs',
    summary: 'Validates a railway.json (plain JSON data); errors are left on `.errors`.',
  },
];

export async function generatePlatformSchemas() {
  const written = await Promise.all(
    PLATFORM_SCHEMAS.map(({ schema, validator, summary }) =>
      writeStandaloneValidator({
        schema: JSON.parse(readFileSync(join(root, schema), 'utf8')),
        source: schema,
        ajvOptions: AJV_OPTIONS,
        file: join(root, 'server', 'src', 'schema', 'generated', validator),
        summary,
      }),
    ),
  );
  return written.some(Boolean);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const written = await generatePlatformSchemas();
  console.log(written ? 'platform schemas: wrote the Render and Railway validators' : 'platform schemas: up to date');
}
