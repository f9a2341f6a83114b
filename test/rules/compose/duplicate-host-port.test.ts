import { rule } from '../../../server/src/rules/compose/duplicate-host-port';
import { ruleTester } from '../../ruleTester';

ruleTester(rule, {
  valid: [
    {
      name: 'different ports, addresses and protocols',
      code: 'services:\n  web:\n    image: nginx:1.29\n    ports:\n      - "127.0.0.1:8080:80"\n      - "127.0.0.1:8443:443"\n  admin:\n    image: nginx:1.29\n    ports:\n      - "127.0.0.2:8080:80"\n  dns:\n    image: coredns/coredns:1.12.0\n    ports:\n      - "53:53/udp"\n  resolver:\n    image: unbound:1.22\n    ports:\n      - "53:53/tcp"\n',
    },
    {
      name: 'container ports only, published on random host ports',
      code: 'services:\n  a:\n    image: nginx:1.29\n    ports: ["80"]\n  b:\n    image: nginx:1.29\n    ports: ["80", "127.0.0.1::80"]\n',
    },
    {
      name: 'services in disjoint profiles are alternatives',
      code: 'services:\n  app-dev:\n    image: myorg/app:dev-1\n    profiles: [dev]\n    ports: ["3000:3000"]\n  app-prod:\n    image: myorg/app:1.0\n    profiles: [prod]\n    ports: ["3000:8080"]\n',
    },
    {
      name: 'the same mapping in the base and the override is one mapping',
      code: 'services:\n  web:\n    image: nginx:1.29\n    ports: ["8080:80"]\n',
      files: { 'compose.override.yaml': 'services:\n  web:\n    ports: ["0.0.0.0:8080:80"]\n' },
    },
    {
      name: 'an override that replaces the list',
      code: 'services:\n  web:\n    image: nginx:1.29\n    ports: ["8080:80"]\n  api:\n    image: myorg/api:1.4\n    ports: ["9000:9000"]\n',
      files: { 'compose.override.yaml': 'services:\n  api:\n    ports: !override ["9001:9000"]\n' },
    },
    {
      name: 'unknown variables',
      code: 'services:\n  a:\n    image: nginx:1.29\n    ports: ["${A_PORT}:80"]\n  b:\n    image: nginx:1.29\n    ports: ["${B_PORT}:80"]\n',
    },
    {
      name: 'host networking ignores ports',
      code: 'services:\n  a:\n    image: nginx:1.29\n    network_mode: host\n    ports: ["80:80"]\n  b:\n    image: nginx:1.29\n    ports: ["80:80"]\n',
    },
  ],
  invalid: [
    {
      name: 'two services on one host port: both reported',
      code: 'services:\n  web:\n    image: nginx:1.29\n    ports:\n      - "8080:80"\n  api:\n    image: myorg/api:1.4\n    ports:\n      - "127.0.0.1:8080:3000"\n',
      errors: [
        { messageId: 'otherService', line: 5, column: 9, data: { port: '8080', other: 'api' } },
        { messageId: 'otherService', line: 9, column: 9, data: { port: '8080', other: 'web' } },
      ],
    },
    {
      name: 'ranges overlap; the long syntax is reported at published',
      code: 'services:\n  media:\n    image: myorg/media:2\n    ports:\n      - "8000-8010:8000-8010"\n  api:\n    image: myorg/api:1.4\n    ports:\n      - target: 3000\n        published: "8005"\n        host_ip: 127.0.0.1\n',
      errors: [
        { messageId: 'otherService', line: 5, column: 9, data: { port: '8000-8010' } },
        { messageId: 'otherService', line: 10, column: 20, data: { port: '8005' } },
      ],
    },
    {
      name: 'the override adds a second mapping of the same host port',
      filename: 'compose.override.yaml',
      code: 'services:\n  web:\n    ports: ["8080:8080"]\n',
      files: { 'compose.yaml': 'services:\n  web:\n    image: nginx:1.29\n    ports: ["8080:80"]\n' },
      errors: [{ messageId: 'sameService', line: 3, column: 13, data: { mapping: '8080:8080', otherMapping: '8080:80' } }],
    },
    {
      name: 'a port from .env and a service that extends another',
      code: 'services:\n  web:\n    image: nginx:1.29\n    ports: ["${WEB_PORT}:80"]\n  web-canary:\n    extends: web\n    image: nginx:1.29-alpine\n',
      files: { '.env': 'WEB_PORT=8080\n' },
      errors: [
        { messageId: 'otherService', line: 4, column: 13, data: { other: 'web-canary' } },
        { messageId: 'otherService', line: 6, column: 14, data: { other: 'web' } },
      ],
    },
    {
      name: 'a profiled service collides with one that always runs',
      code: 'services:\n  db:\n    image: postgres:17\n    ports: ["5432:5432"]\n  db-debug:\n    image: postgres:17\n    profiles: [debug]\n    ports: ["5432:5432"]\n',
      errors: [
        { messageId: 'otherService', line: 4, column: 13 },
        { messageId: 'otherService', line: 8, column: 13 },
      ],
    },
  ],
});
