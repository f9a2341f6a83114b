// How `lint --fix`, `init` and the scaffolding write: atomically (a temporary file renamed or linked into place), keeping
// the mode, never over a file edited meanwhile, and refusing read-only files and folders with a message naming them.
import assert from 'node:assert/strict';
import { chmodSync, mkdirSync, readdirSync, readFileSync, readlinkSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { ChangedOnDisk, createFile, replaceFile, WriteError } from '../../server/src/cli/fileWrites';
import { tempFolder } from '../helpers/cli';

const BEFORE = 'FROM node:22\nCMD node server.js\n';
const AFTER = 'FROM node:22\nCMD ["node", "server.js"]\n';

test('replaceFile renames a new file over the old one, keeping its mode, and leaves no temporary file', () => {
  const folder = tempFolder({ Dockerfile: BEFORE });
  const path = join(folder, 'Dockerfile');
  chmodSync(path, 0o640);
  const inode = statSync(path).ino;
  replaceFile(path, AFTER, BEFORE);
  assert.equal(readFileSync(path, 'utf8'), AFTER);
  assert.equal(statSync(path).mode & 0o7777, 0o640);
  // A new inode: the old content was never overwritten in place, so a reader saw one or the other.
  assert.notEqual(statSync(path).ino, inode);
  assert.deepEqual(readdirSync(folder), ['Dockerfile']);
});

test('replaceFile follows a symbolic link: the file it points to is replaced and the link kept', () => {
  const folder = tempFolder({ 'docker/Dockerfile.prod': BEFORE });
  symlinkSync('docker/Dockerfile.prod', join(folder, 'Dockerfile'));
  replaceFile(join(folder, 'Dockerfile'), AFTER, BEFORE);
  assert.equal(readlinkSync(join(folder, 'Dockerfile')), 'docker/Dockerfile.prod');
  assert.equal(readFileSync(join(folder, 'docker/Dockerfile.prod'), 'utf8'), AFTER);
  assert.deepEqual(readdirSync(join(folder, 'docker')), ['Dockerfile.prod']);
});

test('replaceFile leaves a file that no longer holds the text the fix was worked out from, or was deleted', () => {
  const folder = tempFolder({ Dockerfile: `${BEFORE}# saved meanwhile\n` });
  const path = join(folder, 'Dockerfile');
  assert.throws(
    () => replaceFile(path, AFTER, BEFORE, 'Dockerfile'),
    (error: Error) => {
      assert.ok(error instanceof ChangedOnDisk);
      assert.equal(error.message, 'Dockerfile changed on disk while it was being fixed; it is left as it is now.');
      return true;
    },
  );
  assert.equal(readFileSync(path, 'utf8'), `${BEFORE}# saved meanwhile\n`);
  assert.throws(() => replaceFile(join(folder, 'gone'), AFTER, BEFORE, 'gone'), /gone was deleted while it was being fixed/);
  assert.deepEqual(readdirSync(folder), ['Dockerfile']);
});

test('replaceFile refuses a read-only file, a file in a read-only folder, and a file that is not UTF-8, naming it', () => {
  const folder = tempFolder({ 'locked/Dockerfile': BEFORE, 'readonly/Dockerfile': BEFORE, 'latin1/Dockerfile': '' });
  chmodSync(join(folder, 'locked/Dockerfile'), 0o444);
  assert.throws(() => replaceFile(join(folder, 'locked/Dockerfile'), AFTER, BEFORE, 'locked/Dockerfile'), {
    constructor: WriteError,
    message: 'Cannot write locked/Dockerfile: the file is read-only.',
  });
  chmodSync(join(folder, 'readonly'), 0o555);
  try {
    assert.throws(() => replaceFile(join(folder, 'readonly/Dockerfile'), AFTER, BEFORE, 'readonly/Dockerfile'), {
      constructor: WriteError,
      message: 'Cannot write readonly/Dockerfile: its folder is read-only.',
    });
  } finally {
    chmodSync(join(folder, 'readonly'), 0o755);
  }
  const latin1 = Buffer.from('FROM node:22\n# caf\xe9\nCMD node server.js\n', 'latin1');
  writeFileSync(join(folder, 'latin1/Dockerfile'), latin1);
  assert.throws(() => replaceFile(join(folder, 'latin1/Dockerfile'), AFTER, latin1.toString('utf8'), 'latin1/Dockerfile'), {
    constructor: WriteError,
    message: 'Cannot fix latin1/Dockerfile: it is not valid UTF-8 text, and writing it back would change other bytes.',
  });
  assert.equal(readFileSync(join(folder, 'locked/Dockerfile'), 'utf8'), BEFORE);
  assert.equal(readFileSync(join(folder, 'readonly/Dockerfile'), 'utf8'), BEFORE);
  assert.ok(readFileSync(join(folder, 'latin1/Dockerfile')).equals(latin1));
});

test('createFile creates a missing file, and never replaces one, a folder or a link (not even a dangling one)', () => {
  const folder = tempFolder({ 'kept/.dockerignore': '# mine\n' });
  mkdirSync(join(folder, 'folder/.dockerignore'), { recursive: true });
  mkdirSync(join(folder, 'linked'));
  symlinkSync(join(folder, 'outside-target'), join(folder, 'linked/.dockerignore'));
  mkdirSync(join(folder, 'new'));
  assert.equal(createFile(join(folder, 'new/.dockerignore'), '.git\n'), true);
  assert.equal(readFileSync(join(folder, 'new/.dockerignore'), 'utf8'), '.git\n');
  for (const taken of ['kept', 'folder', 'linked']) {
    assert.equal(createFile(join(folder, taken, '.dockerignore'), '.git\n'), false, taken);
    assert.deepEqual(readdirSync(join(folder, taken)), ['.dockerignore'], taken);
  }
  assert.equal(readFileSync(join(folder, 'kept/.dockerignore'), 'utf8'), '# mine\n');
  assert.deepEqual(readdirSync(folder).sort(), ['folder', 'kept', 'linked', 'new']);
  chmodSync(join(folder, 'new'), 0o555);
  try {
    assert.throws(() => createFile(join(folder, 'new/compose.yaml'), 'services: {}\n', 'new/compose.yaml'), {
      constructor: WriteError,
      message: 'Cannot write new/compose.yaml: its folder is read-only.',
    });
  } finally {
    chmodSync(join(folder, 'new'), 0o755);
  }
});
