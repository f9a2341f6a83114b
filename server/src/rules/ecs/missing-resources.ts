import { defineEcsRule } from '../../engine/ruleTypes';
import { containerRange, ecsContainers } from '../support/ecs';

export const rule = defineEcsRule({
  id: 'ecs/missing-resources',
  meta: {
    severity: 'warning',
    description: 'The task definition leaves CPU or memory unset, at the task level and for its containers.',
    aliases: [],
    messages: {
      fargateTask:
        'The task definition requires FARGATE but sets no task-level "{{field}}": Fargate refuses to register it. Set "{{field}}" at the top level to one of the sizes Fargate offers (e.g. "cpu": "256", "memory": "512").',
      noMemory:
        'Container "{{container}}" sets no "memory" or "memoryReservation" and the task sets no "memory", so ECS cannot place it; set a memory limit for the task or the container.',
      noCpu:
        'Container "{{container}}" sets no "cpu" and the task sets no "cpu", so it competes for the instance\'s CPU without a share of its own; set "cpu" for the task or the container.',
    },
    explanation: {
      why: 'ECS places tasks by the CPU and memory they reserve. Fargate needs both at the task level and refuses the task definition without them; on EC2 a container without any memory setting cannot be registered, and one without CPU units gets no guaranteed share when the instance is busy.',
      standard: 'Container standard "resource limits"; Amazon ECS task definition parameters (cpu, memory).',
      bad: '{\n  "family": "web",\n  "requiresCompatibilities": ["FARGATE"],\n  "containerDefinitions": [\n    { "name": "web", "image": "nginx:1.27" }\n  ]\n}',
      good: '{\n  "family": "web",\n  "requiresCompatibilities": ["FARGATE"],\n  "cpu": "256",\n  "memory": "512",\n  "containerDefinitions": [\n    { "name": "web", "image": "nginx:1.27" }\n  ]\n}',
    },
  },
  check({ file, report }) {
    const task = file.taskDefinition;
    if (!task?.containerDefinitions) return;
    if (task.fargate) {
      const range = task.containerDefinitions.keyRange ?? task.containerDefinitions.range;
      // Registration fails: an error whatever the rule's default.
      for (const field of ['cpu', 'memory'] as const) if (!task[field]) report({ messageId: 'fargateTask', data: { field }, range, severity: 'error' });
      return;
    }
    for (const container of ecsContainers(file)) {
      const name = container.name || '?';
      if (!task.memory && !container.memory && !container.memoryReservation)
        report({ messageId: 'noMemory', data: { container: name }, range: containerRange(container) });
      // EC2 tasks run without CPU units; they only lose their share under contention.
      if (!task.cpu && !container.cpu) report({ messageId: 'noCpu', data: { container: name }, range: containerRange(container), severity: 'info' });
    }
  },
});
