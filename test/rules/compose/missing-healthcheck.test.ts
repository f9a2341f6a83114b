import { rule } from '../../../server/src/rules/compose/missing-healthcheck';
import { ruleTester } from '../../ruleTester';

const TIMING = '      interval: 10s\n      timeout: 5s\n      retries: 5\n';

const seed = `services:
  app:
    build:
      context: .
      target: development
    depends_on:
      - database

  database:
    image: postgres:15-alpine
    environment:
      - POSTGRES_DB=app_dev
      - POSTGRES_USER=dev
      - POSTGRES_PASSWORD=dev
    volumes:
      - postgres_data:/var/lib/postgresql/data
    ports:
      - '5432:5432'

volumes:
  postgres_data:
`;

const shop = `services:
  web:
    build: ./web
    depends_on: [api]
  api:
    image: example/shop-api:3.2
    depends_on:
      db:
        condition: service_started
      cache:
        condition: service_started
      migrate:
        condition: service_completed_successfully
  migrate:
    image: example/shop-api:3.2
    command: ["migrate"]
    depends_on: [db]
  db:
    image: mariadb:11.4 # primary store
    environment:
      MARIADB_DATABASE: shop
  cache:
    image: redis:7.4-alpine
`;

ruleTester(rule, {
  valid: [
    {
      name: 'a file that does not parse is not judged',
      code: 'services:\n  app:\n    image: example/app:1\n    depends_on: [db]\n  db:\n    image: postgres:16\n    healthcheck: {test: ["CMD", "pg_isready"]\n',
    },
    {
      name: 'healthchecks in place, an image with its own HEALTHCHECK, a disabled one, a service nobody depends on',
      code: 'services:\n  app:\n    image: example/app:1\n    depends_on: [db, dns, legacy]\n  db:\n    image: postgres:16\n    healthcheck:\n      test: ["CMD-SHELL", "pg_isready -U postgres"]\n  dns:\n    image: pihole/pihole:2024.07.0\n  legacy:\n    image: example/legacy:0.9\n    healthcheck:\n      disable: true\n  adminer:\n    image: adminer:4.8.1\n',
    },
    {
      name: 'the healthcheck is in the override file',
      code: 'services:\n  app:\n    image: example/app:1\n    depends_on: [db]\n  db:\n    image: mysql:8.4\n',
      files: { 'compose.override.yaml': 'services:\n  db:\n    healthcheck:\n      test: ["CMD", "mysqladmin", "ping", "-h", "127.0.0.1"]\n' },
    },
    {
      name: 'the healthcheck comes from an anchor or from the extended service',
      code: 'x-db: &db\n  healthcheck:\n    test: ["CMD", "redis-cli", "ping"]\nservices:\n  app:\n    image: example/app:1\n    depends_on: [cache, replica]\n  cache:\n    <<: *db\n    image: redis:7.4\n  replica:\n    extends: cache\n',
    },
    {
      name: 'the built Dockerfile has a HEALTHCHECK',
      code: 'services:\n  web:\n    image: nginx:1.27\n    depends_on: [api]\n  api:\n    build:\n      context: ./api\n      target: runtime\n',
      files: {
        'api/Dockerfile':
          'FROM node:22-slim AS runtime\nHEALTHCHECK CMD ["node", "healthcheck.js"]\nCMD ["node", "server.js"]\n\nFROM runtime AS debug\nHEALTHCHECK NONE\n',
      },
    },
    {
      name: 'a built service whose Dockerfile cannot be read is not judged',
      code: 'services:\n  web:\n    image: nginx:1.27\n    depends_on: [api]\n  api:\n    build: ./api\n',
    },
  ],
  invalid: [
    {
      name: 'the standard document example: pg_isready with its user and database, quoted as the file quotes',
      filename: 'docker-compose.yml',
      code: seed,
      errors: [{ messageId: 'missing', line: 9, column: 3, endLine: 9, endColumn: 11, data: { service: 'database', dependants: '"app" depends' } }],
      output: seed.replace(
        "      - '5432:5432'\n",
        `      - '5432:5432'\n    healthcheck:\n      test: ['CMD-SHELL', 'pg_isready -U dev -d app_dev']\n${TIMING}`,
      ),
    },
    {
      name: 'a shop: the database and the cache get probes of their images, the API a skeleton; a job waited for to complete needs none',
      code: shop,
      errors: [
        { messageId: 'missing', line: 5, column: 3, data: { service: 'api', dependants: '"web" depends' } },
        { messageId: 'missing', line: 18, column: 3, data: { service: 'db', dependants: '"api", "migrate" depend' } },
        { messageId: 'missing', line: 22, column: 3, data: { service: 'cache' } },
      ],
      output: shop
        .replace(
          '        condition: service_completed_successfully\n',
          `        condition: service_completed_successfully\n    healthcheck:\n      # TODO: a command that succeeds only once api is ready, e.g. ["CMD", "curl", "-fsS", "http://127.0.0.1:8080/health"]\n      test: ["CMD-SHELL", "exit 0"]\n${TIMING}`,
        )
        .replace(
          '      MARIADB_DATABASE: shop\n',
          `      MARIADB_DATABASE: shop\n    healthcheck:\n      test: ["CMD", "healthcheck.sh", "--connect", "--innodb_initialized"]\n${TIMING}`,
        )
        .replace('    image: redis:7.4-alpine\n', `    image: redis:7.4-alpine\n    healthcheck:\n      test: ["CMD", "redis-cli", "ping"]\n${TIMING}`),
    },
    {
      name: 'an interpolated user is expanded by the container shell, not written out',
      code: 'services:\n  app:\n    image: example/app:1\n    depends_on: [db]\n  db:\n    image: postgres:17\n    environment:\n      POSTGRES_USER: ${DB_USER:-app}\n',
      errors: [{ messageId: 'missing', line: 5, column: 3 }],
      output:
        'services:\n  app:\n    image: example/app:1\n    depends_on: [db]\n  db:\n    image: postgres:17\n    environment:\n      POSTGRES_USER: ${DB_USER:-app}\n    healthcheck:\n      test: ["CMD-SHELL", "pg_isready -U \\"$${POSTGRES_USER}\\""]\n' +
        TIMING,
    },
    {
      name: 'a flow-style service gets a flow healthcheck',
      code: 'services:\n  app:\n    image: example/app:1\n    depends_on: [queue]\n  queue: { image: "rabbitmq:4.1-management" }\n',
      errors: [{ messageId: 'missing', line: 5, column: 3 }],
      output:
        'services:\n  app:\n    image: example/app:1\n    depends_on: [queue]\n  queue: { image: "rabbitmq:4.1-management", healthcheck: { test: ["CMD", "rabbitmq-diagnostics", "-q", "ping"], interval: 10s, timeout: 5s, retries: 5 } }\n',
    },
    {
      name: 'an unknown image or a Dockerfile without HEALTHCHECK: a skeleton to complete, at the port it serves',
      code: 'services:\n  web:\n    image: nginx:1.27\n    depends_on: [api, search]\n  api:\n    build: ./api\n    expose: ["3000"]\n  search:\n    image: example/search:5\n',
      files: { 'api/Dockerfile': 'FROM node:22-slim\nCMD ["node", "server.js"]\n' },
      errors: [
        { messageId: 'missing', line: 5, column: 3, data: { service: 'api' } },
        { messageId: 'missing', line: 8, column: 3, data: { service: 'search' } },
      ],
      output: `services:\n  web:\n    image: nginx:1.27\n    depends_on: [api, search]\n  api:\n    build: ./api\n    expose: ["3000"]\n    healthcheck:\n      # TODO: a command that succeeds only once api is ready, e.g. ["CMD", "curl", "-fsS", "http://127.0.0.1:3000/health"]\n      test: ["CMD-SHELL", "exit 0"]\n${TIMING}  search:\n    image: example/search:5\n    healthcheck:\n      # TODO: a command that succeeds only once search is ready, e.g. ["CMD", "curl", "-fsS", "http://127.0.0.1:8080/health"]\n      test: ["CMD-SHELL", "exit 0"]\n${TIMING}`,
    },
    {
      name: 'the dependant is in the override file, the service is reported in its home file',
      code: 'services:\n  db:\n    image: mongo:4.4\n',
      files: { 'compose.override.yaml': 'services:\n  app:\n    image: example/app:1\n    depends_on: [db]\n' },
      errors: [{ messageId: 'missing', line: 2, column: 3, data: { dependants: '"app" depends' } }],
      output: `services:\n  db:\n    image: mongo:4.4\n    healthcheck:\n      test: ["CMD", "mongo", "--quiet", "--eval", "db.adminCommand('ping')"]\n${TIMING}`,
    },
    {
      name: 'a flow-style service whose image has no known health command: no skeleton inside the braces',
      code: 'services:\n  app:\n    image: example/app:1\n    depends_on: [queue]\n  queue: { image: example/queue:2 }\n',
      errors: [{ messageId: 'missing', line: 5, column: 3 }],
      output: null,
    },
  ],
});
