import assert from 'node:assert/strict';
import { test } from 'node:test';
import { runCli, tempFolder } from '../helpers/cli';

const CLEAN_DOCKERFILE =
  'FROM node:24-alpine\nWORKDIR /app\nCOPY . .\nUSER 1000\nHEALTHCHECK CMD wget -qO- http://localhost:3000/ || exit 1\nCMD ["node", "server.js"]\n';

test('stylish marks the findings --fix fixes and counts the files with problems among those checked', () => {
  const folder = tempFolder({
    'api/Dockerfile': CLEAN_DOCKERFILE.replace('CMD ["node", "server.js"]', 'CMD node server.js'),
    'api/.dockerignore': '.git\n',
    'web/Dockerfile': CLEAN_DOCKERFILE,
    'web/.dockerignore': '.git\n',
  });
  const { stdout } = runCli(['lint', '--format', 'stylish', '.'], folder);
  const rows = stdout.split('\n').filter((line) => /^\s+\d+:\d+/.test(line));
  assert.ok(
    rows.some((row) => row.endsWith('dockerfile/shell-form-cmd (fixable)')),
    stdout,
  );
  assert.ok(
    rows.every((row) => !row.includes('(fixable)') || row.includes('shell-form-cmd')),
    stdout,
  );
  const summary = stdout.trim().split('\n');
  assert.match(summary.at(-2) ?? '', /problems? \(.*\) in 1 file \(2 files checked\)$/);
  assert.match(summary.at(-1) ?? '', /^1 of them, marked \(fixable\), can be fixed with --fix\.$/);
});

test('stylish says how many files it checked when none has a problem', () => {
  const folder = tempFolder({ Dockerfile: CLEAN_DOCKERFILE, '.dockerignore': '.git\n' });
  const { stdout } = runCli(['lint', '.'], folder);
  assert.equal(stdout, 'No problems in 1 file.\n');
});
