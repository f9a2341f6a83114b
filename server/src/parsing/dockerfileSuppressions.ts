import { instructionEndingAtOrAfter, type DockerfileModel } from './dockerfile';
import { commentSuppressions, OWN_MARKER, ownComment, prefixed, splitList, type CommentDirective, type SuppressionDirective } from './suppressionDirectives';

/**
 * The suppressions a Dockerfile writes: our own comments, hadolint's `# hadolint [global] ignore=…` and BuildKit's
 * `# check=skip=…`. A comment for the next line covers the whole instruction below it, continuation lines included.
 */
export function dockerfileSuppressions(text: string, model: DockerfileModel): SuppressionDirective[] {
  // BuildKit's `check` may have any blanks before its `=`.
  const markers = [OWN_MARKER, 'hadolint', 'check'];
  if (!markers.some((marker) => text.includes(marker))) return [];
  const directivesEnd = parserDirectivesEnd(text.split(/\r?\n/));
  return commentSuppressions(text, {
    markers,
    directive: (comment, line) => {
      const parsed = dockerfileComment(comment);
      // BuildKit reads `# check=` for the whole file among the directives that open it, elsewhere for the instruction below.
      return parsed?.parserDirective && line >= directivesEnd ? { ...parsed, scope: 'next' } : parsed;
    },
    statementAt: (line) => {
      const range = instructionEndingAtOrAfter(model, line)?.getRange();
      return range && { first: range.start.line, last: range.end.line };
    },
  });
}

function dockerfileComment(comment: string): (CommentDirective & { parserDirective?: true }) | undefined {
  const own = ownComment(comment);
  if (own) return own;
  const hadolint = /^hadolint\s+(global\s+)?ignore=([A-Za-z0-9,\s]+?)(?:\s+#.*)?$/.exec(comment);
  if (hadolint) return { scope: hadolint[1] ? 'file' : 'next', tokens: prefixed('hadolint', splitList(hadolint[2] ?? '')) };
  const buildkit = /^check\s*=\s*(.*)$/.exec(comment);
  const skip = buildkit && /(?:^|;)\s*skip\s*=\s*([^;]*)/.exec(buildkit[1] ?? '');
  if (!skip) return undefined;
  const rules = splitList(skip[1] ?? '').map((rule) => (rule === 'all' ? '*' : rule));
  return { scope: 'file', tokens: prefixed('buildkit', rules), parserDirective: true };
}

/**
 * The line after the parser directives that open a Dockerfile (after a byte order mark and a shebang, if any).
 * BuildKit stops looking for them at the first line that is not `#syntax|escape|check=value` with the `#` in the
 * first column.
 */
function parserDirectivesEnd(lines: readonly string[]): number {
  let index = lines[0]?.replace(/^\uFEFF/, '').startsWith('#!') ? 1 : 0;
  while (index < lines.length && /^#\s*(syntax|escape|check)\s*=\s*\S/i.test(lines[index]!.replace(/^\uFEFF/, ''))) index++;
  return index;
}
