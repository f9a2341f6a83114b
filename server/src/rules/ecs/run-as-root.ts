import { defineEcsRule } from '../../engine/ruleTypes';
import { containerRange, ecsContainers } from '../support/ecs';

/** `root`, `0`, with or without a group (`0:0`, `root:root`). */
const ROOT_USER = /^(?:root|0)(?::.*)?$/;

export const rule = defineEcsRule({
  id: 'ecs/run-as-root',
  meta: {
    severity: 'warning',
    description: 'A container of the task definition runs as root, or leaves its user to the image.',
    aliases: [],
    messages: {
      root: 'Container "{{container}}" runs as user "{{user}}", which is root; set "user" to a numeric non-root id such as "1000" that the image can run as.',
      unset:
        'Container "{{container}}" sets no "user", so it runs as the image\'s user, which is root unless the image sets USER; set "user" to a numeric non-root id such as "1000".',
    },
    explanation: {
      why: "A process that runs as root in the container is root on the host once it escapes, and can change everything in its own file system. The `user` of a container definition overrides the image's USER; left out, the image decides, and most base images run as root. Windows containers (a `runtimePlatform` of a Windows family) are not checked: ECS ignores `user` there.",
      standard: 'Container standard "non-root user"; CIS Docker Benchmark 4.1; Amazon ECS task definition parameters (user).',
      bad: '{\n  "family": "web",\n  "containerDefinitions": [\n    { "name": "web", "image": "nginx:1.27", "user": "root" }\n  ]\n}',
      good: '{\n  "family": "web",\n  "containerDefinitions": [\n    { "name": "web", "image": "nginx:1.27", "user": "101" }\n  ]\n}',
    },
  },
  check({ file, report }) {
    if (file.taskDefinition?.windows) return;
    for (const container of ecsContainers(file)) {
      const user = container.user;
      const name = container.name || '?';
      if (!user) {
        // The image may well set a non-root USER: worth knowing, not a warning.
        report({ messageId: 'unset', data: { container: name }, range: containerRange(container), severity: 'info' });
        continue;
      }
      const text = user.text ?? '';
      if (ROOT_USER.test(text.trim())) report({ messageId: 'root', data: { container: name, user: text }, range: user.range });
    }
  },
});
