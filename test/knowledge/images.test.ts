import { test } from 'node:test';
import assert from 'node:assert/strict';
import { allImageEntries, canonicalRepository, imageBinSh, imageEntry, imageFacts, smallerVariants } from '../../server/src/knowledge/images';
import { parseImageReference } from '../../server/src/parsing/imageReference';

const FAMILIES = ['debian', 'ubuntu', 'alpine', 'rhel', 'distroless', 'wolfi', 'busybox', 'scratch'];

test('every entry is well-formed and reachable (no earlier wildcard shadows it)', () => {
  for (const entry of allImageEntries()) {
    assert.ok(FAMILIES.includes(entry.family), `${entry.match}: family ${entry.family}`);
    assert.ok(entry.user === 'root' || entry.user === 'nonroot', `${entry.match}: user`);
    if (entry.nonRootUid !== undefined)
      assert.ok(entry.nonRootUser && Number.isInteger(entry.nonRootUid) && entry.nonRootUid > 0, `${entry.match}: nonRootUid`);
    assert.ok(
      entry.variants.every((variant) => variant.includes('{tag}')),
      `${entry.match}: variants are tag templates`,
    );
    assert.ok(
      entry.tags.every((tag) => tag && tag === tag.trim()),
      `${entry.match}: tags`,
    );
    const probe = entry.match.replace('*', 'probe');
    const [registry, ...rest] = probe.includes('.') ? probe.split('/') : [undefined, probe];
    assert.equal(imageEntry({ registry, repository: registry ? rest.join('/') : probe }), entry, `${entry.match} is shadowed`);
  }
});

test('known facts', () => {
  const cases: [string, { family: string; runsAsRoot: boolean; isMinimalVariant: boolean } | undefined][] = [
    ['node:22', { family: 'debian', runsAsRoot: true, isMinimalVariant: false }],
    ['node:22-alpine', { family: 'alpine', runsAsRoot: true, isMinimalVariant: true }],
    ['docker.io/library/python:3.12-slim-bookworm', { family: 'debian', runsAsRoot: true, isMinimalVariant: true }],
    ['gcr.io/distroless/static-debian12:nonroot', { family: 'distroless', runsAsRoot: false, isMinimalVariant: true }],
    ['gcr.io/distroless/base-debian12', { family: 'distroless', runsAsRoot: true, isMinimalVariant: true }],
    ['mcr.microsoft.com/dotnet/aspnet:8.0-noble-chiseled', { family: 'distroless', runsAsRoot: false, isMinimalVariant: true }],
    ['bitnami/redis:7.4', { family: 'debian', runsAsRoot: false, isMinimalVariant: true }],
    ['nginxinc/nginx-unprivileged:1.29-alpine', { family: 'alpine', runsAsRoot: false, isMinimalVariant: true }],
    ['ubuntu:24.04', { family: 'ubuntu', runsAsRoot: true, isMinimalVariant: false }],
    ['registry.example.com/team/app:1.0', undefined],
  ];
  for (const [text, expected] of cases) {
    const facts = imageFacts(parseImageReference(text));
    assert.deepEqual(facts && { family: facts.family, runsAsRoot: facts.runsAsRoot, isMinimalVariant: facts.isMinimalVariant }, expected, text);
  }
});

test('repository names are canonical and variants follow the tag in use', () => {
  assert.equal(canonicalRepository(parseImageReference('docker.io/library/node:20')), 'node');
  assert.equal(canonicalRepository(parseImageReference('docker.io/bitnami/redis')), 'bitnami/redis');
  const node = imageEntry({ repository: 'node' })!;
  assert.deepEqual(smallerVariants(node, '20'), ['20-slim', '20-alpine']);
  assert.deepEqual(smallerVariants(node, 'latest'), [`${node.tags[0]}-slim`, `${node.tags[0]}-alpine`]);
});

test('/bin/sh by image family', () => {
  const cases: [string, string | undefined][] = [
    ['node:22-alpine', 'busybox'],
    ['busybox:1.37', 'busybox'],
    ['python:3.13-slim', 'dash'],
    ['ubuntu:24.04', 'dash'],
    ['fedora:42', 'bash'],
    ['amazoncorretto:21', 'bash'],
    ['gcr.io/distroless/base-debian12', undefined],
    ['gcr.io/distroless/base-debian12:debug', 'busybox'],
    ['scratch', undefined],
    ['registry.example.com/team/app:1.0', undefined],
  ];
  for (const [text, expected] of cases) assert.equal(imageBinSh(parseImageReference(text)), expected, text);
});
