import { fixUntilStable } from '../engine/fixpoint';
import type { Linter } from '../engine/linter';
import { uriToPath } from '../workspace/uri';
import { ChangedOnDisk, createFile, replaceFile, WriteError } from './fileWrites';

/** What stopped `--fix` in a file: an error (it could not be written; exit code 2) or a notice (edited meanwhile). */
export interface FixProblem {
  severity: 'error' | 'notice';
  message: string;
}

/**
 * `lint --fix` of one file: fixes are written to disk as they are made, each pass linting what the last one wrote.
 * Every write is atomic; a file that is no longer the text its fix was worked out from is left alone, and so is the
 * rest of that file's fixing, as is a file that cannot be written. `displayPath` names files in messages.
 */
export function fixOnDisk(linter: Linter, uri: string, displayPath: (path: string) => string): FixProblem | undefined {
  try {
    fixUntilStable(linter, uri, undefined, (target, text, before) => {
      const path = uriToPath(target);
      if (!path) return;
      const shown = displayPath(path);
      try {
        if (before === undefined) {
          if (!createFile(path, text, shown)) throw new ChangedOnDisk(`${shown} appeared on disk while it was being created; it is left as it is.`);
        } else replaceFile(path, text, before, shown);
      } finally {
        // Also after a refused write: the report then lints what is on disk now.
        linter.workspace.changedOnDisk(target);
      }
    });
    return undefined;
  } catch (error) {
    if (error instanceof ChangedOnDisk) return { severity: 'notice', message: error.message };
    if (error instanceof WriteError) return { severity: 'error', message: error.message };
    throw error;
  }
}
