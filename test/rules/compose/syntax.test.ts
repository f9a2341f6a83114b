import { rule } from '../../../server/src/rules/compose/syntax';
import { ruleTester } from '../../ruleTester';

ruleTester(rule, {
  valid: ['services:\n  app:\n    image: nginx:1.27\n', { name: 'anchors and merge keys', code: 'x-base: &base\n  restart: always\nservices:\n  app:\n    <<: *base\n    image: nginx:1.27\n' }],
  invalid: [
    { name: 'unclosed flow mapping', code: 'services:\n  app: {image: nginx\n', errors: [{ messageId: 'yaml', line: 3, column: 1 }] },
    { name: 'duplicate key', code: 'services:\n  app:\n    image: a:1\n    image: b:2\n', errors: [{ messageId: 'yaml', line: 4, column: 5 }] },
  ],
});
