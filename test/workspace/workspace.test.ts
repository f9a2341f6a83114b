import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Workspace } from '../../server/src/workspace/workspace';

const DOCKERFILE = 'file:///p/Dockerfile';

function diskWorkspace() {
  const disk = new Map([[DOCKERFILE, 'FROM a:1\n']]);
  const reads: string[] = [];
  const workspace = new Workspace({
    readFile: (uri) => {
      reads.push(uri);
      return disk.get(uri);
    },
  });
  workspace.index(DOCKERFILE);
  return { workspace, disk, reads };
}

test('open buffers win over the disk; closing goes back to the disk', () => {
  const { workspace } = diskWorkspace();
  workspace.open(DOCKERFILE, 'FROM b:2\n', 'dockerfile');
  assert.equal(workspace.readText(DOCKERFILE), 'FROM b:2\n');
  workspace.close(DOCKERFILE);
  assert.equal(workspace.readText(DOCKERFILE), 'FROM a:1\n');
  assert.deepEqual(workspace.uris(), [DOCKERFILE], 'an indexed file stays after closing');
});

test('disk reads are cached until the file changes', () => {
  const { workspace, disk, reads } = diskWorkspace();
  workspace.readText(DOCKERFILE);
  workspace.readText(DOCKERFILE);
  assert.equal(reads.length, 1);
  disk.set(DOCKERFILE, 'FROM c:3\n');
  workspace.changedOnDisk(DOCKERFILE);
  assert.equal(workspace.readText(DOCKERFILE), 'FROM c:3\n');
});

test('a file is parsed once per text', () => {
  const { workspace } = diskWorkspace();
  const first = workspace.get(DOCKERFILE);
  assert.equal(workspace.get(DOCKERFILE), first);
  workspace.open(DOCKERFILE, 'FROM d:4\n');
  assert.notEqual(workspace.get(DOCKERFILE), first);
});

test('unindexing forgets a closed file but keeps an open one', () => {
  const { workspace } = diskWorkspace();
  workspace.unindex(DOCKERFILE);
  assert.deepEqual(workspace.uris(), []);
  workspace.open('untitled:1', 'FROM a:1\n', 'dockerfile');
  workspace.index('untitled:1');
  workspace.unindex('untitled:1');
  assert.deepEqual(workspace.uris(), ['untitled:1']);
  assert.equal(workspace.containerFiles()[0]?.kind, 'dockerfile');
});
