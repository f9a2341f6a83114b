import { rule } from '../../../server/src/rules/compose/untagged-image';
import { ruleTester } from '../../ruleTester';

ruleTester(rule, {
  valid: [
    'services:\n  web:\n    image: nginx:1.29\n  db:\n    image: postgres:17\n',
    {
      name: 'a digest pins the image',
      code: 'services:\n  cache:\n    image: redis@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef\n',
    },
    { name: 'a registry port is not a tag, the tag after it is', code: 'services:\n  app:\n    image: localhost:5000/team/app:2.1\n' },
    { name: 'build and image: the image names what the build makes', code: 'services:\n  app:\n    build: .\n    image: myorg/app\n' },
    {
      name: 'build from a base file, image in the override',
      code: 'services:\n  app:\n    image: myorg/app\n',
      filename: 'compose.override.yaml',
      files: { 'compose.yaml': 'services:\n  app:\n    build: ./app\n' },
    },
    {
      name: 'an override pins the image that the base leaves untagged',
      code: 'services:\n  cache:\n    image: redis\n',
      files: { 'compose.override.yaml': 'services:\n  cache:\n    image: redis:7.4\n' },
    },
    { name: 'a variable without a value is unknown', code: 'services:\n  app:\n    image: ${APP_IMAGE}\n' },
    { name: 'the tag comes from a default', code: 'services:\n  db:\n    image: postgres:${PG_VERSION:-17}\n' },
    { name: 'the tag comes from .env', code: 'services:\n  db:\n    image: postgres:${PG_VERSION}\n', files: { '.env': 'PG_VERSION=17\n' } },
    { name: 'a local image that is never pulled', code: 'services:\n  app:\n    image: myapp\n    pull_policy: never\n' },
    { name: 'a service without image', code: 'services:\n  tool:\n    build:\n      context: ./tool\n' },
  ],
  invalid: [
    {
      name: 'one untagged image among several services',
      code: 'services:\n  web:\n    image: nginx:1.29\n  cache:\n    image: redis\n  db:\n    image: postgres:17\n',
      errors: [{ messageId: 'untagged', line: 5, column: 12, endLine: 5, endColumn: 17, data: { service: 'cache', suggestion: 'redis:8.2' } }],
      output: 'services:\n  web:\n    image: nginx:1.29\n  cache:\n    image: redis:8.2\n  db:\n    image: postgres:17\n',
    },
    {
      name: 'quotes and the registry are kept',
      code: 'services:\n  db:\n    image: "docker.io/library/postgres"\n',
      errors: [{ messageId: 'untagged', line: 3, column: 12 }],
      output: 'services:\n  db:\n    image: "docker.io/library/postgres:18"\n',
    },
    {
      name: 'an image the table does not know: no fix',
      code: 'services:\n  api:\n    image: ghcr.io/acme/api\n',
      errors: [{ messageId: 'untaggedUnknown', line: 3, column: 12 }],
      output: null,
    },
    {
      name: 'resolved from .env: reported, the value is not rewritten',
      code: 'services:\n  proxy:\n    image: ${PROXY_IMAGE}\n',
      files: { '.env': 'PROXY_IMAGE=nginx\n' },
      errors: [{ messageId: 'untagged', line: 3, column: 12, data: { image: 'nginx' } }],
      output: null,
    },
    {
      name: 'an untagged default is worth a look',
      code: 'services:\n  proxy:\n    image: ${PROXY_IMAGE:-nginx}\n',
      errors: [{ messageId: 'untaggedByDefault', line: 3, column: 12, data: { variables: 'PROXY_IMAGE' } }],
      output: null,
    },
    {
      name: 'the override decides the image: reported there',
      filename: 'compose.override.yaml',
      code: 'services:\n  cache:\n    image: redis\n    restart: always\n',
      files: { 'compose.yaml': 'services:\n  cache:\n    image: redis:7.4\n' },
      errors: [{ messageId: 'untagged', line: 3, column: 12 }],
      output: 'services:\n  cache:\n    image: redis:8.2\n    restart: always\n',
    },
    {
      name: 'extends a service that builds, then replaces build with !reset',
      code: 'services:\n  base:\n    build: .\n    image: myorg/base:1\n  worker:\n    extends: base\n    build: !reset null\n    image: myorg/worker\n',
      errors: [{ messageId: 'untaggedUnknown', line: 8, column: 12 }],
      output: null,
    },
  ],
});
