import { lstatSync, realpathSync } from 'node:fs';
import { dirname, isAbsolute, join, relative, resolve } from 'node:path';

/** Why a generated path may not go below the project folder: absolute, or climbing out with `..`; undefined when it may. */
export function unsafeRelativePath(path: string): string | undefined {
  if (path.trim() === '') return 'it is empty';
  if (isAbsolute(path) || /^([a-zA-Z]:|[\\/])/.test(path)) return 'it is absolute';
  if (path.split(/[\\/]/).includes('..')) return 'it climbs out of the folder with ..';
  return undefined;
}

/** A path the scaffolding will not write: it would land outside the chosen folder. */
export class OutsideFolder extends Error {}

function isWithin(root: string, path: string): boolean {
  const rest = relative(root, path);
  return rest === '' || (!rest.startsWith('..') && !isAbsolute(rest));
}

/**
 * The absolute path where `path` is written below `root`; throws when it would land outside `root`, through `..`, an
 * absolute path or a symbolic link (of the file or of a folder on the way) that resolves elsewhere.
 */
export function pathInside(root: string, path: string): string {
  const unsafe = unsafeRelativePath(path);
  if (unsafe) throw new OutsideFolder(`Refusing to write ${path}: ${unsafe}.`);
  const realRoot = realpathSync(root);
  const target = resolve(root, path);
  // The deepest part of the path that exists decides where the write lands; what is below it is created as named.
  let existing = target;
  while (!lstatSync(existing, { throwIfNoEntry: false })) existing = dirname(existing);
  let real: string;
  try {
    real = realpathSync(existing);
  } catch {
    throw new OutsideFolder(`Refusing to write ${path}: ${relative(root, existing) || '.'} is a link that leads nowhere.`);
  }
  if (!isWithin(realRoot, join(real, relative(existing, target)))) throw new OutsideFolder(`Refusing to write ${path}: it resolves outside ${root}.`);
  return target;
}
