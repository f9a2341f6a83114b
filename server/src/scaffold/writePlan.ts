import type { GeneratedFile } from './types';

/** What writing the generated files would do, given what the folder holds: nothing is ever overwritten. */
export interface WritePlan {
  create: GeneratedFile[];
  /** Already there with the same text: a no-op. */
  unchanged: string[];
  /** Already there with other content (or not readable as text): kept as it is. */
  kept: string[];
}

/** `existing` gives the current text of a path, undefined when nothing is there, null when something unreadable is. */
export function planWrites(files: readonly GeneratedFile[], existing: (path: string) => string | undefined | null): WritePlan {
  const plan: WritePlan = { create: [], unchanged: [], kept: [] };
  for (const file of files) {
    const current = existing(file.path);
    if (current === undefined) plan.create.push(file);
    else if (current === file.text) plan.unchanged.push(file.path);
    else plan.kept.push(file.path);
  }
  return plan;
}
