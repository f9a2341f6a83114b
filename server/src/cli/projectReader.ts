import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { ProjectReader } from '../scaffold/types';

/** The scaffolding's view of a folder on disk. */
export function diskProjectReader(root: string): ProjectReader {
  return {
    readText(path) {
      const full = join(root, path);
      if (!statSync(full, { throwIfNoEntry: false })?.isFile()) return undefined;
      try {
        return readFileSync(full, 'utf8');
      } catch {
        return undefined;
      }
    },
    list(folder) {
      try {
        return readdirSync(join(root, folder)).sort();
      } catch {
        return [];
      }
    },
  };
}

/** The text at a path; undefined when nothing is there, null when something is but cannot be read as a file. */
export function existingText(root: string, path: string): string | undefined | null {
  const stat = statSync(join(root, path), { throwIfNoEntry: false });
  if (!stat) return undefined;
  if (!stat.isFile()) return null;
  try {
    return readFileSync(join(root, path), 'utf8');
  } catch {
    return null;
  }
}
