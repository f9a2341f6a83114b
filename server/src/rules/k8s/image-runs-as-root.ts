import { defineKubernetesRule } from '../../engine/ruleTypes';
import { describeImageUser, imageUserOf, isRoot } from '../support/builtStage';
import { rootStage } from '../support/dockerfile';
import { containersHere } from '../support/kubernetes';
import { isWindowsImage } from '../support/users';
import { WORKSPACE_LINK, workloadImageOf } from '../support/workloadImage';

export const rule = defineKubernetesRule({
  id: 'k8s/image-runs-as-root',
  meta: {
    severity: 'warning',
    description:
      'A container runs an image that a Dockerfile of the workspace builds to run as root, and neither the pod nor the container sets a non-root user; with `runAsNonRoot: true` and no `runAsUser`, the kubelet refuses to start it.',
    scope: 'document',
    aliases: [],
    messages: {
      root: 'Container "{{container}}" runs as root: {{dockerfile}}, which builds its image (per {{builtBy}}), {{reason}}, and neither the pod nor the container sets runAsNonRoot: true or a non-zero runAsUser. Switch the Dockerfile to a non-root numeric USER, or set securityContext.runAsUser to a non-zero uid.',
      refused:
        'Container "{{container}}" sets runAsNonRoot: true without runAsUser, but {{dockerfile}}, which builds its image (per {{builtBy}}), {{reason}}: the kubelet refuses to start it with CreateContainerConfigError ("container has runAsNonRoot and image will run as root"). Switch the Dockerfile to a non-root numeric USER, or set runAsUser to a non-zero uid.',
    },
    explanation: {
      why: `Kubernetes runs a container as the user its image names unless the pod says otherwise, so an image built to run as root runs as root in the cluster, where an escape reaches the node. A Dockerfile without USER is reported only when the base-image table knows its base runs as root. With \`runAsNonRoot: true\` and no \`runAsUser\`, an image with no USER or \`USER 0\` is not a warning but a start failure, reported as an error (an image whose USER is a name, \`root\` included, is k8s/run-as-non-root-named-user). ${WORKSPACE_LINK}`,
      standard: 'Container standard "non-root users"; Kubernetes Pod Security "restricted" (runAsNonRoot); kubelet verifyRunAsNonRoot.',
      bad: '# skaffold.yaml builds registry.example.com/shop/api from Dockerfile, whose last line is USER root\napiVersion: v1\nkind: Pod\nmetadata: { name: api }\nspec:\n  containers:\n    - name: api\n      image: registry.example.com/shop/api',
      good: '# skaffold.yaml builds registry.example.com/shop/api from Dockerfile, whose last line is USER root\napiVersion: v1\nkind: Pod\nmetadata: { name: api }\nspec:\n  securityContext:\n    runAsUser: 10001\n  containers:\n    - name: api\n      image: registry.example.com/shop/api',
    },
  },
  check(context) {
    for (const container of containersHere(context)) {
      if (container.security('runAsUser')) continue;
      const linked = workloadImageOf(context, container);
      if (!linked || isWindowsImage(rootStage(linked.stage))) continue;
      const user = imageUserOf(linked.stage);
      if (!user || !isRoot(user)) continue;
      const nonRootRequired = container.security('runAsNonRoot')?.value.scalar === true;
      // The kubelet reports `USER root` as a name it cannot verify: k8s/run-as-non-root-named-user says so.
      if (nonRootRequired && user.kind === 'name') continue;
      context.report({
        messageId: nonRootRequired ? 'refused' : 'root',
        data: { container: container.name || '?', dockerfile: linked.dockerfilePath, builtBy: linked.builtBy, reason: describeImageUser(user, linked.stage) },
        range: container.image!.range,
        ...(nonRootRequired ? { severity: 'error' as const } : {}),
      });
    }
  },
});
