import type { Rule, RuleFixMeta } from './ruleTypes';

/**
 * A rule's quick fix in plain words, as RULES.md, hovers, "Show Rules" and `container-standards rules` say it: whether
 * every report carries one or when, and whether fix-all and `--fix` apply it or only the editor offers it.
 */

/** What follows "Quick fix:" in a rule's documentation. */
export function fixSentence(fix: RuleFixMeta | undefined): string {
  if (!fix) return 'none.';
  return `${fix.when ?? 'on every report'}; ${appliedPhrase(fix)}.`;
}

function appliedPhrase(fix: RuleFixMeta): string {
  if (fix.applied === 'editor-only') return 'offered in the editor only, never applied by fix-all or `--fix`';
  const condition = fix.applied === 'auto' ? '' : ` ${fix.applied.autoWhen}`;
  if (fix.createsFile) return `applied by \`--fix\` and Fix Workspace${condition}, not by fix-all on save (it creates a file)`;
  return fix.applied === 'auto'
    ? 'applied by fix-all on save and `--fix`'
    : `applied by fix-all on save and \`--fix\`${condition}, otherwise offered in the editor only`;
}

/** The same in a few words, for tables and lists: `auto`, `editor only (some reports)`; undefined without a fix. */
export function fixLabel(fix: RuleFixMeta | undefined): string | undefined {
  if (!fix) return undefined;
  const applied = fix.applied === 'editor-only' ? 'editor only' : fix.applied !== 'auto' ? 'auto or editor' : fix.createsFile ? 'auto, not on save' : 'auto';
  return fix.when ? `${applied} (some reports)` : applied;
}

/** What the short labels mean, for the places that show them. */
export const FIX_LABEL_MEANINGS: readonly (readonly [label: string, meaning: string])[] = [
  ['auto', 'a safe fix, applied by fix-all on save, Fix Workspace and `lint --fix`, and offered as a quick fix'],
  ['editor only', 'a fix to review, offered as a quick fix in the editor and never applied by fix-all or `--fix`'],
  ['auto or editor', 'safe in some cases, to review in others (the rule says which)'],
  ['auto, not on save', 'a safe fix that creates a file, applied by `--fix` and Fix Workspace but not by fix-all on save'],
  ['(some reports)', 'only some reports carry a fix (the rule says when)'],
];

/** The `fixable` of the CLI's rule catalogue and the editor's rule list: whether some report may carry a fix. */
export function isFixable(rule: Rule): boolean {
  return rule.meta.fix !== undefined;
}
