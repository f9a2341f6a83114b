import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { composeSchemaViolations, isInterpolated } from '../../server/src/schema/composeSchema';
import { describePath, expectedTypes } from '../../server/src/schema/schemaMessages';
import { repoRoot } from '../helpers/cli';

/** Violations as `path message-id key=value…`, for compact expectations. */
function check(data: unknown): string[] {
  return composeSchemaViolations(data).map(
    (violation) =>
      `${violation.path.join('/')} ${violation.messageId}${Object.entries(violation.data)
        .map(([key, value]) => ` ${key}=${value}`)
        .join('')}`,
  );
}

test('the bundled schema is the one dclint ships, without the $schema Ajv cannot resolve', () => {
  const dclintFolder = dirname(require.resolve('dclint/package.json'));
  const original = JSON.parse(readFileSync(join(dclintFolder, 'schemas', 'compose.schema.json'), 'utf8'));
  const bundled = JSON.parse(readFileSync(join(repoRoot, 'schemas', 'compose', 'compose-spec.json'), 'utf8'));
  const { $schema, ...rest } = original;
  assert.equal($schema, 'https://json-schema.org/draft-07/schema');
  assert.deepEqual(bundled, rest);
});

test('the server bundle carries the precompiled validators and none of Ajv’s compiler', () => {
  const mapFile = join(repoRoot, 'dist', 'server', 'server.js.map');
  assert.ok(existsSync(mapFile), `${mapFile} is missing: run node esbuild.mjs`);
  const sources: string[] = JSON.parse(readFileSync(mapFile, 'utf8')).sources;
  for (const validator of ['server/src/schema/generated/composeValidator.cjs', 'server/src/engine/generated/configValidator.cjs']) {
    assert.ok(
      sources.some((source) => source.endsWith(validator)),
      `${validator} is bundled`,
    );
  }
  assert.deepEqual(
    sources.filter((source) => /node_modules\/ajv\//.test(source) && !/\/runtime\//.test(source)),
    [],
    'only Ajv’s runtime helpers are bundled',
  );
});

test('interpolated values skip checks of a scalar’s type and value, not of a collection’s', () => {
  assert.deepEqual(
    check({
      services: {
        web: {
          image: 'nginx',
          pull_policy: '${POLICY}',
          cpu_percent: '${CPU}',
          use_api_socket: '${SOCKET}',
          volumes: [{ type: '${TYPE}', source: 'a', target: '/a' }],
          cgroup: '${CGROUP}',
          ports: '${PORTS}',
        },
      },
    }),
    ['services/web/ports wrongType where=services.web.ports expected=a list actual=the string "${PORTS}"'],
  );
});

test('$$ is a literal dollar, not interpolation', () => {
  assert.equal(isInterpolated('${A}'), true);
  assert.equal(isInterpolated('$A-b'), true);
  assert.equal(isInterpolated('$${A}'), false);
  assert.equal(isInterpolated('price: 5$'), false);
  assert.equal(isInterpolated(5), false);
});

test('values outside a range, patterns and enums in plain words', () => {
  assert.deepEqual(check({ services: { web: { image: 'nginx', cpu_percent: 150, oom_score_adj: -2000, pull_policy: 'sometimes', cgroup: 'shared' } } }), [
    'services/web/cgroup notAllowed where=services.web.cgroup expected=one of "host" or "private" actual=the string "shared"',
    'services/web/cpu_percent outOfRange where=services.web.cpu_percent comparison=<= limit=100 actual=the number 150',
    'services/web/oom_score_adj outOfRange where=services.web.oom_score_adj comparison=>= limit=-1000 actual=the number -2000',
    'services/web/pull_policy pattern where=services.web.pull_policy actual=the string "sometimes" pattern=/always|never|build|if_not_present|missing|refresh|daily|weekly|every_([0-9]+[wdhms])+/',
  ]);
});

test('missing keys of one mapping make one violation', () => {
  assert.deepEqual(check({ services: { web: { image: 'nginx', ulimits: { nofile: {} } } } }), [
    'services/web/ulimits/nofile missingKeys where=services.web.ulimits.nofile keys=keys "soft" and "hard"',
  ]);
});

test('the obsolete version is not checked, whatever its type', () => {
  assert.deepEqual(check({ version: 3.8, services: {} }), []);
  assert.deepEqual(check({ version: { nested: true } }), []);
});

test('paths and types read the way people write them', () => {
  assert.equal(describePath([]), 'The document');
  assert.equal(describePath(['services', 'web', 'ports', 0, 'target']), 'services.web.ports[0].target');
  assert.equal(describePath(['services', 'web', 'labels', 'com.example.team']), 'services.web.labels["com.example.team"]');
  assert.equal(expectedTypes(['null', 'string', 'array']), 'a string, a list or an empty value');
  assert.equal(expectedTypes(['integer', 'number', 'string']), 'a number or a string');
});
