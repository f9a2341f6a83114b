import { rule } from '../../../server/src/rules/compose/port-all-interfaces';
import { ruleTester } from '../../ruleTester';

const webStack = `services:
  proxy:
    image: nginx:1.27
    ports:
      - "80:80"
      - "443:443/tcp"
  api:
    build: ./api
    ports:
      - 127.0.0.1:8080:8080
    expose:
      - "9000"
  db:
    image: postgres:16-alpine
    ports:
      - '5432:5432' # psql from the host
`;

ruleTester(rule, {
  valid: [
    {
      name: 'every port bound to an interface, expose is not publishing',
      code: 'services:\n  web:\n    image: nginx:1.27\n    ports:\n      - "127.0.0.1:8080:80"\n      - "[::1]:8443:443"\n      - "0.0.0.0:53:53/udp"\n      - "127.0.0.1:3001"\n    expose: ["9000"]\n',
    },
    {
      name: 'host IP from a variable, long syntax with host_ip',
      code: 'services:\n  web:\n    image: nginx:1.27\n    ports:\n      - "${BIND_IP:-127.0.0.1}:${HTTP_PORT:-8080}:80"\n      - target: 443\n        published: "8443"\n        host_ip: 127.0.0.1\n',
    },
    { name: 'a lone variable could hold a host IP', code: 'services:\n  web:\n    image: nginx:1.27\n    ports:\n      - "${WEB_PORTS}/tcp"\n' },
    {
      name: 'the .env gives the host IP',
      code: 'services:\n  web:\n    image: nginx:1.27\n    ports:\n      - "${WEB_PORTS}"\n',
      files: { '.env': 'WEB_PORTS=127.0.0.1:8080:80\n' },
    },
    {
      name: 'the override resets the ports of the base',
      code: 'services:\n  db:\n    image: postgres:16\n    ports: ["5432:5432"]\n',
      files: { 'compose.override.yaml': 'services:\n  db:\n    ports: !reset []\n' },
    },
    { name: 'the host network ignores ports', code: 'services:\n  dns:\n    image: example/dns:1\n    network_mode: host\n    ports: ["53:53/udp"]\n' },
  ],
  invalid: [
    {
      name: 'a web stack: each port without host IP, comments and quotes kept',
      code: webStack,
      errors: [
        {
          messageId: 'allInterfaces',
          line: 5,
          column: 9,
          endLine: 5,
          endColumn: 16,
          data: { service: 'proxy', port: '"80:80"', suggestion: '127.0.0.1:80:80' },
        },
        { messageId: 'allInterfaces', line: 6, column: 9, data: { port: '"443:443/tcp"' } },
        { messageId: 'allInterfaces', line: 16, column: 9, data: { service: 'db' } },
      ],
      output: webStack
        .replace('"80:80"', '"127.0.0.1:80:80"')
        .replace('"443:443/tcp"', '"127.0.0.1:443:443/tcp"')
        .replace("'5432:5432'", "'127.0.0.1:5432:5432'"),
    },
    {
      name: 'a bare container port is published on a random port of every interface',
      code: 'services:\n  app:\n    image: example/app:1\n    ports:\n      - 3000\n      - ":9229:9229"\n',
      errors: [
        { messageId: 'allInterfaces', line: 5, column: 9, data: { suggestion: '127.0.0.1::3000' } },
        { messageId: 'allInterfaces', line: 6, column: 9, data: { suggestion: '127.0.0.1:9229:9229' } },
      ],
      output: 'services:\n  app:\n    image: example/app:1\n    ports:\n      - 127.0.0.1::3000\n      - "127.0.0.1:9229:9229"\n',
    },
    {
      name: 'interpolated published port: no host IP around it',
      code: 'services:\n  web:\n    image: nginx:1.27\n    ports:\n      - "${HTTP_PORT:-8080}:80"\n',
      errors: [{ messageId: 'allInterfaces', line: 5, column: 9 }],
      output: 'services:\n  web:\n    image: nginx:1.27\n    ports:\n      - "127.0.0.1:${HTTP_PORT:-8080}:80"\n',
    },
    {
      name: 'a lone variable whose .env value has no host IP: reported, not editable',
      code: 'services:\n  proxy:\n    image: nginx:1.27\n    ports:\n      - "${WEB_PORTS}"\n',
      files: { '.env': 'WEB_PORTS=8080:80\n' },
      errors: [{ messageId: 'allInterfaces', line: 5, column: 9 }],
      output: null,
    },
    {
      name: 'long syntax: reported at published, fixed with host_ip',
      code: 'services:\n  grafana:\n    image: grafana/grafana:12.2.0\n    ports:\n      - target: 3000\n        published: "3000"\n        protocol: tcp\n',
      errors: [{ messageId: 'allInterfaces', line: 6, column: 9, data: { port: 'port 3000' } }],
      output:
        'services:\n  grafana:\n    image: grafana/grafana:12.2.0\n    ports:\n      - target: 3000\n        published: "3000"\n        protocol: tcp\n        host_ip: 127.0.0.1\n',
    },
    {
      name: 'anchored ports shared by two services: one finding, at the anchor',
      code: 'x-ports: &ports\n  - "8025:8025"\nservices:\n  mail:\n    image: axllent/mailpit:v1.21\n    ports: *ports\n  mail-copy:\n    image: axllent/mailpit:v1.21\n    ports: *ports\n',
      errors: [{ messageId: 'allInterfaces', line: 2, column: 5 }],
      output:
        'x-ports: &ports\n  - "127.0.0.1:8025:8025"\nservices:\n  mail:\n    image: axllent/mailpit:v1.21\n    ports: *ports\n  mail-copy:\n    image: axllent/mailpit:v1.21\n    ports: *ports\n',
    },
    {
      name: 'a port added by the override is reported in the override',
      filename: 'compose.override.yaml',
      code: 'services:\n  db:\n    ports:\n      - "5432:5432"\n',
      files: { 'compose.yaml': 'services:\n  db:\n    image: postgres:16\n    ports: ["127.0.0.1:5433:5432"]\n' },
      errors: [{ messageId: 'allInterfaces', line: 4, column: 9 }],
      output: 'services:\n  db:\n    ports:\n      - "127.0.0.1:5432:5432"\n',
    },
  ],
});
