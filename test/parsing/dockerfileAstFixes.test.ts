// The patch of dockerfile-ast in server/src/parsing/dockerfileAstFixes.ts: what it mends, and a check that the
// library still needs it.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { test } from 'node:test';
import { INTERNAL_ERROR_PREFIX, lintFile } from '../../server/src/engine/lint';
import { rules } from '../../server/src/rules';
import { Workspace } from '../../server/src/workspace/workspace';
import { repoRoot } from '../helpers/cli';

function lint(text: string): string[] {
  const uri = 'file:///p/Dockerfile';
  const workspace = new Workspace({ readFile: () => undefined });
  workspace.open(uri, text, 'dockerfile');
  return lintFile(workspace.get(uri)!, workspace, { rules: {} }, rules).map(
    (finding) => `${finding.ruleId} ${finding.range.start.line}:${finding.range.start.character} ${finding.message}`,
  );
}

test('dockerfile-ast by itself still recurses forever on a variable in an indented first line (else drop dockerfileAstFixes.ts)', () => {
  const script = `const { DockerfileParser } = require('dockerfile-ast');
try { DockerfileParser.parse(' ARG A=$B').getInstructions()[0].getVariables(); console.log('resolved'); }
catch (error) { console.log(error instanceof RangeError ? 'recursed' : String(error)); }`;
  const run = spawnSync(process.execPath, ['-e', script], { cwd: repoRoot, encoding: 'utf8' });
  assert.equal(run.stdout.trim(), 'recursed', 'dockerfile-ast resolves this now: remove server/src/parsing/dockerfileAstFixes.ts and this test');
});

for (const [what, text, expected] of [
  ['an indented first ARG', ' ARG A=$B\nFROM alpine:3.22\n', 'dockerfile/undefined-var 0:8'],
  ['a byte order mark before an ENV', '\ufeffENV a=$b\n', 'dockerfile/instruction-before-from 0:1'],
  ['an indented RUN before any FROM', ' RUN echo $A\n', 'dockerfile/instruction-before-from 0:1'],
] as const) {
  test(`a variable on ${what} is checked, not a rule crash`, () => {
    const findings = lint(text);
    assert.deepEqual(
      findings.filter((finding) => finding.includes(INTERNAL_ERROR_PREFIX)),
      [],
    );
    assert.ok(
      findings.some((finding) => finding.startsWith(expected)),
      findings.join('\n'),
    );
  });
}
