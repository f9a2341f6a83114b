import { defineEcsRule } from '../../engine/ruleTypes';
import { ecsContainers } from '../support/ecs';

export const rule = defineEcsRule({
  id: 'ecs/privileged',
  meta: {
    severity: 'error',
    description: 'A container of the task definition runs privileged, with root access to the host.',
    fix: { applied: 'editor-only' },
    aliases: ['checkov:CKV_AWS_334'],
    messages: {
      privileged:
        'Container "{{container}}" sets "privileged": true, which gives it root access to the container instance; remove it and grant only the Linux capabilities it needs (linuxParameters.capabilities).',
    },
    explanation: {
      why: 'A privileged container can reach every device of the container instance and escape to the host, and with it to every other task there. Fargate refuses privileged containers altogether; on EC2 a specific capability added through `linuxParameters.capabilities` is almost always what the container needs.',
      standard: 'Checkov CKV_AWS_334; AWS Security Hub ECS.4 (ECS containers should run as non-privileged).',
      bad: '{\n  "family": "web",\n  "containerDefinitions": [\n    { "name": "web", "image": "nginx:1.27", "privileged": true }\n  ]\n}',
      good: '{\n  "family": "web",\n  "containerDefinitions": [\n    { "name": "web", "image": "nginx:1.27", "privileged": false }\n  ]\n}',
    },
  },
  check({ file, report }) {
    for (const container of ecsContainers(file)) {
      const privileged = container.privileged;
      if (privileged?.scalar !== true) continue;
      report({
        messageId: 'privileged',
        data: { container: container.name || '?' },
        range: privileged.pairRange,
        // The container may need what privileged gave it: offered, never applied by fix-all.
        fixes: () =>
          privileged.isEditable ? [{ title: 'Set "privileged": false', edits: [{ range: privileged.range, newText: 'false' }], unsafe: true }] : [],
      });
    }
  },
});
