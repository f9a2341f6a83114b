import { rule } from '../../../server/src/rules/ecs/syntax';
import { taskDefinition } from '../../helpers/ecs';
import { ruleTester } from '../../ruleTester';

ruleTester(rule, {
  valid: [
    taskDefinition(),
    { name: 'tab-indented JSON', code: '{\n\t"family": "web",\n\t"containerDefinitions": [\n\t\t{ "name": "web", "image": "nginx:1.27" }\n\t]\n}\n' },
    { name: 'found by content under another name', code: '{ "containerDefinitions": [] }', filename: 'deploy/web.json' },
  ],
  invalid: [
    {
      name: 'an unclosed object',
      code: '{\n  "family": "web",\n  "containerDefinitions": [\n    { "name": "web", "image": "nginx:1.27"\n  ]\n}\n',
      errors: [{ messageId: 'json', line: 5, column: 3 }],
    },
    {
      name: 'named as a task definition but without containers',
      code: '{\n  "family": "web"\n}\n',
      errors: [{ messageId: 'noContainers', line: 1, column: 1 }],
    },
    {
      name: 'containerDefinitions that is not a list',
      code: '{\n  "family": "web",\n  "containerDefinitions": { "name": "web" }\n}\n',
      errors: [{ messageId: 'noContainers', line: 3, column: 3 }],
    },
  ],
});
