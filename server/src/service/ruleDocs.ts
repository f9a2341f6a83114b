import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Command } from 'vscode-languageserver-types';
import { ruleAnchor } from '../engine/docs';
import { fixLabel, isFixable } from '../engine/fixDocs';
import type { Rule } from '../engine/ruleTypes';
import { ruleSection } from '../docs/rulesMarkdown';
import { CommandIds, commandUri, type InitializationOptions, type RuleSummary } from '../protocol';

/** Where the editor sends a reader of a rule's documentation: a link (diagnostics, hovers) and a command (code actions). */
export interface RuleDocsLinks {
  href(ruleId: string): string;
  command(ruleId: string): Command;
}

/**
 * The VS Code client opens the documentation itself (offline, inside the editor) through its command; any other
 * client gets the RULES.md shipped beside the server bundle, opened through `window/showDocument`.
 */
export function ruleDocsLinks(options: InitializationOptions | undefined, bundledRulesMarkdown = defaultRulesMarkdown()): RuleDocsLinks {
  const title = (ruleId: string) => `Show documentation for ${ruleId}`;
  const clientCommand = options?.openRuleDocsCommand;
  if (clientCommand === CommandIds.openRuleDocs) {
    return {
      href: (ruleId) => commandUri(clientCommand, [ruleId]),
      command: (ruleId) => ({ title: title(ruleId), command: clientCommand, arguments: [ruleId] }),
    };
  }
  const href = (ruleId: string) => `${bundledRulesMarkdown}#${ruleAnchor(ruleId)}`;
  return { href, command: (ruleId) => ({ title: title(ruleId), command: CommandIds.showRuleDocs, arguments: [href(ruleId)] }) };
}

/** RULES.md of the package: the server runs from dist/server/server.js. */
function defaultRulesMarkdown(): string {
  return pathToFileURL(join(__dirname, '..', '..', 'RULES.md')).href;
}

/** The rule list the client's "Show rules" offers. */
export function ruleCatalogue(rules: readonly Rule[]): RuleSummary[] {
  return rules.map((rule) => ({
    id: rule.id,
    kind: rule.kind,
    severity: rule.meta.severity,
    description: rule.meta.description,
    fixable: isFixable(rule),
    fix: fixLabel(rule.meta.fix) ?? null,
    aliases: [...rule.meta.aliases],
  }));
}

/** A rule's documentation on its own: its RULES.md section, found by id or alias. */
export function ruleDocumentation(rules: readonly Rule[], ruleId: string): string | null {
  const rule = rules.find((candidate) => candidate.id === ruleId || candidate.meta.aliases.includes(ruleId));
  if (!rule) return null;
  const [, ...body] = ruleSection(rule);
  return [`# ${rule.id}`, ...body, '', `All rules: RULES.md, or the command "Container Standards: Show Rules".`, ''].join('\n');
}
