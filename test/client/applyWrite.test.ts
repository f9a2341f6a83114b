// The scaffolding commands' writes: atomic, new folders made, and never over a file that appeared or changed after the
// user decided (the consent was for what they saw); a read-only folder is an error naming the file.
import assert from 'node:assert/strict';
import { chmodSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { applyWrite } from '../../client/src/scaffold/applyWrite';
import type { PlannedWrite } from '../../client/src/scaffold/consent';
import { tempFolder } from '../helpers/cli';

const planned = (root: string, path: string, decision: PlannedWrite['decision'], current?: string): PlannedWrite => ({
  path,
  target: join(root, path),
  text: 'proposed\n',
  decision,
  current,
});

test('create makes the folders on the way; replace and alongside overwrite only what the user saw', () => {
  const root = tempFolder({ 'compose.yaml': 'yours\n', 'Dockerfile.new': 'older proposal\n' });
  assert.equal(applyWrite(planned(root, 'k8s/base/deployment.yaml', 'create')), 'create');
  assert.equal(applyWrite(planned(root, 'compose.yaml', 'replace', 'yours\n')), 'replace');
  assert.equal(applyWrite(planned(root, 'Dockerfile.new', 'alongside', 'older proposal\n')), 'alongside');
  for (const path of ['k8s/base/deployment.yaml', 'compose.yaml', 'Dockerfile.new']) assert.equal(readFileSync(join(root, path), 'utf8'), 'proposed\n', path);
  assert.equal(applyWrite(planned(root, 'unchanged.yaml', 'unchanged', 'proposed\n')), 'unchanged');
  assert.equal(applyWrite(planned(root, 'kept.yaml', 'keep', 'yours\n')), 'keep');
  assert.deepEqual(readdirSync(root).sort(), ['Dockerfile.new', 'compose.yaml', 'k8s']);
});

test('a file that appeared, or was edited, after the user decided is kept as it now is', () => {
  const root = tempFolder({ 'compose.yaml': 'yours, saved again\n', Dockerfile: 'appeared\n' });
  assert.equal(applyWrite(planned(root, 'Dockerfile', 'create')), 'keep');
  assert.equal(applyWrite(planned(root, 'compose.yaml', 'replace', 'yours\n')), 'keep');
  assert.equal(readFileSync(join(root, 'Dockerfile'), 'utf8'), 'appeared\n');
  assert.equal(readFileSync(join(root, 'compose.yaml'), 'utf8'), 'yours, saved again\n');
  assert.deepEqual(readdirSync(root).sort(), ['Dockerfile', 'compose.yaml']);
});

test('a read-only folder is an error that names the file', () => {
  const root = tempFolder({ 'go.mod': '' });
  writeFileSync(join(root, 'go.mod'), 'module x\n');
  chmodSync(root, 0o555);
  try {
    assert.throws(() => applyWrite(planned(root, 'Dockerfile', 'create')), { message: 'Cannot write Dockerfile: its folder is read-only.' });
  } finally {
    chmodSync(root, 0o755);
  }
});
