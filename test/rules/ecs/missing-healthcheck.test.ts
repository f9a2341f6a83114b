import { rule } from '../../../server/src/rules/ecs/missing-healthcheck';
import { taskDefinition } from '../../helpers/ecs';
import { ruleTester } from '../../ruleTester';

ruleTester(rule, {
  valid: [
    taskDefinition(',\n      "healthCheck": { "command": ["CMD-SHELL", "curl -f http://localhost/ || exit 1"] }'),
    { name: 'a sidecar that is not essential', code: taskDefinition(',\n      "essential": false') },
  ],
  invalid: [
    { name: 'no healthCheck', code: taskDefinition(), errors: [{ messageId: 'missing', line: 5, column: 15, data: { container: 'web' } }] },
    { name: 'explicitly essential', code: taskDefinition(',\n      "essential": true'), errors: [{ messageId: 'missing', line: 5, column: 15 }] },
    { name: 'healthCheck null', code: taskDefinition(',\n      "healthCheck": null'), errors: [{ messageId: 'missing', line: 5, column: 15 }] },
  ],
});
