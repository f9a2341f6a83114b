// Each editor command proposes its own files, and the Dockerfile, .dockerignore and .gitignore only where the
// project lacks them (or lacks what the command needs from them).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { renderCommand, type ScaffoldCommand } from '../../server/src/scaffold/render';
import type { ScaffoldOptions, StackFacts } from '../../server/src/scaffold/types';

const facts: StackFacts = { name: 'web', stack: 'node', packageManager: 'npm' };
const options: ScaffoldOptions = { targets: [], services: ['postgres'], ingress: false, port: 3000, entry: 'index.js' };

function paths(command: ScaffoldCommand, project: Record<string, string>): Record<string, string> {
  const files = renderCommand(command, facts, options, (path) => project[path]);
  return Object.fromEntries(files.map((file) => [file.path, file.text]));
}

const userDockerfile = 'FROM node:22-alpine\nCOPY . /app\nCMD ["node", "/app/index.js"]\n';

test('Add Dockerfile proposes the Dockerfile and .dockerignore even where they exist (the user is asked before a replace)', () => {
  assert.deepEqual(Object.keys(paths('dockerfile', { Dockerfile: userDockerfile, '.dockerignore': 'x\n' })), ['Dockerfile', '.dockerignore']);
});

test('Add Compose file in an empty folder: the Dockerfile it builds, .dockerignore, compose.yaml, .env.example and .gitignore', () => {
  const files = paths('compose', {});
  assert.deepEqual(Object.keys(files), ['Dockerfile', '.dockerignore', 'compose.yaml', '.env.example', '.gitignore']);
  assert.equal(files['.gitignore'], '.env\n');
});

test('Add Compose file beside a Dockerfile without a development stage: that Dockerfile gains one; other files of the user stay out', () => {
  const files = paths('compose', { Dockerfile: userDockerfile, '.dockerignore': 'node_modules\n', '.gitignore': 'node_modules\r\n' });
  assert.deepEqual(Object.keys(files), ['Dockerfile', 'compose.yaml', '.env.example', '.gitignore']);
  assert.match(files.Dockerfile ?? '', /^FROM node:22-alpine AS app\n[\s\S]*\nFROM app AS development\n[\s\S]*\nFROM app\n$/);
  assert.equal(files['.gitignore'], 'node_modules\r\n.env\r\n');
});

test('Add Compose file where the Dockerfile has a development stage and .gitignore ignores .env: only the Compose files', () => {
  const files = paths('compose', { Dockerfile: 'FROM node:22 AS development\nFROM node:22\n', '.dockerignore': '', '.gitignore': '/.env\n' });
  assert.deepEqual(Object.keys(files), ['compose.yaml', '.env.example']);
});

test('Add Kubernetes manifests and Add CI pipeline leave an existing Dockerfile alone', () => {
  const project = { Dockerfile: userDockerfile, '.dockerignore': '' };
  assert.deepEqual(Object.keys(paths('kubernetes', project)), ['k8s/deployment.yaml', 'k8s/service.yaml', 'k8s/hpa.yaml', 'k8s/pdb.yaml']);
  assert.deepEqual(Object.keys(paths('ci', project)), ['.github/workflows/container.yml']);
});

test('Add Deployment Target ECS beside a Dockerfile: it gains VOLUME on the paths the task definition mounts, unless it declares them', () => {
  const files = paths('ecs', { Dockerfile: userDockerfile, '.dockerignore': '' });
  assert.deepEqual(Object.keys(files), ['Dockerfile', 'deploy/ecs/task-definition.json']);
  assert.equal(
    files.Dockerfile,
    `${userDockerfile}\n# ECS on Fargate fills its task volumes on these paths from the image (owner and mode included), so they stay writable.\nVOLUME ["/tmp"]\n`,
  );
  assert.deepEqual(Object.keys(paths('ecs', { Dockerfile: `${userDockerfile}VOLUME /tmp/\n`, '.dockerignore': '' })), ['deploy/ecs/task-definition.json']);
  assert.deepEqual(Object.keys(paths('ecs', { Dockerfile: 'FROM node:22 AS base\nVOLUME ["/tmp"]\nFROM base\n', '.dockerignore': '' })), [
    'deploy/ecs/task-definition.json',
  ]);
  assert.equal(paths('ecs', { Dockerfile: 'FROM node:22\nVOLUME ["/tmp"\n', '.dockerignore': '' }).Dockerfile?.endsWith('VOLUME ["/tmp"]\n'), true);
});
