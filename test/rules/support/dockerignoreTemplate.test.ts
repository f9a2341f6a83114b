import { test } from 'node:test';
import assert from 'node:assert/strict';
import { dockerignoreTemplate } from '../../../server/src/rules/support/dockerignoreTemplate';

test('the template keeps version control, secrets and clutter out, build outputs opt-in', () => {
  const lines = dockerignoreTemplate().split('\n');
  for (const pattern of [
    '.git',
    '**/.env',
    '!**/.env.example',
    '**/*.pem',
    '**/*.key',
    '**/id_rsa*',
    '**/.npmrc',
    '.aws',
    '.ssh',
    '**/*.log',
    '**/Dockerfile*',
  ]) {
    assert.ok(lines.includes(pattern), pattern);
  }
  assert.ok(!lines.includes('**/node_modules'), 'node_modules only when the image installs them');
  assert.ok(lines.includes('# dist') && !lines.includes('dist'));
});

test('node_modules when the image installs its dependencies', () => {
  assert.ok(dockerignoreTemplate({ installsNodeModules: true }).split('\n').includes('**/node_modules'));
});

test('a pattern that would exclude a copied path is left out', () => {
  const lines = dockerignoreTemplate({ copiedPaths: ['Dockerfile', 'certs/server.key', 'logs/app.log'] }).split('\n');
  assert.ok(!lines.includes('**/Dockerfile*'));
  assert.ok(!lines.includes('**/*.key'));
  assert.ok(!lines.includes('**/*.log'));
  assert.ok(lines.includes('**/*.pem'));
});
