import { test } from 'node:test';
import assert from 'node:assert/strict';
import { allEolProducts, EOL_TABLE_DATE, endsOfLife, successorTags } from '../../server/src/knowledge/eol';
import { imageEntry } from '../../server/src/knowledge/images';
import { parseImageReference } from '../../server/src/parsing/imageReference';

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

test('every product is well-formed, dated and sourced', () => {
  assert.match(EOL_TABLE_DATE, ISO_DATE);
  for (const product of allEolProducts()) {
    assert.ok(product.source.length > 20, `${product.name}: source`);
    assert.ok(
      product.images.every((repository) => imageEntry({ repository })),
      `${product.name}: its images are in images.json`,
    );
    assert.ok(product.supported === 'newest-two' || (product.releases?.length ?? 0) > 0, `${product.name}: releases or a policy`);
    for (const { release, eol } of product.releases ?? []) {
      assert.match(eol, ISO_DATE, `${product.name} ${release}`);
      assert.ok(eol <= EOL_TABLE_DATE, `${product.name} ${release}: only releases already ended on the table's date are listed`);
    }
    for (const [codename, release] of Object.entries(product.codenames ?? {})) assert.match(release, /^\d+(\.\d+)?$/, `${product.name} ${codename}`);
  }
});

test("the image table's current tags, which fixes move to, are supported on the table's date", () => {
  for (const product of allEolProducts()) {
    for (const repository of product.images) {
      for (const tag of imageEntry({ repository })!.tags) {
        assert.deepEqual(endsOfLife(parseImageReference(`${repository}:${tag}`), EOL_TABLE_DATE), [], `${repository}:${tag}`);
      }
    }
  }
});

test('known facts', () => {
  const cases: [string, string, string[], string[]][] = [
    ['node:18-alpine', '2025-04-30', ['Node.js 18'], ['24-alpine', '22-alpine']],
    ['node:18-alpine', '2025-04-29', [], []],
    ['node:hydrogen-bookworm-slim', '2026-12-07', ['Node.js 18'], ['krypton-bookworm-slim', 'jod-bookworm-slim']],
    ['python:3.9.18-alpine3.19', '2026-12-07', ['Python 3.9', 'Alpine Linux 3.19'], ['3.14-alpine', '3.13-alpine']],
    ['ruby:3.3-bullseye', '2026-12-07', ['Debian 11'], ['3.3-trixie', '3.3-bookworm']],
    ['eclipse-temurin:17-jre-focal', '2026-12-07', ['Ubuntu 20.04'], ['17-jre-noble', '17-jre-jammy']],
    ['golang:1.25-bookworm', '2026-12-07', ['Go 1.25'], ['1.27-bookworm', '1.26-bookworm']],
    ['golang:1.26rc1', '2026-12-07', [], []],
    ['alpine:edge', '2026-12-07', [], []],
  ];
  for (const [text, today, expected, successors] of cases) {
    const reference = parseImageReference(text);
    const ends = endsOfLife(reference, today);
    assert.deepEqual(
      ends.map((end) => `${end.product} ${end.release}`),
      expected,
      text,
    );
    if (ends.length) assert.deepEqual(successorTags(reference, ends, today), successors, text);
  }
});
