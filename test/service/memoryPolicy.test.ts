import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { repoRoot } from '../helpers/cli';

/** The young generation's size after allocating much short-lived garbage, in a fresh process (V8 flags are per process). */
function youngGenerationAfterGarbage(keepSmall: boolean, execArgv: string[] = []): number {
  const script = `
    const v8 = require('node:v8');
    ${keepSmall ? "require('./server/src/service/memoryPolicy').keepHeapSmall();" : ''}
    let kept = [];
    for (let round = 0; round < 400; round++) {
      const version = Array.from({ length: 20000 }, (_, index) => ({ index, text: 'x' + index }));
      kept = [kept, version].slice(-2);
    }
    process.stdout.write(String(v8.getHeapSpaceStatistics().find((space) => space.space_name === 'new_space').space_size));`;
  const result = spawnSync(process.execPath, [...execArgv, '--import', 'tsx', '-e', script], { cwd: repoRoot, encoding: 'utf8' });
  assert.equal(result.status, 0, result.stderr);
  return Number(result.stdout) / 2 ** 20;
}

test('the server keeps the young generation at the size it has, unless started with its own setting', () => {
  const grown = youngGenerationAfterGarbage(false);
  const kept = youngGenerationAfterGarbage(true);
  assert.ok(grown >= 8, `V8's default grows it (${grown} MiB)`);
  assert.ok(kept <= 4, `kept at its size (${kept} MiB)`);
  assert.ok(youngGenerationAfterGarbage(true, ['--semi-space-growth-factor=2']) >= 8, 'a flag given on the command line wins');
});
