// How the CLI (`lint --fix`, `init`) and the editor's scaffolding put files on disk: a reader (an editor, a build, a
// watcher) sees the old content or the new, never a part, and a file changed by someone else meanwhile is left alone.
import { randomBytes } from 'node:crypto';
import {
  accessSync,
  closeSync,
  constants,
  fchmodSync,
  fstatSync,
  fsyncSync,
  linkSync,
  lstatSync,
  openSync,
  readFileSync,
  realpathSync,
  renameSync,
  type Stats,
  statSync,
  unlinkSync,
  writeSync,
} from 'node:fs';
import { basename, dirname, join } from 'node:path';

/** A file that cannot be written (read-only, in a read-only folder or file system): the message names it. */
export class WriteError extends Error {}

/** The file is not what it was when it was read (edited meanwhile), or appeared since it was found missing. */
export class ChangedOnDisk extends Error {}

const PERMISSION_CODES = new Set(['EACCES', 'EPERM', 'EROFS']);

/**
 * Replaces the file at `path` with `text`, provided it still holds `expected` byte for byte: the new text goes to a
 * temporary file in the same folder, which is renamed over the file, keeping its mode. A symbolic link is followed:
 * the file it points to is replaced and the link kept. A file or folder without write permission is refused (even for
 * root, as editors do: its owner marked it read-only); a file that is not valid UTF-8 too, as writing back its decoded
 * text would change bytes no fix touched. `name` names the file in messages.
 */
export function replaceFile(path: string, text: string, expected: string, name = path): void {
  const real = realpathOrThrow(path, name);
  const stats = statSync(real);
  refuseReadOnly(name, real, stats);
  const original = readFileSync(real);
  const changed = new ChangedOnDisk(`${name} changed on disk while it was being fixed; it is left as it is now.`);
  if (!original.equals(Buffer.from(expected, 'utf8'))) {
    if (original.toString('utf8') === expected)
      throw new WriteError(`Cannot fix ${name}: it is not valid UTF-8 text, and writing it back would change other bytes.`);
    throw changed;
  }
  const temporary = writeTemporary(name, real, text, stats.mode & 0o7777);
  try {
    // Last look before the rename: an edit saved while the fix was worked out wins over the fix.
    if (!readFileSync(real).equals(original)) throw changed;
    renameSync(temporary, real);
  } catch (error) {
    removeQuietly(temporary);
    throw translated(error, name);
  }
}

/**
 * Creates `path` with `text` unless something (a file, a folder, a link, even a dangling one) is there: written to a
 * temporary file and hard-linked into place, which fails rather than replaces. Returns false when something was there.
 * The folder must exist; checking that it lies where the caller wants is the caller's job. `name` names the file in
 * messages.
 */
export function createFile(path: string, text: string, name = path): boolean {
  refuseReadOnlyFolder(name, dirname(path));
  const temporary = writeTemporary(name, path, text, undefined);
  try {
    linkSync(temporary, path);
    return true;
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EEXIST') return false;
    // File systems without hard links (some network and FUSE mounts): a rename, after a last check, is the next best.
    if (code === 'EPERM' || code === 'ENOTSUP' || code === 'ENOSYS' || code === 'EMLINK') {
      if (lstatSync(path, { throwIfNoEntry: false })) return false;
      renameSync(temporary, path);
      return true;
    }
    throw translated(error, name);
  } finally {
    removeQuietly(temporary);
  }
}

function realpathOrThrow(path: string, name: string): string {
  try {
    return realpathSync(path);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') throw new ChangedOnDisk(`${name} was deleted while it was being fixed; it is not written.`);
    throw translated(error, name);
  }
}

function refuseReadOnly(name: string, real: string, stats: Stats): void {
  if (!isWritable(real, stats)) throw new WriteError(`Cannot write ${name}: the file is read-only.`);
  refuseReadOnlyFolder(name, dirname(real));
}

function refuseReadOnlyFolder(name: string, folder: string): void {
  const stats = statSync(folder, { throwIfNoEntry: false });
  if (!stats?.isDirectory()) throw new WriteError(`Cannot write ${name}: its folder does not exist.`);
  if (!isWritable(folder, stats)) throw new WriteError(`Cannot write ${name}: its folder is read-only.`);
}

/** Writable by this process, and not marked read-only by its mode (root may write anything, but should not here). */
function isWritable(path: string, stats: Stats): boolean {
  if ((stats.mode & 0o222) === 0) return false;
  try {
    accessSync(path, constants.W_OK);
    return true;
  } catch {
    return false;
  }
}

/** A new file beside `real`, holding `text` on disk (synced), with `mode` when given (else the umask's default). */
function writeTemporary(name: string, real: string, text: string, mode: number | undefined): string {
  const temporary = join(dirname(real), `.${basename(real)}.${process.pid}-${randomBytes(4).toString('hex')}.tmp`);
  let descriptor: number | undefined;
  try {
    descriptor = openSync(temporary, 'wx', mode ?? 0o666);
    // The umask applies at creation; the replaced file's mode is restored exactly.
    if (mode !== undefined && (fstatSync(descriptor).mode & 0o7777) !== mode) fchmodSync(descriptor, mode);
    writeSync(descriptor, text, null, 'utf8');
    fsyncSync(descriptor);
    closeSync(descriptor);
    return temporary;
  } catch (error) {
    if (descriptor !== undefined) closeSync(descriptor);
    removeQuietly(temporary);
    throw translated(error, name);
  }
}

function removeQuietly(path: string): void {
  try {
    unlinkSync(path);
  } catch {
    // Already renamed or linked away, or never created.
  }
}

/** Permission and read-only file system errors as a sentence naming the file; others as they are. */
function translated(error: unknown, name: string): unknown {
  const code = (error as NodeJS.ErrnoException).code;
  if (code && PERMISSION_CODES.has(code))
    return new WriteError(`Cannot write ${name}: ${code === 'EROFS' ? 'the file system is read-only' : 'permission denied'} (${code}).`);
  if (code === 'ENOSPC') return new WriteError(`Cannot write ${name}: no space left on the device.`);
  return error;
}
