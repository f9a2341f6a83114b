// Nothing a scaffolding command writes may land outside the chosen folder: not through `..`, an absolute path, or a
// symbolic link (of the file or of a folder on the way) that resolves elsewhere.
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { pathInside, unsafeRelativePath } from '../../server/src/scaffold/containment';

const base = mkdtempSync(join(tmpdir(), 'containment-'));
after(() => rmSync(base, { recursive: true, force: true }));
const root = join(base, 'project');
const outside = join(base, 'outside');
mkdirSync(join(root, 'k8s'), { recursive: true });
mkdirSync(outside);
writeFileSync(join(outside, 'Dockerfile'), 'FROM scratch\n');
symlinkSync(outside, join(root, 'linked'));
symlinkSync(join(outside, 'Dockerfile'), join(root, 'Dockerfile'));
symlinkSync(join(base, 'missing'), join(root, 'dangling'));
mkdirSync(join(outside, 'inner'));
symlinkSync(join(root, 'k8s'), join(outside, 'inner', 'back'));

test('relative paths below the folder are written where they say, existing folders or not', () => {
  assert.equal(pathInside(root, 'compose.yaml'), join(root, 'compose.yaml'));
  assert.equal(pathInside(root, 'k8s/deployment.yaml'), join(root, 'k8s', 'deployment.yaml'));
  assert.equal(pathInside(root, '.github/workflows/container.yml'), join(root, '.github', 'workflows', 'container.yml'));
});

test('absolute paths and .. segments are refused before the disk is looked at', () => {
  assert.equal(unsafeRelativePath('/etc/passwd'), 'it is absolute');
  assert.equal(unsafeRelativePath('C:\\Windows\\x'), 'it is absolute');
  assert.equal(unsafeRelativePath('k8s/../../x'), 'it climbs out of the folder with ..');
  assert.equal(unsafeRelativePath('..\\x'), 'it climbs out of the folder with ..');
  assert.equal(unsafeRelativePath('a..b/..c'), undefined);
  assert.throws(() => pathInside(root, '../outside/Dockerfile'), /climbs out/);
});

test('a symbolic link that resolves outside the folder is refused, for the file and for a folder on the way', () => {
  assert.throws(() => pathInside(root, 'Dockerfile'), /resolves outside/);
  assert.throws(() => pathInside(root, 'linked/compose.yaml'), /resolves outside/);
  assert.throws(() => pathInside(root, 'linked/new/folder/file.yaml'), /resolves outside/);
  assert.throws(() => pathInside(root, 'dangling'), /leads nowhere/);
});

test('a folder reached through a link of its own is fine when the link resolves inside', () => {
  symlinkSync(join(root, 'k8s'), join(root, 'manifests'));
  assert.equal(pathInside(root, 'manifests/service.yaml'), join(root, 'manifests', 'service.yaml'));
});

test('a project folder that is itself reached through a link is judged by where it really is', () => {
  const linkedRoot = join(base, 'project-link');
  symlinkSync(root, linkedRoot);
  assert.equal(pathInside(linkedRoot, 'k8s/pdb.yaml'), join(linkedRoot, 'k8s', 'pdb.yaml'));
  assert.throws(() => pathInside(linkedRoot, 'Dockerfile'), /resolves outside/);
});
