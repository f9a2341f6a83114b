import { rule } from '../../../server/src/rules/compose/depends-on-not-healthy';
import { ruleTester } from '../../ruleTester';

const HEALTHY_DB = '  db:\n    image: postgres:16-alpine\n    healthcheck:\n      test: ["CMD-SHELL", "pg_isready -U postgres"]\n';

const stack = `services:
  api:
    image: example/api:2.3
    depends_on:
      - db # primary store
      - mailer
      - cache
  worker:
    image: example/api:2.3
    depends_on: [db, cache]
  mailer:
    image: axllent/mailpit:v1.21
  cache:
    image: redis:7.4
    healthcheck:
      test: ["CMD", "redis-cli", "ping"]
${HEALTHY_DB}`;

ruleTester(rule, {
  valid: [
    {
      name: 'already waiting for health; dependencies without healthcheck; a job that must complete',
      code: `services:\n  api:\n    image: example/api:2\n    depends_on:\n      db:\n        condition: service_healthy\n      mailer:\n        condition: service_started\n      migrate:\n        condition: service_completed_successfully\n  mailer:\n    image: axllent/mailpit:v1.21\n  migrate:\n    image: example/api:2\n    healthcheck:\n      test: ["CMD", "true"]\n${HEALTHY_DB}`,
    },
    {
      name: 'the dependency disabled its healthcheck',
      code: 'services:\n  api:\n    image: example/api:2\n    depends_on: [db]\n  db:\n    image: example/db:1\n    healthcheck:\n      disable: true\n',
    },
    {
      name: 'the override already asks for service_healthy',
      code: `services:\n  api:\n    image: example/api:2\n    depends_on: [db]\n${HEALTHY_DB}`,
      files: { 'compose.override.yaml': 'services:\n  api:\n    depends_on:\n      db:\n        condition: service_healthy\n' },
    },
  ],
  invalid: [
    {
      name: 'short lists are rewritten whole, each dependency keeping what it can wait for',
      code: stack,
      errors: [
        { messageId: 'started', line: 5, column: 9, endLine: 5, endColumn: 11, data: { service: 'api', dependency: 'db' } },
        { messageId: 'started', line: 7, column: 9, data: { dependency: 'cache' } },
        { messageId: 'started', line: 10, column: 18, data: { service: 'worker', dependency: 'db' } },
        { messageId: 'started', line: 10, column: 22, data: { dependency: 'cache' } },
      ],
      output: stack
        .replace(
          '      - db # primary store\n      - mailer\n      - cache\n',
          '      db:\n        condition: service_healthy\n      mailer:\n        condition: service_started\n      cache:\n        condition: service_healthy\n',
        )
        .replace(
          '    depends_on: [db, cache]\n',
          '    depends_on:\n      db:\n        condition: service_healthy\n      cache:\n        condition: service_healthy\n',
        ),
    },
    {
      name: 'long form: service_started becomes service_healthy, other keys kept; a missing condition is added',
      code: `services:\n  api:\n    image: example/api:2\n    depends_on:\n      db:\n        condition: service_started\n        restart: true\n      cache: { required: true }\n  cache:\n    image: redis:7.4\n    healthcheck:\n      test: ["CMD", "redis-cli", "ping"]\n${HEALTHY_DB}`,
      errors: [
        { messageId: 'started', line: 5, column: 7, data: { dependency: 'db' } },
        { messageId: 'started', line: 8, column: 7, data: { dependency: 'cache' } },
      ],
      output: `services:\n  api:\n    image: example/api:2\n    depends_on:\n      db:\n        condition: service_healthy\n        restart: true\n      cache: { required: true, condition: service_healthy }\n  cache:\n    image: redis:7.4\n    healthcheck:\n      test: ["CMD", "redis-cli", "ping"]\n${HEALTHY_DB}`,
    },
    {
      name: 'the healthcheck comes from the override, the Dockerfile, an anchor or the image',
      code: 'x-health: &health\n  healthcheck:\n    test: ["CMD", "valkey-cli", "ping"]\nservices:\n  web:\n    image: nginx:1.27\n    depends_on: [api, db, cache, dns]\n  api:\n    build: ./api\n  db:\n    image: postgres:16\n  cache:\n    <<: *health\n    image: valkey/valkey:8.1\n  dns:\n    image: pihole/pihole:2024.07.0\n',
      files: {
        'compose.override.yaml': 'services:\n  db:\n    healthcheck:\n      test: ["CMD-SHELL", "pg_isready -U postgres"]\n',
        'api/Dockerfile': 'FROM node:22-slim\nHEALTHCHECK CMD ["node", "healthcheck.js"]\nCMD ["node", "server.js"]\n',
      },
      errors: [
        { messageId: 'started', line: 7, column: 18, data: { dependency: 'api' } },
        { messageId: 'started', line: 7, column: 23, data: { dependency: 'db' } },
        { messageId: 'started', line: 7, column: 27, data: { dependency: 'cache' } },
        { messageId: 'started', line: 7, column: 34, data: { dependency: 'dns' } },
      ],
      output:
        'x-health: &health\n  healthcheck:\n    test: ["CMD", "valkey-cli", "ping"]\nservices:\n  web:\n    image: nginx:1.27\n    depends_on:\n      api:\n        condition: service_healthy\n      db:\n        condition: service_healthy\n      cache:\n        condition: service_healthy\n      dns:\n        condition: service_healthy\n  api:\n    build: ./api\n  db:\n    image: postgres:16\n  cache:\n    <<: *health\n    image: valkey/valkey:8.1\n  dns:\n    image: pihole/pihole:2024.07.0\n',
    },
    {
      name: 'depends_on written in the override is reported there',
      filename: 'compose.override.yaml',
      code: 'services:\n  api:\n    depends_on:\n      - db\n',
      files: { 'compose.yaml': `services:\n  api:\n    image: example/api:2\n${HEALTHY_DB}` },
      errors: [{ messageId: 'started', line: 4, column: 9 }],
      output: 'services:\n  api:\n    depends_on:\n      db:\n        condition: service_healthy\n',
    },
    {
      name: 'a dependency list from an anchor: reported, not rewritten in place',
      code: `x-deps: &deps\n  - db\nservices:\n  api:\n    image: example/api:2\n    depends_on: *deps\n${HEALTHY_DB}`,
      errors: [{ messageId: 'started', line: 2, column: 5 }],
      output: null,
    },
  ],
});
