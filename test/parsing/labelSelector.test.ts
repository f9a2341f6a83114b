import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseContainerFile } from '../../server/src/parsing/containerFile';
import { describeSelector, readLabelSelector, selects } from '../../server/src/parsing/labelSelector';
import type { YamlView } from '../../server/src/parsing/yamlView';

function selectorView(yaml: string): YamlView | undefined {
  const file = parseContainerFile('file:///p/k8s.yaml', `apiVersion: v1\nkind: X\nselector:\n${yaml.replace(/^/gm, '  ')}\n`);
  assert.equal(file.kind, 'kubernetes');
  return file.kind === 'kubernetes' ? file.objects[0]?.view.get('selector') : undefined;
}

const labels = (entries: Record<string, string>) => new Map(Object.entries(entries));

test('matchLabels and every matchExpressions operator', () => {
  const selector = readLabelSelector(
    selectorView(
      'matchLabels: {app: web}\nmatchExpressions:\n  - {key: tier, operator: In, values: [front, edge]}\n  - {key: env, operator: NotIn, values: [dev]}\n  - {key: team, operator: Exists}\n  - {key: legacy, operator: DoesNotExist}',
    ),
  );
  assert.ok(selector);
  assert.equal(describeSelector(selector.requirements), 'app=web,tier in (front,edge),env notin (dev),team,!legacy');
  assert.ok(selects(selector.requirements, labels({ app: 'web', tier: 'edge', team: 'a' })));
  assert.ok(selects(selector.requirements, labels({ app: 'web', tier: 'front', team: 'a', env: 'prod' })));
  assert.equal(selects(selector.requirements, labels({ app: 'web', tier: 'back', team: 'a' })), false);
  assert.equal(selects(selector.requirements, labels({ app: 'web', tier: 'front', team: 'a', env: 'dev' })), false);
  assert.equal(selects(selector.requirements, labels({ app: 'web', tier: 'front' })), false);
  assert.equal(selects(selector.requirements, labels({ app: 'web', tier: 'front', team: 'a', legacy: 'yes' })), false);
});

test('a plain map selects like matchLabels; numbers and booleans compare as written', () => {
  const selector = readLabelSelector(selectorView('app: web\nversion: 2\ncanary: true'), { plainMap: true });
  assert.ok(selector);
  assert.ok(selects(selector.requirements, labels({ app: 'web', version: '2', canary: 'true', extra: 'x' })));
  assert.equal(selects(selector.requirements, labels({ app: 'web', version: '3', canary: 'true' })), false);
});

test('what cannot be read gives no selector, so nothing is judged on it', () => {
  assert.equal(readLabelSelector(selectorView('matchExpressions:\n  - {key: a, operator: Like, values: [x]}')), undefined);
  assert.equal(readLabelSelector(selectorView('matchLabels: {app: [web]}')), undefined);
  assert.equal(readLabelSelector(selectorView('matchLabels: web')), undefined);
  assert.equal(readLabelSelector(undefined), undefined);
  assert.deepEqual(readLabelSelector(selectorView('{}'))?.requirements, [], 'empty: selects everything');
});
