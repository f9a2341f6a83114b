import { rule } from '../../../server/src/rules/ecs/writable-root-fs';
import { taskDefinition } from '../../helpers/ecs';
import { ruleTester } from '../../ruleTester';

ruleTester(rule, {
  valid: [
    taskDefinition(',\n      "readonlyRootFilesystem": true'),
    { name: 'Windows containers cannot have one', code: taskDefinition('', '  "runtimePlatform": { "operatingSystemFamily": "WINDOWS_SERVER_2022_CORE" },\n') },
  ],
  invalid: [
    {
      name: "unset: inserted as the last member, at the members' indentation",
      code: taskDefinition(),
      errors: [{ messageId: 'unset', line: 5, column: 15, data: { container: 'web' } }],
      output: taskDefinition(',\n      "readonlyRootFilesystem": true'),
    },
    {
      name: 'false: set to true',
      code: taskDefinition(',\n      "readonlyRootFilesystem": false'),
      errors: [{ messageId: 'false', line: 7, column: 7 }],
      output: taskDefinition(',\n      "readonlyRootFilesystem": true'),
    },
    {
      name: 'a container on one line gets the member on that line',
      code: '{ "family": "a", "containerDefinitions": [{ "name": "a", "image": "a:1" }] }',
      errors: [{ messageId: 'unset', line: 1, column: 53 }],
      output: '{ "family": "a", "containerDefinitions": [{ "name": "a", "image": "a:1", "readonlyRootFilesystem": true }] }',
    },
    {
      name: 'CRLF line ends are kept',
      code: taskDefinition().replace(/\n/g, '\r\n'),
      errors: [{ messageId: 'unset', line: 5, column: 15 }],
      output: taskDefinition(',\n      "readonlyRootFilesystem": true').replace(/\n/g, '\r\n'),
    },
  ],
});
