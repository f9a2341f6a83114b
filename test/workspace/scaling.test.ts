import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { Linter } from '../../server/src/engine/linter';
import { rules } from '../../server/src/rules';
import { Workspace } from '../../server/src/workspace/workspace';
import { repoRoot } from '../helpers/cli';

const SEED_FILES = ['Dockerfile', 'docker-compose.yml', 'k8s/deployment.yaml'];

/** `services` copies of examples/seed, one folder each, as the workspace benchmark builds them. */
function seedCopies(services: number) {
  const texts = SEED_FILES.map((path) => [path, readFileSync(join(repoRoot, 'examples/seed', path), 'utf8')] as const);
  const files = new Map<string, string>();
  for (let index = 0; index < services; index++) for (const [path, text] of texts) files.set(`file:///w/service-${index}/${path}`, text);
  const workspace = new Workspace({ readFile: (uri) => files.get(uri) });
  for (const uri of files.keys()) workspace.index(uri);
  return { workspace, linter: new Linter(workspace, rules), files };
}

// What a lint result records is what every later check of it compares: when that grew with the workspace, a
// workspace-wide check grew with the square of its files (45 s for 2,000 files).
test("a lint records as many reads in a workspace of 60 services as in one of 3: cross-file answers record a table's version, not every file", () => {
  const readCounts = (services: number) => {
    const { linter } = seedCopies(services);
    return SEED_FILES.map((path) => linter.lint(`file:///w/service-1/${path}`)?.reads.size);
  };
  const small = readCounts(3);
  assert.ok(small.every((count) => count !== undefined && count > 0));
  assert.deepEqual(readCounts(60), small);
});

test('a compose edit that changes no build leaves the other services’ findings cached; one that changes a build context does not', () => {
  const { workspace, linter, files } = seedCopies(5);
  const dockerfile = 'file:///w/service-3/Dockerfile';
  const compose = 'file:///w/service-1/docker-compose.yml';
  const first = linter.lint(dockerfile);
  assert.ok(first);
  const composeText = files.get(compose) ?? '';
  workspace.open(compose, `# a comment\n${composeText}`);
  assert.ok(workspace.unchangedSince(first.reads), 'same builds, same includes');
  workspace.open(compose, composeText.replace('services:\n', 'services:\n  extra:\n    build:\n      context: ..\n      dockerfile: service-3/Dockerfile\n'));
  assert.equal(workspace.unchangedSince(first.reads), false, 'another compose file now builds this Dockerfile from another context');
  assert.equal(workspace.composeBuildContextOf(dockerfile), 'file:///w');
});
