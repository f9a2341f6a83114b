import assert from 'node:assert/strict';
import { test } from 'node:test';
import { startServer } from './lspClient';
import { compose, dockerfile, essentials, expected, onLine, type Essentials, type Sample } from './samples';

const cases: { name: string; sample: Sample; remaining: Essentials[] }[] = [
  {
    name: 'an own disable-next-line comment with a reason silences that rule on the next line only',
    sample: {
      ...dockerfile,
      text: [
        '# container-standards-disable-next-line dockerfile/latest-tag -- base image tracks LTS',
        'FROM bitnami/node:latest',
        'HEALTHCHECK CMD ["node", "healthcheck.js"]',
        'CMD node server.js',
        '',
      ].join('\n'),
    },
    remaining: [expected('dockerfile/shell-form-cmd', onLine(3, 0, 18))],
  },
  {
    name: 'a hadolint ignore comment silences the rule with that hadolint alias',
    sample: {
      ...dockerfile,
      text: ['FROM bitnami/node:latest', 'HEALTHCHECK CMD ["node", "healthcheck.js"]', '# hadolint ignore=DL3025', 'CMD node server.js', ''].join('\n'),
    },
    remaining: [expected('dockerfile/latest-tag', onLine(0, 18, 24))],
  },
  {
    name: 'a dclint disable-line comment silences the rule with that dclint alias',
    sample: { ...compose, text: ['# dclint disable-line no-version-field', compose.text].join('\n') },
    remaining: [],
  },
];

for (const { name, sample, remaining } of cases) {
  test(name, async (t) => {
    const client = await startServer(t);
    const uri = await client.open(sample.fileName, sample.languageId, sample.text);
    assert.deepEqual((await client.published(uri)).map(essentials), remaining);
  });
}
