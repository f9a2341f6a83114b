/**
 * Suppressions as files write them, in a form every kind shares: each kind's parsing module reads its own
 * spellings (comments, annotations) into these, and the engine only applies them.
 */

/**
 * A region where some checks are silenced. `tokens` holds rule ids and aliases (`hadolint:DL3007`);
 * `tool:*` silences every rule with an alias of that tool, `*` every rule.
 */
export interface SuppressionDirective {
  /** First and last suppressed line (0-based, inclusive); whole file when absent. */
  lines?: { first: number; last: number };
  tokens: ReadonlySet<string>;
}

export const OWN_DISABLE_NEXT_LINE = 'container-standards-disable-next-line';
const OWN_DISABLE_FILE = 'container-standards-disable-file';
/** A substring of both of our own spellings. */
export const OWN_MARKER = 'container-standards-disable';

/** What one comment asks for: the whole file, or the statement below it. */
export interface CommentDirective {
  scope: 'file' | 'next';
  tokens: Set<string>;
}

/** Our own `container-standards-disable-next-line|file [ids] [-- reason]`, the same in every kind. */
export function ownComment(comment: string): CommentDirective | undefined {
  const own = new RegExp(`^(${OWN_DISABLE_NEXT_LINE}|${OWN_DISABLE_FILE})\\b(.*)$`).exec(withoutReason(comment));
  if (!own) return undefined;
  const ids = splitList(own[2] ?? '');
  return { scope: own[1] === OWN_DISABLE_FILE ? 'file' : 'next', tokens: new Set(ids.length ? ids : ['*']) };
}

function withoutReason(comment: string): string {
  return comment.replace(/\s+--\s.*$/, '');
}

export interface CommentSyntax {
  /** A substring of every spelling `directive` accepts: most files suppress nothing, and are not scanned line by line. */
  markers: readonly string[];
  /** The directive of a whole-line comment (the text after `#`, trimmed), given its 0-based line. */
  directive(comment: string, line: number): CommentDirective | undefined;
  /** The lines of the statement at or after a line, which a `next` directive covers. */
  statementAt(line: number): { first: number; last: number } | undefined;
  /** The tokens of a directive written at the end of a line of content, which covers that line. */
  trailing?(line: string): Set<string> | undefined;
}

/** The suppressions a file writes in `#` comments. */
export function commentSuppressions(text: string, syntax: CommentSyntax): SuppressionDirective[] {
  if (!syntax.markers.some((marker) => text.includes(marker))) return [];
  const suppressions: SuppressionDirective[] = [];
  text.split(/\r?\n/).forEach((line, index) => {
    if (!line.includes('#')) return;
    const comment = /^\s*#\s*(.*?)\s*$/.exec(line)?.[1];
    if (comment === undefined) {
      const tokens = syntax.trailing?.(line);
      if (tokens) suppressions.push({ lines: { first: index, last: index }, tokens });
      return;
    }
    const parsed = syntax.directive(comment, index);
    if (parsed?.scope === 'file') suppressions.push({ tokens: parsed.tokens });
    if (parsed?.scope === 'next') {
      const lines = syntax.statementAt(index + 1);
      if (lines) suppressions.push({ lines, tokens: parsed.tokens });
    }
  });
  return suppressions;
}

export function splitList(list: string): string[] {
  return list
    .split(/[\s,]+/)
    .map((item) => item.trim())
    .filter(Boolean);
}

/** Another tool's rule ids as aliases: `DL3007` of hadolint is `hadolint:DL3007`. */
export function prefixed(tool: string, ids: readonly string[]): Set<string> {
  return new Set(ids.map((id) => `${tool}:${id}`));
}
