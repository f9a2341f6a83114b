/**
 * When the quick fixes that several rules build with one helper are offered (RuleFixMeta.when), written once so that
 * those rules say it alike.
 */
export const FIX_WHEN = {
  /** insertOptionAfter, replaceWord(s), removeWords: the word is edited where the shell reads it. */
  commandWrittenPlainly: 'when the command is written as the shell reads it, not escaped inside a quoted `sh -c` string',
  /** appendAfterCommand. */
  commandCanBeFollowed: 'when `&& …` can follow the command: not piped, redirected, run in the background, in exec form or escaped inside a quoted script',
  /** pinnableTags with tagFixes, pinValueFixes or pinFixes. */
  knownTagInPlace: 'when the image table knows current tags of the image and the image is written in place, not taken from a variable',
  /** reorderEntries. */
  entriesMovable:
    'when the entries can move line by line: no alias would come before its anchor, no merge key (`<<:`) moves, and a flow collection is on one line',
  /** reportSchemaViolations' rename. */
  misspeltKey: 'when a key is a misspelling of one the schema expects there, and renaming it resolves the problem',
} as const;
