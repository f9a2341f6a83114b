import { explanationMarkdown, ruleAnchor } from '../engine/docs';
import { FIX_LABEL_MEANINGS, fixLabel, fixSentence } from '../engine/fixDocs';
import { declaredOptions, type Rule } from '../engine/ruleTypes';
import { SETTINGS_SECTION } from '../protocol';

const KIND_TITLES = {
  dockerfile: 'Dockerfile',
  compose: 'Docker Compose',
  kubernetes: 'Kubernetes',
  ecs: 'ECS task definitions',
  render: 'Render Blueprints',
  railway: 'Railway config',
} as const;

/** RULES.md, generated from the rules' metadata (`npm run rules:docs`; a test fails when it is stale). */
export function rulesMarkdown(rules: readonly Rule[]): string {
  const lines = [
    '# Rules',
    '',
    "<!-- Generated from the rules' metadata by `npm run rules:docs`. Do not edit by hand. -->",
    '',
    'Severities are defaults; change them per rule with the `containerStandards.rules` setting or the `rules:` map',
    'of `.container-standards.yaml`. Aliases name the same check in other tools; their suppression comments work too.',
    '',
    "The quick fix column says who applies a rule's fix:",
    '',
    ...FIX_LABEL_MEANINGS.map(([label, meaning]) => `- *${label}*: ${meaning}.`),
    '',
    'Any fix is left out where its edit cannot be made in place: in a YAML document with syntax errors, at a value',
    'reached through a YAML alias, in a layout the edit cannot keep (a top-level entry without a plain key), in a new',
    'file never saved; each rule\'s "Quick fix" line names its own conditions.',
    '',
  ];
  for (const kind of ['dockerfile', 'compose', 'kubernetes', 'ecs', 'render', 'railway'] as const) {
    const ofKind = rules.filter((rule) => rule.kind === kind);
    lines.push(`## ${KIND_TITLES[kind]}`, '', '| Rule | Severity | Quick fix | Aliases |', '|---|---|---|---|');
    for (const rule of ofKind) {
      lines.push(
        `| [${rule.id}](#${ruleAnchor(rule.id)}) | ${rule.meta.severity} | ${fixLabel(rule.meta.fix) ?? ''} | ${rule.meta.aliases.map((alias) => `\`${alias}\``).join(', ')} |`,
      );
    }
    lines.push('');
    for (const rule of ofKind) lines.push(...ruleSection(rule), '');
  }
  return lines.join('\n');
}

/** A rule's section of RULES.md, also shown on its own by the editor ("Show rules", a diagnostic's link). */
export function ruleSection(rule: Rule): string[] {
  const lines = [`### ${rule.id}`, '', rule.meta.description, ''];
  for (const paragraph of explanationMarkdown(rule, { standard: 'Standard:', good: 'Passes:' })) lines.push(paragraph, '');
  lines.push(`- Default severity: ${rule.meta.severity}`);
  lines.push(`- Quick fix: ${fixSentence(rule.meta.fix)}`);
  if (rule.meta.aliases.length) lines.push(`- Aliases: ${rule.meta.aliases.map((alias) => `\`${alias}\``).join(', ')}`);
  for (const [name, option] of declaredOptions(rule)) {
    lines.push(
      `- Option \`${name}\` (setting \`${SETTINGS_SECTION}.${name}\`, \`${name}:\` in \`.container-standards.yaml\`), default \`${JSON.stringify(option.default)}\`: ${option.description}`,
    );
  }
  return lines;
}
