import { defineEcsRule } from '../../engine/ruleTypes';
import { containerRange, ecsContainers } from '../support/ecs';

export const rule = defineEcsRule({
  id: 'ecs/missing-healthcheck',
  meta: {
    severity: 'info',
    description: 'An essential container of the task definition has no `healthCheck`.',
    aliases: [],
    messages: {
      missing:
        'Essential container "{{container}}" has no "healthCheck", so ECS counts it healthy as long as its process runs; add a healthCheck whose command checks that it serves.',
    },
    explanation: {
      why: 'Without a container health check ECS only knows that the process has not exited: a container that hangs or has lost its database keeps receiving work, and a deployment counts a broken revision as healthy. A load balancer\'s target health check covers only containers behind it. Containers marked `"essential": false` are not checked.',
      standard: 'Container standard "health checks"; Amazon ECS task definition parameters (healthCheck).',
      bad: '{\n  "family": "web",\n  "containerDefinitions": [\n    { "name": "web", "image": "nginx:1.27" }\n  ]\n}',
      good: '{\n  "family": "web",\n  "containerDefinitions": [\n    {\n      "name": "web",\n      "image": "nginx:1.27",\n      "healthCheck": { "command": ["CMD-SHELL", "curl -f http://localhost/ || exit 1"] }\n    }\n  ]\n}',
    },
  },
  check({ file, report }) {
    for (const container of ecsContainers(file)) {
      if (!container.essential || container.healthCheck) continue;
      report({ messageId: 'missing', data: { container: container.name || '?' }, range: containerRange(container) });
    }
  },
});
