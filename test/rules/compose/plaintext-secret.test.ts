import { rule } from '../../../server/src/rules/compose/plaintext-secret';
import { ruleTester } from '../../ruleTester';

const seed = `services:
  app:
    build: .
    environment:
      - NODE_ENV=development
  database:
    image: postgres:15-alpine
    environment:
      - POSTGRES_DB=app_dev
      - POSTGRES_USER=dev
      - POSTGRES_PASSWORD=dev
`;

const webStack = `services:
  api:
    image: example/api:2.3
    environment:
      DATABASE_HOST: db
      JWT_SECRET: "change-me-in-production" # used to sign sessions
      STRIPE_API_KEY: sk_test_4eC39HqLyjWDarjtT1zdp7dc
      SMTP_PASSWORD: \${SMTP_PASSWORD}
  db:
    image: mysql:8.4
    environment:
      MYSQL_ROOT_PASSWORD: 'root'
      MYSQL_ALLOW_EMPTY_PASSWORD: "no"
`;

ruleTester(rule, {
  valid: [
    {
      name: 'interpolation, *_FILE paths, pass-through names, empty values and flags',
      code: `services:
  db:
    image: postgres:16-alpine
    environment:
      POSTGRES_PASSWORD_FILE: /run/secrets/db_password
      POSTGRES_USER: app
      PGPASSWORD: \${PGPASSWORD:?set PGPASSWORD}
      REDIS_PASSWORD:
      MYSQL_ALLOW_EMPTY_PASSWORD: "yes"
      ADMIN_PASSWORD: ""
      POSTGRES_HOST_AUTH_METHOD: scram-sha-256
  grafana:
    image: grafana/grafana:12.2.0
    environment:
      GF_AUTH_ANONYMOUS_ENABLED: "true"
      GF_AUTH_ANONYMOUS_ORG_ROLE: Admin
  app:
    image: example/app:1
    environment:
      - API_TOKEN
      - DATABASE_URL=postgres://app:\${DB_PASSWORD}@db/app
      - GPG_KEY=A4A9406876FCBD3C456770C88C718D3B5072E1F5
      - AUTH_ENABLED=true
`,
    },
    {
      name: 'secret names outside environment are not this rule',
      code: 'services:\n  app:\n    image: example/app:1\n    labels:\n      api_key: none\n    secrets: [api_token]\nsecrets:\n  api_token:\n    file: ./token.txt\n',
    },
  ],
  invalid: [
    {
      name: 'the standard document example: list form',
      filename: 'docker-compose.yml',
      code: seed,
      errors: [{ messageId: 'literal', line: 11, column: 9, endLine: 11, endColumn: 30, data: { service: 'database', name: 'POSTGRES_PASSWORD' } }],
      output: seed.replace('- POSTGRES_PASSWORD=dev', '- POSTGRES_PASSWORD=${POSTGRES_PASSWORD:?set POSTGRES_PASSWORD}'),
    },
    {
      name: 'mapping form: quotes and comments kept, each literal reported at its pair',
      code: webStack,
      errors: [
        { messageId: 'literal', line: 6, column: 7, data: { name: 'JWT_SECRET' } },
        { messageId: 'literal', line: 7, column: 7, data: { name: 'STRIPE_API_KEY' } },
        { messageId: 'literal', line: 12, column: 7, data: { service: 'db', name: 'MYSQL_ROOT_PASSWORD' } },
      ],
      output: webStack
        .replace('"change-me-in-production"', '"${JWT_SECRET:?set JWT_SECRET}"')
        .replace('sk_test_4eC39HqLyjWDarjtT1zdp7dc', '${STRIPE_API_KEY:?set STRIPE_API_KEY}')
        .replace("'root'", "'${MYSQL_ROOT_PASSWORD:?set MYSQL_ROOT_PASSWORD}'"),
    },
    {
      name: 'a .env.example in the project folder gets the variables it lacks',
      code: webStack.replace('mysql:8.4', 'mysql:8.0'),
      files: { '.env.example': '# copy to .env\nMYSQL_ROOT_PASSWORD=\nSMTP_PASSWORD=\n' },
      errors: [
        { messageId: 'literal', line: 6, column: 7 },
        { messageId: 'literal', line: 7, column: 7 },
        { messageId: 'literal', line: 12, column: 7 },
      ],
      output: webStack
        .replace('mysql:8.4', 'mysql:8.0')
        .replace('"change-me-in-production"', '"${JWT_SECRET:?set JWT_SECRET}"')
        .replace('sk_test_4eC39HqLyjWDarjtT1zdp7dc', '${STRIPE_API_KEY:?set STRIPE_API_KEY}')
        .replace("'root'", "'${MYSQL_ROOT_PASSWORD:?set MYSQL_ROOT_PASSWORD}'"),
      editedFiles: { '.env.example': '# copy to .env\nMYSQL_ROOT_PASSWORD=\nSMTP_PASSWORD=\nJWT_SECRET=\nSTRIPE_API_KEY=\n' },
    },
    {
      name: 'an anchored environment shared by two services: one finding, fixed at the anchor',
      code: 'x-db-env: &db-env\n  DB_HOST: db\n  DB_PASSWORD: hunter2\nservices:\n  web:\n    image: example/web:1\n    environment: *db-env\n  worker:\n    image: example/worker:1\n    environment:\n      <<: *db-env\n      QUEUE: default\n',
      errors: [{ messageId: 'literal', line: 3, column: 3 }],
      output:
        'x-db-env: &db-env\n  DB_HOST: db\n  DB_PASSWORD: ${DB_PASSWORD:?set DB_PASSWORD}\nservices:\n  web:\n    image: example/web:1\n    environment: *db-env\n  worker:\n    image: example/worker:1\n    environment:\n      <<: *db-env\n      QUEUE: default\n',
    },
    {
      name: 'a .env.example without final newline gets one before the variable',
      code: 'services:\n  cache:\n    image: redis:7.4\n    environment:\n      REDIS_PASSWORD: hunter2\n',
      files: { '.env.example': 'REDIS_HOST=cache' },
      errors: [{ messageId: 'literal', line: 5, column: 7 }],
      output: 'services:\n  cache:\n    image: redis:7.4\n    environment:\n      REDIS_PASSWORD: ${REDIS_PASSWORD:?set REDIS_PASSWORD}\n',
      editedFiles: { '.env.example': 'REDIS_HOST=cache\nREDIS_PASSWORD=\n' },
    },
    {
      name: 'a merge key only: still reported and fixed at the anchor',
      code: 'x-env: &env\n  API_TOKEN: abc123\nservices:\n  worker:\n    image: example/worker:1\n    environment:\n      <<: *env\n',
      errors: [{ messageId: 'literal', line: 2, column: 14 }],
      output: 'x-env: &env\n  API_TOKEN: ${API_TOKEN:?set API_TOKEN}\nservices:\n  worker:\n    image: example/worker:1\n    environment:\n      <<: *env\n',
    },
    {
      name: 'a literal in the override file is reported there; names that are no variable names get one',
      filename: 'compose.override.yaml',
      code: 'services:\n  api:\n    environment:\n      spring.datasource.password: secret\n',
      files: { 'compose.yaml': 'services:\n  api:\n    image: example/api:2\n' },
      errors: [{ messageId: 'literal', line: 4, column: 7, data: { variable: 'SPRING_DATASOURCE_PASSWORD' } }],
      output: 'services:\n  api:\n    environment:\n      spring.datasource.password: ${SPRING_DATASOURCE_PASSWORD:?set SPRING_DATASOURCE_PASSWORD}\n',
    },
  ],
});
