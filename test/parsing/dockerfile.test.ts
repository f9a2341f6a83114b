import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseDockerfile, substituteVariables } from '../../server/src/parsing/dockerfile';
import { parseImageReference } from '../../server/src/parsing/imageReference';

test('variable substitution follows the builder', () => {
  const variables = new Map<string, string | undefined>([
    ['SET', 'v'],
    ['EMPTY', ''],
    ['UNSET', undefined],
  ]);
  const cases: [string, string][] = [
    ['$SET', 'v'],
    ['${SET}', 'v'],
    ['${UNSET:-d}', 'd'],
    ['${EMPTY:-d}', 'd'],
    ['${EMPTY-d}', ''],
    ['${SET:+alt}', 'alt'],
    ['${UNSET:+alt}', ''],
    ['${UNSET}', '${UNSET}'],
    ['$MISSING', '$MISSING'],
    ['img:${SET}-alpine', 'img:v-alpine'],
  ];
  for (const [text, expected] of cases) assert.equal(substituteVariables(text, variables), expected, text);
});

test('stages: names, resolved base images and stage references', () => {
  const model = parseDockerfile('ARG NODE=20\nFROM node:${NODE}-alpine AS Build\nRUN npm ci\nFROM build\nFROM scratch\n');
  assert.deepEqual(
    model.stages.map((stage) => [stage.name, stage.image?.text, stage.baseStage?.index, stage.instructions.length]),
    [
      ['build', 'node:20-alpine', undefined, 2],
      [undefined, undefined, 0, 1],
      [undefined, 'scratch', undefined, 1],
    ],
  );
});

test('image references', () => {
  const cases: [string, object][] = [
    ['node', { repository: 'node' }],
    ['node:20', { repository: 'node', tag: '20' }],
    ['localhost:5000/app', { registry: 'localhost:5000', repository: 'app' }],
    ['ghcr.io/org/app:1.0@sha256:abc', { registry: 'ghcr.io', repository: 'org/app', tag: '1.0', digest: 'sha256:abc' }],
    ['library/node:latest', { repository: 'library/node', tag: 'latest' }],
  ];
  for (const [text, expected] of cases) {
    const { registry, repository, tag, digest } = parseImageReference(text);
    assert.deepEqual(Object.fromEntries(Object.entries({ registry, repository, tag, digest }).filter(([, value]) => value !== undefined)), expected, text);
  }
});

test('ARG A B declares two ARGs without defaults, as the builder reads it', () => {
  const model = parseDockerfile('ARG BASE TAG=3.20\nFROM alpine:${TAG}\n');
  assert.deepEqual(
    [...model.globalArgs],
    [
      ['BASE', undefined],
      ['TAG', '3.20'],
    ],
  );
  assert.equal(model.stages[0]!.image?.text, 'alpine:3.20');
});
