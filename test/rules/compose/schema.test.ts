import { rule } from '../../../server/src/rules/compose/schema';
import { ruleTester } from '../../ruleTester';

const fullStack = `name: shop
x-logging: &logging
  driver: json-file
  options:
    max-size: "10m"
x-common: &common
  restart: unless-stopped
  logging: *logging
  environment: &env
    TZ: UTC
    DEBUG: false
    WORKERS: 4
services:
  api:
    <<: *common
    build:
      context: ./api
      target: runtime
      args:
        - NODE_ENV=production
      x-note: built in CI
    image: registry.example.com/shop/api:1.4.2
    ports:
      - "8080:8080"
      - target: 9229
        published: "9229"
        protocol: tcp
    environment:
      <<: *env
      DB_URL: postgres://db/shop
    env_file:
      - path: .env
        required: false
    depends_on:
      db:
        condition: service_healthy
        restart: true
    healthcheck:
      test: ["CMD", "curl", "-f", "http://localhost:8080/health"]
      interval: 30s
      retries: 3
    deploy:
      resources:
        limits: {cpus: "0.5", memory: 512M}
    ulimits:
      nofile: {soft: 1024, hard: 2048}
      nproc: 512
    secrets: [db_password]
    networks:
      backend:
        aliases: [api]
    labels:
      com.example.team: shop
    volumes:
      - ./data:/data:ro
      - type: tmpfs
        target: /tmp
    develop:
      watch:
        - path: ./api/src
          action: sync
          target: /app/src
    x-custom: {anything: [1, 2]}
  db:
    image: postgres:16
    command: postgres -c max_connections=200
    healthcheck:
      test: pg_isready
    networks: [backend]
    extra_hosts:
      - "host.docker.internal:host-gateway"
networks:
  backend:
    ipam:
      config:
        - subnet: 172.16.0.0/24
volumes:
  data:
secrets:
  db_password:
    file: ./secrets/db_password.txt
include:
  - ./other/compose.yaml
`;

ruleTester(rule, {
  valid: [
    { name: 'a full stack: build, long ports, depends_on conditions, anchors, << merges, x- keys', code: fullStack },
    {
      name: 'interpolation wherever a value may be interpolated, also in boolean and number fields',
      code: `services:
  api:
    image: registry.example.com/api:\${TAG:-1.0}
    ports:
      - "\${API_PORT:-8080}:8080"
      - target: 80
        published: \${PUBLISHED}
    privileged: \${PRIVILEGED:-false}
    use_api_socket: \${USE_SOCKET}
    cpu_count: \${CPUS}
    pull_policy: \${PULL_POLICY}
    depends_on:
      db:
        condition: service_started
        required: \${DB_REQUIRED:-true}
    deploy:
      replicas: \${REPLICAS:-2}
  db:
    image: postgres:16
`,
    },
    { name: 'the obsolete version key, even as a number, is compose/obsolete-version’s', code: 'version: 3.8\nservices:\n  web:\n    image: nginx:1.27\n' },
    {
      name: '!reset and !override tags of override files',
      filename: 'compose.override.yaml',
      code: 'services:\n  web:\n    ports: !reset []\n    environment:\n      FOO: !reset null\n    command: !override ["serve"]\n',
    },
    { name: 'broken YAML is left to compose/syntax', code: 'services:\n  web:\n    imgae: "nginx\n' },
    { name: 'an empty document between others', code: 'services:\n  web:\n    image: nginx:1.27\n---\n# nothing here\n' },
  ],
  invalid: [
    {
      name: 'a misspelt service key: did you mean, renamed in place',
      code: 'services:\n  web:\n    imgae: nginx:1.27 # pinned\n',
      errors: [{ messageId: 'unknownKeySuggestion', line: 3, column: 5, endLine: 3, endColumn: 10, data: { key: 'imgae', suggestion: 'image' } }],
      output: 'services:\n  web:\n    image: nginx:1.27 # pinned\n',
    },
    {
      name: 'a quoted misspelt key keeps its quotes',
      code: 'services:\n  web:\n    image: nginx:1.27\n    "contianer_name": web\n',
      errors: [{ messageId: 'unknownKeySuggestion', line: 4, column: 5, endColumn: 21, data: { suggestion: 'container_name' } }],
      output: 'services:\n  web:\n    image: nginx:1.27\n    "container_name": web\n',
    },
    {
      name: 'a misspelt top-level key',
      code: 'service:\n  web:\n    image: nginx:1.27\n',
      errors: [{ messageId: 'unknownKeySuggestion', line: 1, column: 1, endColumn: 8, data: { where: 'at the top level', suggestion: 'services' } }],
      output: 'services:\n  web:\n    image: nginx:1.27\n',
    },
    {
      name: 'every violation of a file, each at its key or value, fixes only for misspellings',
      code: `services:
  web:
    image: nginx:1.27
    ports: 8080
    restart: always
    enviroment:
      - A=1
    build: 5
    foo: bar
  worker:
    depends_on: web
    deploy:
      resource: {}
`,
      errors: [
        { messageId: 'wrongType', line: 4, column: 12, endColumn: 16, data: { where: 'services.web.ports', expected: 'a list', actual: 'the number 8080' } },
        { messageId: 'unknownKeySuggestion', line: 6, column: 5, data: { suggestion: 'environment' } },
        { messageId: 'wrongType', line: 8, column: 12, data: { expected: 'a string or a mapping', actual: 'the number 5' } },
        { messageId: 'unknownKey', line: 9, column: 5, data: { key: 'foo', advice: 'rename it "x-foo"' } },
        {
          messageId: 'wrongType',
          line: 11,
          column: 17,
          data: { where: 'services.worker.depends_on', expected: 'a list or a mapping', actual: 'the string "web"' },
        },
        { messageId: 'unknownKeySuggestion', line: 13, column: 7, data: { where: 'in services.worker.deploy', suggestion: 'resources' } },
      ],
      output: `services:
  web:
    image: nginx:1.27
    ports: 8080
    restart: always
    environment:
      - A=1
    build: 5
    foo: bar
  worker:
    depends_on: web
    deploy:
      resources: {}
`,
    },
    {
      name: 'no rename when the mapping already has the suggested key',
      code: 'services:\n  web:\n    image: nginx:1.27\n    imgae: nginx:1.26\n',
      errors: [{ messageId: 'unknownKeySuggestion', line: 4, column: 5 }],
      output: null,
    },
    {
      name: 'no rename when the value does not suit the suggested key',
      code: 'services:\n  web:\n    image: nginx:1.27\n    pre_start:\n      - command: ./migrate\n',
      errors: [{ messageId: 'unknownKeySuggestion', line: 4, column: 5, data: { suggestion: 'restart' } }],
      output: null,
    },
    {
      name: 'depends_on long form: a condition that does not exist, a missing condition',
      code: `services:
  api:
    image: api:1.0
    depends_on:
      db:
        condition: service_ready
      cache:
        restart: true
  db:
    image: postgres:16
  cache:
    image: redis:7
`,
      errors: [
        {
          messageId: 'notAllowed',
          line: 6,
          column: 20,
          endColumn: 33,
          data: { expected: 'one of "service_started", "service_healthy" or "service_completed_successfully"' },
        },
        { messageId: 'missingKeys', line: 7, column: 7, endColumn: 12, data: { where: 'services.api.depends_on.cache', keys: 'key "condition"' } },
      ],
      output: null,
    },
    {
      name: 'one message for a value that fits no form: every accepted type, at the value',
      code: 'services:\n  web:\n    image: nginx:1.27\n    ports:\n      - "80:80"\n      - true\n    healthcheck:\n      test: 5\n',
      errors: [
        {
          messageId: 'wrongType',
          line: 6,
          column: 9,
          endColumn: 13,
          data: { where: 'services.web.ports[1]', expected: 'a number, a string or a mapping', actual: 'true' },
        },
        { messageId: 'wrongType', line: 8, column: 13, data: { expected: 'a string or a list' } },
      ],
      output: null,
    },
    {
      name: 'a value that fits one form is judged by that form only (a list of depends_on)',
      code: 'services:\n  web:\n    image: nginx:1.27\n    depends_on: [db, 1]\n  db:\n    image: postgres:16\n',
      errors: [{ messageId: 'wrongType', line: 4, column: 22, endColumn: 23, data: { where: 'services.web.depends_on[1]', expected: 'a string' } }],
      output: null,
    },
    {
      name: 'a mapping where a command belongs is marked at its key',
      code: 'services:\n  web:\n    image: nginx:1.27\n    command:\n      run: serve\n',
      errors: [{ messageId: 'wrongType', line: 4, column: 5, endColumn: 12, data: { expected: 'a string, a list or an empty value', actual: 'a mapping' } }],
      output: null,
    },
    {
      name: 'interpolation does not make a list out of a string',
      code: 'services:\n  web:\n    image: nginx:1.27\n    depends_on: ${DEPENDENCIES}\n',
      errors: [{ messageId: 'wrongType', line: 4, column: 17, data: { expected: 'a list or a mapping' } }],
      output: null,
    },
    {
      name: 'a problem inside a merged anchor is reported at the << alias of each service using it',
      code: `x-base: &base
  restart: unless-stopped
  imgae: nginx:1.27
services:
  web:
    <<: *base
  worker:
    <<: *base
    command: work
`,
      errors: [
        { messageId: 'unknownKeySuggestion', line: 6, column: 9, endColumn: 14, data: { where: 'in services.web' } },
        { messageId: 'unknownKeySuggestion', line: 8, column: 9, endColumn: 14, data: { where: 'in services.worker' } },
      ],
      output: null,
    },
    {
      name: 'several problems inside one alias: one finding at the alias',
      code: 'x-deploy: &deploy\n  resource: {}\n  replica: 2\nservices:\n  web:\n    image: nginx:1.27\n    deploy: *deploy\n',
      errors: [{ messageId: 'unknownKeySuggestion', line: 7, column: 13, endColumn: 20, data: { suggestion: 'resources' } }],
      output: null,
    },
    {
      name: 'duplicate list entries, at the repeat',
      code: 'services:\n  db:\n    image: postgres:16\n    ports:\n      - "5432:5432"\n      - "5432:5432"\n',
      errors: [{ messageId: 'duplicate', line: 6, column: 9, data: { where: 'services.db.ports[1]', first: 'item [0]' } }],
      output: null,
    },
    {
      name: 'an invalid service name',
      code: 'services:\n  my web:\n    image: nginx:1.27\n',
      errors: [{ messageId: 'badName', line: 2, column: 3, endColumn: 9, data: { rule: 'use only letters, digits' } }],
      output: null,
    },
    {
      name: 'a service at the top level, as in the version 1 format',
      code: 'web:\n  image: nginx:1.27\n  ports:\n    - "80:80"\n',
      errors: [{ messageId: 'serviceOutsideServices', line: 1, column: 1, endColumn: 4, data: { key: 'web' } }],
      output: null,
    },
    {
      name: 'a sequence item of several lines that lacks a key is marked on its first line (CRLF line ends)',
      code: 'services:\r\n  web:\r\n    image: nginx:1.27\r\n    devices:\r\n      - target: /dev/sda\r\n        permissions: r\r\n',
      errors: [{ messageId: 'missingKeys', line: 5, column: 9, endLine: 5, endColumn: 25, data: { keys: 'key "source"' } }],
      output: null,
    },
    {
      name: 'an entry without a key',
      code: 'services:\n  web:\n    image: nginx:1.27\n: orphan\n',
      errors: [{ messageId: 'emptyKey', line: 4, column: 1, endColumn: 2, data: { where: 'at the top level' } }],
      output: null,
    },
    {
      name: 'a document that is not a mapping',
      code: '- web\n- db\n',
      errors: [{ messageId: 'wrongType', line: 1, column: 1, endColumn: 6, data: { where: 'The document', expected: 'a mapping', actual: 'a list' } }],
      output: null,
    },
    {
      name: 'each document of a multi-document file',
      code: 'services:\n  web:\n    image: nginx:1.27\n---\nservices:\n  web:\n    imgae: nginx:1.28\n',
      errors: [{ messageId: 'unknownKeySuggestion', line: 7, column: 5 }],
      output: 'services:\n  web:\n    image: nginx:1.27\n---\nservices:\n  web:\n    image: nginx:1.28\n',
    },
    {
      name: 'an alias without an anchor before it',
      code: 'services:\n  web:\n    image: *image\nx-image: &image nginx:1.27\n',
      errors: [{ messageId: 'unresolvedAlias', line: 3, column: 12, endColumn: 18, data: { name: 'image' } }],
      output: null,
    },
    {
      name: 'an alias bomb is not expanded',
      code: `x-a: &a [x, x, x, x, x, x, x, x, x]
x-b: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]
x-c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]
services:
  web:
    image: nginx:1.27
    command: [*c, *c, *c, *c, *c, *c, *c, *c, *c]
`,
      errors: [{ messageId: 'tooManyAliases', line: 2, column: 10, endColumn: 12 }],
      output: null,
    },
  ],
});
