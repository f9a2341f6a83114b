import { parseArgs } from 'node:util';
import { docsPath } from '../engine/docs';
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
      fixable: rule.meta.fixable,
      aliases: [...rule.meta.aliases],
      docs: docsPath(rule.id),
    }));
    return { exitCode: 0, stdout: `${JSON.stringify({ rules: catalogue }, null, 2)}\n` };
  }
  if (values.format === 'markdown') return { exitCode: 0, stdout: rulesMarkdown(rules) };
  if (values.format !== 'table') throw new UsageError(`Unknown --format "${values.format}"; use table, json or markdown.`);
  const width = Math.max(...rules.map((rule) => rule.id.length));
  const lines = rules.map(
    (rule) => `${rule.id.padEnd(width)}  ${rule.meta.severity.padEnd(7)}  ${rule.meta.fixable ? 'fix' : '   '}  ${rule.meta.description}`,
  );
  return { exitCode: 0, stdout: `${lines.join('\n')}\n` };
}
