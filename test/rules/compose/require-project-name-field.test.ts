import { rule } from '../../../server/src/rules/compose/require-project-name-field';
import { ruleTester } from '../../ruleTester';

ruleTester(rule, {
  valid: [
    'name: shop\nservices:\n  web:\n    image: a:1\n',
    { name: 'interpolated name', code: 'name: ${PROJECT:-shop}\nservices: {}\n' },
    { name: 'the override names the project', files: { 'compose.override.yaml': 'name: shop\n' }, code: 'services:\n  web:\n    image: a:1\n' },
    {
      name: 'an override is not the base file',
      filename: 'compose.override.yaml',
      files: { 'compose.yaml': 'services: {}\n' },
      code: 'services:\n  web:\n    image: a:2\n',
    },
    {
      name: 'a variant is not the base file',
      filename: 'compose.prod.yaml',
      files: { 'compose.yaml': 'services: {}\n' },
      code: 'services:\n  web:\n    image: a:3\n',
    },
    {
      name: 'an included file is not the base file',
      filename: 'db/compose.yaml',
      files: { 'compose.yaml': 'name: shop\ninclude:\n  - db/compose.yaml\nservices: {}\n' },
      code: 'services:\n  db:\n    image: postgres:16\n',
    },
    { name: 'a file that does not parse', code: 'services:\n  web: {image: a:1\n' },
    {
      name: 'a fragment beside the base file',
      filename: 'common.yml',
      files: { 'compose.yaml': 'name: shop\nservices: {}\n' },
      code: 'services:\n  base:\n    image: a:1\n',
    },
  ],
  invalid: [
    {
      name: 'in a file with a byte order mark, after the mark, which must stay first',
      code: '\ufeffservices:\r\n  web:\r\n    image: a:1\r\n',
      errors: [{ messageId: 'missing', line: 1, column: 2, endLine: 1, endColumn: 10 }],
      output: '\ufeffname: project\r\nservices:\r\n  web:\r\n    image: a:1\r\n',
    },
    {
      code: '# shop\nservices:\n  web:\n    image: a:1\n',
      errors: [{ messageId: 'missing', line: 2, column: 1, endLine: 2, endColumn: 9 }],
      output: '# shop\nname: project\nservices:\n  web:\n    image: a:1\n',
    },
    {
      name: 'after the x- fragments and version, above the comment of services',
      code: 'x-base: &base\n  restart: always\nversion: "3.8"\n# the app\nservices:\n  web:\n    <<: *base\n    image: a:1\n',
      errors: [{ messageId: 'missing', line: 1, column: 1 }],
      output: 'x-base: &base\n  restart: always\nversion: "3.8"\nname: project\n# the app\nservices:\n  web:\n    <<: *base\n    image: a:1\n',
    },
    {
      name: 'a file named by content, alone in its folder, is a project',
      filename: 'stack.yml',
      code: 'services:\r\n  web:\r\n    image: a:1\r\n',
      errors: [{ messageId: 'missing', line: 1, column: 1 }],
      output: 'name: project\r\nservices:\r\n  web:\r\n    image: a:1\r\n',
    },
    {
      name: 'only fragments: at the end',
      code: 'x-a: 1\n',
      errors: [{ messageId: 'missing', line: 1, column: 1 }],
      output: 'x-a: 1\nname: project\n',
    },
  ],
});
