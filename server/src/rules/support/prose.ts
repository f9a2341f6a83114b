/** `a`, `a and b`, `a, b and c`: items as a message lists them. */
export function listInProse(items: readonly string[]): string {
  return items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} and ${items.at(-1)}`;
}
