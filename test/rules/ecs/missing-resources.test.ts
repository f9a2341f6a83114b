import { rule } from '../../../server/src/rules/ecs/missing-resources';
import { taskDefinition } from '../../helpers/ecs';
import { ruleTester } from '../../ruleTester';

const FARGATE = '  "requiresCompatibilities": ["FARGATE"],\n';

ruleTester(rule, {
  valid: [
    { name: 'Fargate with task-level sizes', code: taskDefinition('', `${FARGATE}  "cpu": "256",\n  "memory": "512",\n`) },
    { name: 'EC2 with task-level sizes', code: taskDefinition('', '  "cpu": "1024",\n  "memory": "2048",\n') },
    { name: 'EC2 with container-level sizes', code: taskDefinition(',\n      "cpu": 256,\n      "memoryReservation": 512') },
  ],
  invalid: [
    {
      name: 'Fargate without task-level cpu (an error: registration fails)',
      code: taskDefinition('', `${FARGATE}  "memory": "512",\n`),
      errors: [{ messageId: 'fargateTask', line: 5, column: 3, data: { field: 'cpu' } }],
    },
    {
      name: 'Fargate without either, even when containers set theirs',
      code: taskDefinition(',\n      "cpu": 256,\n      "memory": 512', FARGATE),
      errors: [
        { messageId: 'fargateTask', line: 4, column: 3, data: { field: 'cpu' } },
        { messageId: 'fargateTask', line: 4, column: 3, data: { field: 'memory' } },
      ],
    },
    {
      name: 'EC2 without any size: memory (warning) and cpu (info)',
      code: taskDefinition(),
      errors: [
        { messageId: 'noMemory', line: 5, column: 15, data: { container: 'web' } },
        { messageId: 'noCpu', line: 5, column: 15, data: { container: 'web' } },
      ],
    },
    {
      name: 'EC2 with a task cpu and no memory anywhere',
      code: taskDefinition('', '  "cpu": "256",\n'),
      errors: [{ messageId: 'noMemory', line: 6, column: 15 }],
    },
  ],
});
