/** Text patterns shared by the parsers, the rules and the editor features. */

export function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}

/**
 * One path segment of a Go `filepath.Match` pattern, as Docker matches COPY sources and .dockerignore lines:
 * `*`, `?`, `[…]` classes (`[^…]` negated) and backslash escapes; a malformed class matches nothing.
 */
export function goGlobSegment(pattern: string): RegExp {
  let source = '';
  for (let index = 0; index < pattern.length; index++) {
    const char = pattern[index]!;
    if (char === '*') source += '[^/]*';
    else if (char === '?') source += '[^/]';
    else if (char === '\\' && index + 1 < pattern.length) source += escapeRegExp(pattern[++index]!);
    else if (char === '[') {
      const end = pattern.indexOf(']', index + 1);
      if (end < 0) return /$^/;
      source += `[${pattern.slice(index + 1, end)}]`;
      index = end;
    } else source += escapeRegExp(char);
  }
  return new RegExp(`^${source}$`);
}
