import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { CommandIds, Requests, type RuleSummary } from '../../server/src/protocol';
import { ruleItem } from './ruleItem';

/** "Show Rules": every rule from the server, searchable by id, alias and description; choosing one opens its docs. */
export async function showRules(client: LanguageClient): Promise<void> {
  const rules = await client.sendRequest<RuleSummary[]>(Requests.rules, {});
  const picked = await vscode.window.showQuickPick(rules.map(ruleItem), {
    title: `Container Standards: ${rules.length} rules`,
    placeHolder: 'Search by rule id, alias (hadolint:DL3007) or description; Enter opens its documentation',
    matchOnDescription: true,
    matchOnDetail: true,
  });
  if (picked) await vscode.commands.executeCommand(CommandIds.openRuleDocs, picked.ruleId);
}
