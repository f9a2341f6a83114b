import { rule } from '../../../server/src/rules/compose/latest-tag';
import { ruleTester } from '../../ruleTester';

ruleTester(rule, {
  valid: [
    'services:\n  web:\n    image: nginx:1.29\n  db:\n    image: postgres:17-alpine\n',
    { name: 'no tag is compose/untagged-image', code: 'services:\n  cache:\n    image: redis\n' },
    { name: 'a tag that only starts like a channel', code: 'services:\n  web:\n    image: nginx:stable-alpine\n  ci:\n    image: jenkins/jenkins:lts-jdk21\n' },
    { name: 'pinned by digest', code: 'services:\n  web:\n    image: nginx:latest@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef\n' },
    { name: 'the tag of a local build', code: 'services:\n  app:\n    build: .\n    image: myorg/app:dev\n' },
    { name: 'unknown variable', code: 'services:\n  app:\n    image: myorg/app:${TAG}\n' },
    { name: 'prohibitedTags narrowed to latest', code: 'services:\n  cache:\n    image: redis:stable\n', options: { prohibitedTags: ['latest'] } },
    { name: 'prohibitedTags empty: nothing is prohibited', code: 'services:\n  cache:\n    image: redis:latest\n', options: { prohibitedTags: [] } },
    {
      name: 'an override that pins the tag',
      code: 'services:\n  db:\n    image: postgres:latest\n',
      files: { 'compose.override.yaml': 'services:\n  db:\n    image: postgres:17\n' },
    },
  ],
  invalid: [
    {
      name: 'latest among pinned services',
      code: 'services:\n  web:\n    image: nginx:1.29\n  db:\n    image: postgres:latest\n    restart: always\n',
      errors: [{ messageId: 'moving', line: 5, column: 12, endLine: 5, endColumn: 27, data: { service: 'db', tag: 'latest', suggestion: 'postgres:18' } }],
      output: 'services:\n  web:\n    image: nginx:1.29\n  db:\n    image: postgres:18\n    restart: always\n',
    },
    {
      name: "dclint's other moving tags, quotes kept",
      code: "services:\n  cache:\n    image: 'redis:stable'\n  web:\n    image: nginx:edge\n  app:\n    image: node:lts\n",
      errors: [
        { messageId: 'moving', line: 3, column: 12, data: { tag: 'stable' } },
        { messageId: 'moving', line: 5, column: 12, data: { tag: 'edge' } },
        { messageId: 'moving', line: 7, column: 12, data: { tag: 'lts' } },
      ],
      output: "services:\n  cache:\n    image: 'redis:8.2'\n  web:\n    image: nginx:1.29\n  app:\n    image: node:24\n",
    },
    {
      name: 'prohibitedTags of the project, compared case-insensitively',
      code: 'services:\n  api:\n    image: myorg/api:RC\n  db:\n    image: postgres:latest\n',
      options: { prohibitedTags: ['rc'] },
      errors: [{ messageId: 'movingUnknown', line: 3, column: 12, data: { tag: 'RC' } }],
      output: null,
    },
    {
      name: 'a registry with a port and an image the table does not know',
      code: 'services:\n  api:\n    image: registry.local:5000/team/api:nightly\n',
      errors: [{ messageId: 'movingUnknown', line: 3, column: 12, data: { tag: 'nightly' } }],
      output: null,
    },
    {
      name: 'a latest default is worth a look, not rewritten',
      code: 'services:\n  api:\n    image: myorg/api:${API_TAG:-latest}\n',
      errors: [{ messageId: 'movingByDefault', line: 3, column: 12, data: { variables: 'API_TAG' } }],
      output: null,
    },
    {
      name: 'latest set in .env: the project runs latest',
      code: 'services:\n  db:\n    image: postgres:${PG_TAG}\n',
      files: { '.env': 'PG_TAG=latest\n' },
      errors: [{ messageId: 'moving', line: 3, column: 12, data: { image: 'postgres:latest' } }],
      output: null,
    },
    {
      name: 'an image merged in from an anchor is reported at the alias, without an edit of the anchor',
      code: 'x-db: &db postgres:latest\nservices:\n  db:\n    image: *db\n',
      errors: [{ messageId: 'moving', line: 4, column: 12 }],
      output: null,
    },
  ],
});
