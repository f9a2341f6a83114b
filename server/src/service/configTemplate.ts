import { declaredOptions, type Rule } from '../engine/ruleTypes';
import { SETTINGS_SECTION } from '../protocol';

/**
 * A new `.container-standards.yaml`: the schema reference (for completion and validation by the YAML language
 * server) and every key commented out with an example, so the file changes nothing until the user edits it.
 */
export function configTemplate(rules: readonly Rule[], schemaUri: string): string {
  const example = rules.find((rule) => rule.kind === 'dockerfile' && rule.meta.aliases.length > 0) ?? rules[0];
  const lines = [
    `# yaml-language-server: $schema=${schemaUri}`,
    '#',
    '# Container Standards configuration for the files in this folder and below; the editor and the CLI read it.',
    `# Every key is optional; editor settings (${SETTINGS_SECTION}.*) override it. Uncomment what you need.`,
    '',
    '# Severity per rule id or alias: error, warning, info, hint or off ("Container Standards: Show Rules" lists them).',
    '# rules:',
  ];
  if (example) {
    lines.push(`#   ${example.id}: error`);
    const alias = example.meta.aliases[0];
    if (alias) lines.push(`#   "${alias}": off`);
  }
  lines.push(
    '',
    '# Which YAML files are Kubernetes manifests beyond what their content says (globs), and which never are.',
    '# kubernetes:',
    '#   files: ["deploy/**/*.yaml"]',
    '#   exclude: ["deploy/helm/**"]',
  );
  const seen = new Set<string>();
  for (const rule of rules) {
    for (const [name, option] of declaredOptions(rule)) {
      if (seen.has(name)) continue;
      seen.add(name);
      lines.push('', `# ${name} (read by ${rule.id}): ${oneLine(option.description)}`, `# ${name}: ${JSON.stringify(option.default)}`);
    }
  }
  lines.push('');
  return lines.join('\n');
}

function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}
