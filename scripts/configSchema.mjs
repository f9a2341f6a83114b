// Build step: precompiles schemas/container-standards.schema.json (the config file's schema, committed and generated
// from the rules by `npm run settings:generate`) into a standalone Ajv validator (server/src/engine/generated/,
// git-ignored), so that reading a config file or the settings compiles nothing.
// Usage: node scripts/configSchema.mjs  (esbuild.mjs and `npm ci` run it).
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { writeStandaloneValidator } from './standaloneValidator.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

export const CONFIG_SCHEMA_FILE = join(root, 'schemas', 'container-standards.schema.json');
export const CONFIG_VALIDATOR_FILE = join(root, 'server', 'src', 'engine', 'generated', 'configValidator.cjs');

/**
 * readConfig words its messages from the errors: `verbose` puts the failing schema on each (the expected type of a
 * list's items), and Ajv's own messages are kept for the keywords it has no words of its own for (`minLength`…).
 * Union types (`["array", "null"]`) are how an option is left unset.
 */
const AJV_OPTIONS = { allErrors: true, verbose: true, allowUnionTypes: true };

export async function generateConfigValidator() {
  return writeStandaloneValidator({
    schema: JSON.parse(readFileSync(CONFIG_SCHEMA_FILE, 'utf8')),
    source: 'schemas/container-standards.schema.json',
    ajvOptions: AJV_OPTIONS,
    file: CONFIG_VALIDATOR_FILE,
    summary: 'Validates a `.container-standards.yaml` or the editor settings (plain JSON data); errors are left on `.errors`.',
  });
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const written = await generateConfigValidator();
  console.log(written ? `config schema: wrote ${CONFIG_VALIDATOR_FILE}` : 'config schema: up to date');
}
