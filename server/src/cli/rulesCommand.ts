import { parseArgs } from 'node:util';
import { docsPath } from '../engine/docs';
import { FIX_LABEL_MEANINGS, fixLabel, isFixable } from '../engine/fixDocs';
import { rulesMarkdown } from '../docs/rulesMarkdown';
import { rules } from '../rules';
import { UsageError } from './usageError';
import type { CommandResult } from './lintCommand';

/** `container-standards rules`: the rule catalogue as a table, JSON (contract) or the RULES.md text. */
export function rulesCommand(args: readonly string[]): CommandResult {
  const { values } = parseArgs({ args: [...args], options: { format: { type: 'string', default: 'table' } } });
  if (values.format === 'json') {
    const catalogue = rules.map((rule) => ({
      id: rule.id,
      kind: rule.kind,
      severity: rule.meta.severity,
      description: rule.meta.description,
      fixable: isFixable(rule),
      fix: rule.meta.fix ?? null,
      aliases: [...rule.meta.aliases],
      docs: docsPath(rule.id),
    }));
    return { exitCode: 0, stdout: `${JSON.stringify({ rules: catalogue }, null, 2)}\n` };
  }
  if (values.format === 'markdown') return { exitCode: 0, stdout: rulesMarkdown(rules) };
  if (values.format !== 'table') throw new UsageError(`Unknown --format "${values.format}"; use table, json or markdown.`);
  const width = Math.max(...rules.map((rule) => rule.id.length));
  const labels = rules.map((rule) => fixLabel(rule.meta.fix) ?? '');
  const labelWidth = Math.max(...labels.map((label) => label.length));
  const lines = rules.map(
    (rule, index) => `${rule.id.padEnd(width)}  ${rule.meta.severity.padEnd(7)}  ${labels[index]!.padEnd(labelWidth)}  ${rule.meta.description}`,
  );
  const legend = FIX_LABEL_MEANINGS.map(([label, meaning]) => `  ${label}: ${meaning.replace(/`/g, '')}`);
  return { exitCode: 0, stdout: `${[...lines, '', 'Quick fix column:', ...legend].join('\n')}\n` };
}
