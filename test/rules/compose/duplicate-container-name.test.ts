import { rule } from '../../../server/src/rules/compose/duplicate-container-name';
import { ruleTester } from '../../ruleTester';

ruleTester(rule, {
  valid: [
    'services:\n  api:\n    image: myorg/api:1.4\n    container_name: api\n  db:\n    image: postgres:17\n    container_name: db\n  cache:\n    image: redis:8.2\n',
    {
      name: 'an override renames the container',
      code: 'services:\n  api:\n    image: myorg/api:1.4\n    container_name: app\n  worker:\n    image: myorg/worker:1.4\n    container_name: app\n',
      files: { 'compose.override.yaml': 'services:\n  worker:\n    container_name: worker\n' },
    },
    {
      name: 'alternatives in disjoint profiles',
      code: 'services:\n  api-dev:\n    image: myorg/api:dev\n    profiles: [dev]\n    container_name: api\n  api:\n    image: myorg/api:1.4\n    profiles: [prod]\n    container_name: api\n',
    },
    {
      name: 'names from unknown variables',
      code: 'services:\n  a:\n    image: nginx:1.29\n    container_name: ${A_NAME}\n  b:\n    image: nginx:1.29\n    container_name: ${B_NAME}\n',
    },
  ],
  invalid: [
    {
      name: 'two services with one name',
      code: 'services:\n  api:\n    image: myorg/api:1.4\n    container_name: backend\n  worker:\n    image: myorg/worker:1.4\n    container_name: "backend"\n  db:\n    image: postgres:17\n',
      errors: [
        { messageId: 'duplicate', line: 4, column: 21, endLine: 4, endColumn: 28, data: { other: 'worker' } },
        { messageId: 'duplicate', line: 7, column: 21, data: { other: 'api' } },
      ],
    },
    {
      name: 'the clash comes from the override: reported where the name is set',
      filename: 'compose.override.yaml',
      code: 'services:\n  worker:\n    container_name: api\n',
      files: {
        'compose.yaml':
          'services:\n  api:\n    image: myorg/api:1.4\n    container_name: api\n  worker:\n    image: myorg/worker:1.4\n    container_name: worker\n',
      },
      errors: [{ messageId: 'duplicate', line: 3, column: 21, data: { other: 'api' } }],
    },
    {
      name: 'a name from .env, and one inherited through extends',
      code: 'services:\n  web:\n    image: nginx:1.29\n    container_name: ${STACK}-web\n  web-2:\n    extends: web\n',
      files: { '.env': 'STACK=shop\n' },
      errors: [
        { messageId: 'duplicate', line: 4, column: 21, data: { name: 'shop-web' } },
        { messageId: 'duplicate', line: 6, column: 14, data: { other: 'web' } },
      ],
    },
  ],
});
