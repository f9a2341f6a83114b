import type { DockerfileFile } from './containerFile';
import { instructionEndingAtOrAfter } from './dockerfile';
import { shellcheckSuppressions } from './dockerfileShellcheckSuppressions';
import { commentSuppressions, OWN_MARKER, ownComment, prefixed, splitList, type CommentDirective, type SuppressionDirective } from './suppressionDirectives';

/**
 * The suppressions a Dockerfile writes: our own comments, hadolint's `# hadolint [global] ignore=…`, BuildKit's
 * `# check=skip=…` and ShellCheck's `# shellcheck disable=…`. A comment for the next line covers the whole
 * instruction below it, continuation lines included.
 */
export function dockerfileSuppressions(file: DockerfileFile): SuppressionDirective[] {
  const text = file.document.getText();
  const model = file.dockerfile;
  // BuildKit's `check` may have any blanks before its `=`.
  const markers = [OWN_MARKER, 'hadolint', 'check'];
  const shellcheck = shellcheckSuppressions(file);
  if (!markers.some((marker) => text.includes(marker))) return shellcheck;
  const directivesEnd = parserDirectivesEnd(text.split(/\r?\n/));
  const directives = commentSuppressions(text, {
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
  return [...directives, ...shellcheck];
}

function dockerfileComment(comment: string): (CommentDirective & { parserDirective?: true }) | undefined {
  const own = ownComment(comment);
  if (own) return own;
  const hadolint = /^hadolint\s+(global\s+)?ignore=([A-Za-z0-9,\s]+?)(?:\s+#.*)?$/.exec(comment);
  if (hadolint) return { scope: hadolint[1] ? 'file' : 'next', tokens: hadolintTokens(splitList(hadolint[2] ?? '')) };
  const buildkit = /^check\s*=\s*(.*)$/.exec(comment);
  const skip = buildkit && /(?:^|;)\s*skip\s*=\s*([^;]*)/.exec(buildkit[1] ?? '');
  if (!skip) return undefined;
  const rules = splitList(skip[1] ?? '').map((rule) => (rule === 'all' ? '*' : rule));
  return { scope: 'file', tokens: prefixed('buildkit', rules), parserDirective: true };
}

/** hadolint passes `SCxxxx` codes on to the ShellCheck it runs over each RUN: those are ShellCheck's. */
function hadolintTokens(codes: readonly string[]): Set<string> {
  return new Set(codes.map((code) => (/^SC\d+$/i.test(code) ? `shellcheck:${code.toUpperCase()}` : `hadolint:${code}`)));
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
