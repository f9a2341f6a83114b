import { rule } from '../../../server/src/rules/compose/undefined-reference';
import { ruleTester } from '../../ruleTester';

ruleTester(rule, {
  valid: [
    {
      name: 'every reference is defined; the default network always is',
      code: 'services:\n  web:\n    image: nginx:1.29\n    depends_on:\n      api:\n        condition: service_healthy\n    networks: [front, default]\n  api:\n    image: myorg/api:1.4\n    networks:\n      front: {}\n      back:\n        aliases: [api.internal]\n    volumes:\n      - uploads:/srv/uploads\n      - ./config:/etc/api:ro\n      - type: volume\n        source: cache\n        target: /cache\n    secrets:\n      - db_password\n      - source: api_key\n        target: /run/secrets/key\n    configs: [api_conf]\n  sidecar:\n    image: busybox:1.37\n    network_mode: service:api\n    volumes_from: [api:ro, container:legacy]\n    links: [api:backend]\nnetworks:\n  front: {}\n  back: {}\nvolumes:\n  uploads: {}\n  cache: {}\nsecrets:\n  db_password:\n    file: ./db_password.txt\n  api_key:\n    environment: API_KEY\nconfigs:\n  api_conf:\n    file: ./api.conf\n',
    },
    {
      name: 'names defined in the base file or an included one',
      filename: 'compose.override.yaml',
      code: 'services:\n  web:\n    depends_on: [cache]\n    volumes:\n      - static:/srv/static\n',
      files: {
        'compose.yaml': 'include:\n  - ./cache/compose.yaml\nservices:\n  web:\n    image: nginx:1.29\nvolumes:\n  static: {}\n',
        'cache/compose.yaml': 'services:\n  cache:\n    image: redis:8.2\n',
      },
    },
    {
      name: 'an optional dependency',
      code: 'services:\n  web:\n    image: nginx:1.29\n    depends_on:\n      metrics:\n        condition: service_started\n        required: false\n',
    },
    { name: 'a name from a variable without a value', code: 'services:\n  web:\n    image: nginx:1.29\n    networks: ["${EDGE_NETWORK}"]\n' },
    {
      name: 'a missing include may define anything: path-not-found reports the include',
      code: 'include: [./infra.yaml]\nservices:\n  web:\n    image: nginx:1.29\n    networks: [edge]\n',
    },
    {
      name: 'a file with YAML errors may have lost the declaration',
      code: 'services:\n  db:\n    image: postgres:17\n    environment:\n  > - POSTGRES_DB=app\n    volumes:\n      - pgdata:/var/lib/postgresql/data\nvolumes:\n  pgdata:\n',
    },
    {
      name: 'extends a service of another file',
      code: 'services:\n  api:\n    extends:\n      file: common.yaml\n      service: python-base\n',
      files: { 'common.yaml': 'services:\n  python-base:\n    image: python:3.13-slim\n' },
    },
  ],
  invalid: [
    {
      name: 'a misspelt dependency, short form',
      code: 'services:\n  web:\n    image: nginx:1.29\n    depends_on:\n      - databse\n  database:\n    image: postgres:17\n',
      errors: [{ messageId: 'services', line: 5, column: 9, endLine: 5, endColumn: 16, data: { name: 'databse', advice: 'did you mean "database"?' } }],
      output: 'services:\n  web:\n    image: nginx:1.29\n    depends_on:\n      - database\n  database:\n    image: postgres:17\n',
    },
    {
      name: 'a misspelt dependency, long form: the key is renamed',
      code: 'services:\n  web:\n    image: nginx:1.29\n    depends_on:\n      "databse":\n        condition: service_healthy\n  database:\n    image: postgres:17\n',
      errors: [{ messageId: 'services', line: 5, column: 7 }],
      output:
        'services:\n  web:\n    image: nginx:1.29\n    depends_on:\n      "database":\n        condition: service_healthy\n  database:\n    image: postgres:17\n',
    },
    {
      name: 'an undeclared named volume: declared under a new top-level volumes:',
      code: 'services:\n  db:\n    image: postgres:17\n    volumes:\n      - pgdata:/var/lib/postgresql/data\n',
      errors: [{ messageId: 'volumes', line: 5, column: 9, data: { name: 'pgdata' } }],
      output: 'services:\n  db:\n    image: postgres:17\n    volumes:\n      - pgdata:/var/lib/postgresql/data\n\nvolumes:\n  pgdata: {}\n',
    },
    {
      name: 'an undeclared network: added to the existing top-level networks:',
      code: 'services:\n  web:\n    image: nginx:1.29\n    networks: [frontend, monitoring]\nnetworks:\n  frontend: {}\n',
      errors: [{ messageId: 'networks', line: 4, column: 26, data: { name: 'monitoring' } }],
      output: 'services:\n  web:\n    image: nginx:1.29\n    networks: [frontend, monitoring]\nnetworks:\n  frontend: {}\n  monitoring: {}\n',
    },
    {
      name: 'a misspelt volume in the long syntax, and a misspelt secret',
      code: 'services:\n  db:\n    image: postgres:17\n    volumes:\n      - type: volume\n        source: pg-data\n        target: /var/lib/postgresql/data\n    secrets:\n      - source: db_pasword\n        target: password\nvolumes:\n  pgdata: {}\nsecrets:\n  db_password:\n    file: ./secrets/db.txt\n',
      errors: [
        { messageId: 'volumes', line: 6, column: 17, data: { advice: 'did you mean "pgdata"?' } },
        { messageId: 'secrets', line: 9, column: 17, data: { advice: 'did you mean "db_password"?' } },
      ],
      output:
        'services:\n  db:\n    image: postgres:17\n    volumes:\n      - type: volume\n        source: pgdata\n        target: /var/lib/postgresql/data\n    secrets:\n      - source: db_password\n        target: password\nvolumes:\n  pgdata: {}\nsecrets:\n  db_password:\n    file: ./secrets/db.txt\n',
    },
    {
      name: 'an undeclared config has no fix: its source is the user’s to choose',
      code: 'services:\n  proxy:\n    image: nginx:1.29\n    configs:\n      - nginx_conf\n',
      errors: [{ messageId: 'configs', line: 5, column: 9 }],
      output: null,
    },
    {
      name: 'network_mode, volumes_from and links name services',
      code: 'services:\n  app:\n    image: myorg/app:2\n  debug:\n    image: busybox:1.37\n    network_mode: service:apps\n    volumes_from:\n      - apps:ro\n    links:\n      - apps:backend\n',
      errors: [
        { messageId: 'services', line: 6, column: 19, data: { field: 'network_mode' } },
        { messageId: 'services', line: 8, column: 9, data: { field: 'volumes_from' } },
        { messageId: 'services', line: 10, column: 9, data: { field: 'links' } },
      ],
      output:
        'services:\n  app:\n    image: myorg/app:2\n  debug:\n    image: busybox:1.37\n    network_mode: service:app\n    volumes_from:\n      - app:ro\n    links:\n      - app:backend\n',
    },
    {
      name: 'extends a service that does not exist, in the project and in another file',
      code: 'services:\n  api:\n    extends: bsae\n  base:\n    image: python:3.13-slim\n  worker:\n    extends:\n      file: common.yaml\n      service: job\n',
      files: { 'common.yaml': 'services:\n  jobs:\n    image: python:3.13-slim\n' },
      errors: [
        { messageId: 'services', line: 3, column: 14, data: { field: 'extends' } },
        { messageId: 'extendsFile', line: 9, column: 16, data: { file: 'common.yaml' } },
      ],
      output:
        'services:\n  api:\n    extends: base\n  base:\n    image: python:3.13-slim\n  worker:\n    extends:\n      file: common.yaml\n      service: jobs\n',
    },
    {
      name: 'services that extend each other',
      code: 'services:\n  a:\n    extends: b\n    image: alpine:3.22\n  b:\n    extends: a\n',
      errors: [
        { messageId: 'extendsCycle', line: 3, column: 14, data: { chain: 'a → b → a' } },
        { messageId: 'extendsCycle', line: 6, column: 14, data: { chain: 'b → a → b' } },
      ],
      output: null,
    },
    {
      name: 'an override refers to a service no file defines',
      filename: 'compose.override.yaml',
      code: 'services:\n  web:\n    depends_on: [worker]\n',
      files: { 'compose.yaml': 'services:\n  web:\n    image: nginx:1.29\n  workers:\n    image: myorg/worker:3\n' },
      errors: [{ messageId: 'services', line: 3, column: 18 }],
      output: 'services:\n  web:\n    depends_on: [workers]\n',
    },
  ],
});
