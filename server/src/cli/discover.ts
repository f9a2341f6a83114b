import { UsageError } from './usageError';
import { statSync } from 'node:fs';
import { relative, resolve } from 'node:path';
import { toPosixPath, walkContainerFiles } from '../workspace/walk';

export interface LintTarget {
  /** Absolute path. */
  path: string;
  /** How the file is shown: as given on the command line, or relative to the working directory. */
  displayPath: string;
  /** Named on the command line (reported even when it is not a container file). */
  explicit: boolean;
}

/** The files to lint: named files as they are, folders walked for candidate container files. */
export function discoverTargets(paths: readonly string[], cwd: string): LintTarget[] {
  const targets = new Map<string, LintTarget>();
  for (const given of paths) {
    const path = resolve(cwd, given);
    let isDirectory: boolean;
    try {
      isDirectory = statSync(path).isDirectory();
    } catch {
      throw new UsageError(`No such file or folder: ${given}`);
    }
    if (!isDirectory) {
      targets.set(path, { path, displayPath: given, explicit: true });
      continue;
    }
    for (const found of walkContainerFiles(path)) {
      if (!targets.has(found)) targets.set(found, { path: found, displayPath: toPosixPath(relative(cwd, found)), explicit: false });
    }
  }
  return [...targets.values()].sort((a, b) => a.displayPath.localeCompare(b.displayPath));
}
