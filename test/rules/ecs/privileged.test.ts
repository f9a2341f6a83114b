import { rule } from '../../../server/src/rules/ecs/privileged';
import { taskDefinition } from '../../helpers/ecs';
import { ruleTester } from '../../ruleTester';

ruleTester(rule, {
  valid: [taskDefinition(), taskDefinition(',\n      "privileged": false'), taskDefinition(',\n      "privileged": null')],
  invalid: [
    {
      name: 'privileged: true is set to false, the rest stays',
      code: taskDefinition(',\n      "privileged": true,\n      "essential": true'),
      errors: [{ messageId: 'privileged', line: 7, column: 7, endColumn: 25, data: { container: 'web' } }],
      output: taskDefinition(',\n      "privileged": false,\n      "essential": true'),
    },
    {
      name: 'one line per container',
      code: '{"family":"a","containerDefinitions":[{"name":"a","image":"a:1","privileged":true},{"name":"b","image":"b:1"}]}',
      errors: [{ messageId: 'privileged', line: 1, column: 65 }],
      output: '{"family":"a","containerDefinitions":[{"name":"a","image":"a:1","privileged":false},{"name":"b","image":"b:1"}]}',
    },
  ],
});
