import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { FoldingRange } from 'vscode-languageserver-types';
import { parseContainerFile } from '../../server/src/parsing/containerFile';
import { foldingRanges } from '../../server/src/service/folding';

const cases: { name: string; text: string; expected: FoldingRange[] }[] = [
  {
    name: 'stages, continuations, heredocs and comment blocks',
    text: [
      '# syntax=docker/dockerfile:1',
      '# Builds the app',
      '# and serves it.',
      'FROM node:22 AS build',
      'RUN npm ci \\',
      '  && npm run build',
      'FROM nginx:1.27',
      'COPY <<EOF /etc/motd',
      'hello',
      'EOF',
      'EXPOSE 8080',
      '',
    ].join('\n'),
    expected: [
      { startLine: 3, endLine: 5 },
      { startLine: 6, endLine: 10 },
      { startLine: 4, endLine: 5 },
      { startLine: 7, endLine: 9 },
      { startLine: 1, endLine: 2, kind: 'comment' },
    ],
  },
  { name: 'single-line stages fold nothing', text: 'FROM alpine:3.22\nFROM scratch\n', expected: [] },
  { name: 'an empty Dockerfile', text: '', expected: [] },
  { name: 'a lone comment does not fold', text: '# one\nFROM alpine:3.22\n', expected: [] },
];

for (const { name, text, expected } of cases) {
  test(`folding: ${name}`, () => {
    assert.deepEqual(foldingRanges(parseContainerFile('file:///project/Dockerfile', text)), expected);
  });
}

test('folding: YAML files are left to the editor', () => {
  assert.equal(foldingRanges(parseContainerFile('file:///project/compose.yaml', 'services:\n  web:\n    image: a\n')), undefined);
  assert.equal(foldingRanges(parseContainerFile('file:///project/pod.yaml', 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: a\n')), undefined);
  assert.equal(foldingRanges(undefined), undefined);
});
