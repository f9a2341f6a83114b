import { rule } from '../../../server/src/rules/ecs/run-as-root';
import { taskDefinition } from '../../helpers/ecs';
import { ruleTester } from '../../ruleTester';

ruleTester(rule, {
  valid: [
    taskDefinition(',\n      "user": "1000"'),
    taskDefinition(',\n      "user": "1000:1000"'),
    taskDefinition(',\n      "user": "node"'),
    { name: 'ECS ignores user on Windows', code: taskDefinition('', '  "runtimePlatform": { "operatingSystemFamily": "WINDOWS_SERVER_2019_FULL" },\n') },
  ],
  invalid: [
    {
      name: 'root by name',
      code: taskDefinition(',\n      "user": "root"'),
      errors: [{ messageId: 'root', line: 7, column: 15, data: { user: 'root', container: 'web' } }],
    },
    { name: 'uid 0 with a group', code: taskDefinition(',\n      "user": "0:0"'), errors: [{ messageId: 'root', line: 7, column: 15, data: { user: '0:0' } }] },
    { name: 'unset: the image decides (info)', code: taskDefinition(), errors: [{ messageId: 'unset', line: 5, column: 15, data: { container: 'web' } }] },
    {
      name: 'the describe-task-definition wrapper',
      code: '{\n  "taskDefinition": {\n    "containerDefinitions": [{ "name": "api", "image": "api:1", "user": "0" }]\n  }\n}\n',
      errors: [{ messageId: 'root', line: 3, column: 73 }],
    },
  ],
});
