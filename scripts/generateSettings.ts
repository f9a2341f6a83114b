// `npm run settings:generate`: writes what the rules' metadata decides about configuration, so that it is never
// written by hand: `contributes.configuration` of package.json (the editor's settings), the settings a workspace may
// not set in Restricted Mode (`capabilities.untrustedWorkspaces.restrictedConfigurations`), and
// schemas/container-standards.schema.json (the config file's schema, which the build precompiles into the validator
// of config files and settings: scripts/configSchema.mjs). test/meta/settings.test.ts fails when either is stale.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { configFileSchema, restrictedSettings, settingsContribution } from '../server/src/engine/options';
import { SETTINGS_SECTION } from '../server/src/protocol';
import { rules } from '../server/src/rules';

export const ROOT = join(fileURLToPath(new URL('.', import.meta.url)), '..');
export const PACKAGE_JSON = join(ROOT, 'package.json');
export const CONFIG_SCHEMA = join(ROOT, 'schemas', 'container-standards.schema.json');

const json = (value: unknown) => `${JSON.stringify(value, null, 2)}\n`;

/** package.json as it should be: the given text with the settings and the restricted ones generated, nothing else changed. */
export function generatedPackageJson(current: string): string {
  const manifest = JSON.parse(current) as { contributes: Record<string, unknown>; capabilities: { untrustedWorkspaces: Record<string, unknown> } };
  manifest.contributes.configuration = settingsContribution(rules, SETTINGS_SECTION);
  manifest.capabilities.untrustedWorkspaces.restrictedConfigurations = restrictedSettings(rules, SETTINGS_SECTION);
  return json(manifest);
}

export function generatedConfigSchema(): string {
  return json(configFileSchema(rules));
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  writeFileSync(PACKAGE_JSON, generatedPackageJson(readFileSync(PACKAGE_JSON, 'utf8')));
  writeFileSync(CONFIG_SCHEMA, generatedConfigSchema());
  console.log('wrote contributes.configuration and the restricted settings of package.json, and schemas/container-standards.schema.json');
}
