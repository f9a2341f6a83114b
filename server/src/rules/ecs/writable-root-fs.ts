import type { Fix } from '../../engine/ruleTypes';
import type { EcsContainer } from '../../parsing/ecsTaskDefinition';
import { insertJsonMember } from '../../parsing/jsonEdit';
import { defineEcsRule } from '../../engine/ruleTypes';
import { containerRange, ecsContainers } from '../support/ecs';

export const rule = defineEcsRule({
  id: 'ecs/writable-root-fs',
  meta: {
    severity: 'info',
    description: 'A container of the task definition can write to its root file system.',
    fix: { applied: 'editor-only' },
    aliases: ['checkov:CKV_AWS_336'],
    messages: {
      unset:
        'Container "{{container}}" does not set "readonlyRootFilesystem": true, so a compromised process can change its binaries; set it, and mount a volume where the application writes.',
      false:
        'Container "{{container}}" sets "readonlyRootFilesystem": false, so a compromised process can change its binaries; set it to true, and mount a volume where the application writes.',
    },
    explanation: {
      why: 'A read-only root file system stops an attacker from dropping tools or changing the application inside a running container. Most applications write only to a few places (temporary files, caches), which a volume mounted there covers.',
      standard: 'Checkov CKV_AWS_336; AWS Security Hub ECS.5 (ECS containers should be limited to read-only access to root filesystems).',
      bad: '{\n  "family": "web",\n  "containerDefinitions": [\n    { "name": "web", "image": "nginx:1.27" }\n  ]\n}',
      good: '{\n  "family": "web",\n  "containerDefinitions": [\n    { "name": "web", "image": "nginx:1.27", "readonlyRootFilesystem": true }\n  ]\n}',
    },
  },
  check({ file, report }) {
    // Windows containers do not support a read-only root file system.
    if (file.taskDefinition?.windows) return;
    for (const container of ecsContainers(file)) {
      const setting = container.readonlyRootFilesystem;
      if (setting?.scalar === true) continue;
      const isFalse = setting?.scalar === false;
      report({
        messageId: isFalse ? 'false' : 'unset',
        data: { container: container.name || '?' },
        range: isFalse && setting ? setting.pairRange : containerRange(container),
        fixes: () => readOnlyFix(container),
      });
    }
  },
});

/** Offered, never applied by fix-all: the application may write to its file system. */
function readOnlyFix(container: EcsContainer): Fix[] {
  const setting = container.readonlyRootFilesystem;
  const edit =
    setting === undefined
      ? insertJsonMember(container.view, 'readonlyRootFilesystem', 'true')
      : setting.isEditable && setting.isScalar
        ? { range: setting.range, newText: 'true' }
        : undefined;
  return edit ? [{ title: 'Set "readonlyRootFilesystem": true (mount a volume where the application writes)', edits: [edit], unsafe: true }] : [];
}
