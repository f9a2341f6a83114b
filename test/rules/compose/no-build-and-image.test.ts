import { rule } from '../../../server/src/rules/compose/no-build-and-image';
import { ruleTester } from '../../ruleTester';

ruleTester(rule, {
  valid: [
    'services:\n  api:\n    build: ./api\n  db:\n    image: postgres:16\n',
    { name: 'pull_policy makes the choice explicit', code: 'services:\n  api:\n    build: ./api\n    image: shop/api:1.4\n    pull_policy: build\n' },
    {
      name: 'pull_policy from the override',
      files: { 'compose.override.yaml': 'services:\n  api:\n    pull_policy: missing\n' },
      code: 'services:\n  api:\n    build: ./api\n    image: shop/api:1.4\n',
    },
    {
      name: 'the override is not where it is reported',
      filename: 'compose.override.yaml',
      files: { 'compose.yaml': 'services:\n  api:\n    build: ./api\n' },
      code: 'services:\n  api:\n    image: shop/api:1.4\n',
    },
  ],
  invalid: [
    {
      code: 'services:\n  api:\n    image: shop/api:1.4\n    build:\n      context: ./api\n',
      errors: [{ messageId: 'both', line: 4, column: 5, endLine: 4, endColumn: 10, data: { service: 'api', image: '"shop/api:1.4"' } }],
    },
    {
      name: 'image added by the override: reported at build in the base file',
      files: { 'compose.override.yaml': 'services:\n  api:\n    image: shop/api:1.4\n' },
      code: 'services:\n  api:\n    build: ./api\n',
      errors: [{ messageId: 'both', line: 3, column: 5 }],
    },
    {
      name: 'build from extends: reported at image',
      code: 'services:\n  base:\n    build: .\n    pull_policy: build\n  worker:\n    extends: base\n    pull_policy: !reset null\n    image: shop/worker:1\n',
      errors: [{ messageId: 'both', line: 8, column: 5 }],
    },
  ],
});
