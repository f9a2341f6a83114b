/** What writing a command's files did, by relative path. */
export interface WriteOutcome {
  created: string[];
  replaced: string[];
  /** The `.new` files written beside existing ones. */
  alongside: string[];
  unchanged: string[];
  kept: string[];
}

export function emptyOutcome(): WriteOutcome {
  return { created: [], replaced: [], alongside: [], unchanged: [], kept: [] };
}

/** The notification's one line, e.g. "api: Created Dockerfile, .dockerignore. Kept compose.yaml (yours differs)." */
export function summarise(outcome: WriteOutcome, where: string): string {
  const parts = [
    outcome.created.length && `Created ${outcome.created.join(', ')}`,
    outcome.replaced.length && `Replaced ${outcome.replaced.join(', ')}`,
    outcome.alongside.length && `Wrote ${outcome.alongside.join(', ')} beside your files`,
    outcome.unchanged.length && `Unchanged ${outcome.unchanged.join(', ')} (already as proposed)`,
    outcome.kept.length && `Kept ${outcome.kept.join(', ')} (yours differs)`,
  ].filter((part): part is string => Boolean(part));
  return `${where}: ${parts.join('. ')}.`;
}
