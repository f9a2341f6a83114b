import { rule } from '../../../server/src/rules/compose/service-container-name-regex';
import { ruleTester } from '../../ruleTester';

ruleTester(rule, {
  valid: [
    'services:\n  web:\n    image: a:1\n    container_name: shop_web.1-a\n',
    { name: 'two characters', code: 'services:\n  web:\n    image: a:1\n    container_name: w1\n' },
    { name: 'a number is a name', code: 'services:\n  web:\n    image: a:1\n    container_name: 42\n' },
    { name: 'interpolated parts are not judged', code: 'services:\n  web:\n    image: a:1\n    container_name: ${COMPOSE_PROJECT_NAME}-web\n' },
    { name: 'a variable may start the name', code: 'services:\n  web:\n    image: a:1\n    container_name: "${PREFIX:-shop}_web"\n' },
  ],
  invalid: [
    {
      code: 'services:\n  web:\n    image: a:1\n    container_name: "shop web"\n',
      errors: [{ messageId: 'invalid', line: 4, column: 21, endLine: 4, endColumn: 31, data: { name: '"shop web"' } }],
    },
    { name: 'one character', code: 'services:\n  web:\n    image: a:1\n    container_name: w\n', errors: [{ messageId: 'invalid', line: 4, column: 21 }] },
    { name: 'leading dash', code: 'services:\n  web:\n    image: a:1\n    container_name: -web\n', errors: [{ messageId: 'invalid', line: 4, column: 21 }] },
    {
      name: 'a slash in the literal part, whatever the variable holds',
      code: 'services:\n  web:\n    image: a:1\n    container_name: ${ENV}/web\n',
      errors: [{ messageId: 'invalid', line: 4, column: 21 }],
    },
    {
      name: 'reported in the file that writes it',
      filename: 'compose.override.yaml',
      files: { 'compose.yaml': 'services:\n  web:\n    image: a:1\n' },
      code: 'services:\n  web:\n    container_name: café\n',
      errors: [{ messageId: 'invalid', line: 3, column: 21 }],
    },
  ],
});
