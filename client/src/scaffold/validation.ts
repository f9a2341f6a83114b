import type { Stack } from '../../../server/src/scaffold/types';

/** Why an input box's port is not one, undefined when it is (VS Code shows the message under the box). */
export function portProblem(value: string): string | undefined {
  const text = value.trim();
  const port = /^\d+$/.test(text) ? Number(text) : Number.NaN;
  return port >= 1 && port <= 65535 ? undefined : 'A whole number from 1 to 65535.';
}

/** Why an entry point is not usable in the generated files, undefined when it is. */
export function entryProblem(stack: Stack, value: string): string | undefined {
  const text = value.trim();
  if (text === '') return stack === 'go' ? 'The package to build, e.g. . or ./cmd/server.' : 'A file name, e.g. the default.';
  // The entry lands in exec-form JSON and in YAML: quotes, backslashes and whitespace would need escaping there.
  if (/[\s"'\\`$]/.test(text)) return 'No spaces, quotes, backslashes or $: a path relative to the project folder.';
  if (text.startsWith('/') || text.split('/').includes('..')) return 'A path inside the project folder.';
  return undefined;
}
