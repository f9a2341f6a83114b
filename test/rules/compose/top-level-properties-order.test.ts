import { rule } from '../../../server/src/rules/compose/top-level-properties-order';
import { ruleTester } from '../../ruleTester';

ruleTester(rule, {
  valid: [
    'x-a: &a {}\nx-b: {}\nname: shop\ninclude: [other.yaml]\nservices:\n  web:\n    image: a:1\nnetworks: {}\nvolumes: {}\nsecrets: {}\nconfigs: {}\n',
    { name: 'keys the order does not name go last', code: 'services:\n  web:\n    image: a:1\nmodels:\n  llm:\n    model: ai/smollm2\n' },
  ],
  invalid: [
    {
      code: '# shop stack\n\nservices:\n  web:\n    image: a:1\n    volumes: [data:/data]\n\n# where data lives\nvolumes:\n  data: {}\nnetworks: {}\nname: shop\n',
      errors: [
        { messageId: 'outOfOrder', line: 11, column: 1, endLine: 11, endColumn: 9, data: { key: 'networks', expected: 'name, services, networks, volumes' } },
        { messageId: 'outOfOrder', line: 12, column: 1, data: { key: 'name' } },
      ],
      // Blank lines stay where they were: between the first and the second key here.
      output:
        '# shop stack\n\nname: shop\n\nservices:\n  web:\n    image: a:1\n    volumes: [data:/data]\nnetworks: {}\n# where data lives\nvolumes:\n  data: {}\n',
    },
    {
      name: 'x- extensions first, sorted; anchors keep ahead of their aliases',
      code: 'x-b: &b\n  restart: always\nservices:\n  web:\n    <<: *b\n    image: a:1\nx-a: 1\n',
      errors: [{ messageId: 'outOfOrder', line: 7, column: 1, data: { key: 'x-a' } }],
      output: 'x-a: 1\nx-b: &b\n  restart: always\nservices:\n  web:\n    <<: *b\n    image: a:1\n',
    },
    {
      name: 'an alias would precede its anchor: no fix',
      code: 'services:\n  web:\n    image: a:1\n    networks: [*n]\nnetworks:\n  &n front: {}\nversion: "3"\n',
      errors: [{ messageId: 'outOfOrder', line: 7, column: 1, data: { key: 'version' } }],
      output: null,
    },
  ],
});
