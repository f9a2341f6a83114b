import { defineKubernetesRule } from '../../engine/ruleTypes';
import { oncePerRange } from '../support/composeMerged';
import { containersHere } from '../support/kubernetes';

export const rule = defineKubernetesRule({
  id: 'k8s/ssh-port',
  meta: {
    severity: 'info',
    description: 'A container declares TCP port 22, which usually means an SSH server runs in it.',
    scope: 'document',
    aliases: ['kube-linter:ssh-port'],
    messages: {
      ssh: 'Container "{{container}}" declares TCP port 22, the SSH port: an SSH daemon in a container is one more service to patch and to guard against brute force; use `kubectl exec` for access, and keep port 22 for an SSH service that is the point of the image (a Git or SFTP server) and has been vetted.',
    },
    explanation: {
      why: "Containers are reached with `kubectl exec` and `kubectl debug`, with the API server's authentication and audit; an SSH daemon bypasses both, needs its own keys and patches, and is a favourite brute-force target when exposed. Some images serve SSH on purpose (Git servers, SFTP): then this is a reminder to review them, hence information only.",
      standard: 'Container standard "Security: minimal attack surface"; kube-linter ssh-port.',
      bad: 'apiVersion: v1\nkind: Pod\nmetadata: { name: app }\nspec:\n  containers:\n    - name: app\n      image: example/app:1.0\n      ports:\n        - containerPort: 22',
      good: 'apiVersion: v1\nkind: Pod\nmetadata: { name: app }\nspec:\n  containers:\n    - name: app\n      image: example/app:1.0\n      ports:\n        - name: http\n          containerPort: 8080',
    },
  },
  check(context) {
    // Ports shared through an anchor are one text: reported once, where it is written.
    const firstTime = oncePerRange();
    for (const container of containersHere(context)) {
      for (const port of container.ports) {
        if (port.number !== 22 || port.protocol.toUpperCase() !== 'TCP') continue;
        const range = (port.view.get('containerPort') ?? port.view).range;
        if (firstTime(range)) context.report({ messageId: 'ssh', data: { container: container.name || '?' }, range });
      }
    }
  },
});
