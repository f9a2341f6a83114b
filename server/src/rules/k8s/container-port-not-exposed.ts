import { defineKubernetesRule } from '../../engine/ruleTypes';
import { exposedPorts } from '../support/builtStage';
import { containersHere } from '../support/kubernetes';
import { WORKSPACE_LINK, workloadImageOf } from '../support/workloadImage';

export const rule = defineKubernetesRule({
  id: 'k8s/container-port-not-exposed',
  meta: {
    severity: 'info',
    description:
      'A container declares a containerPort that the Dockerfile of the workspace that builds its image does not EXPOSE, which often means the port is not the one the application listens on.',
    scope: 'document',
    aliases: [],
    messages: {
      notExposed:
        'Container "{{container}}" declares containerPort {{port}}, but {{dockerfile}}, which builds its image (per {{builtBy}}), only EXPOSEs {{exposed}}; check which port the application listens on, then correct the containerPort (and the Services and probes that use it) or the EXPOSE.',
    },
    explanation: {
      why: `EXPOSE documents the ports the application listens on. A containerPort the Dockerfile does not expose is usually left behind when the application moved to another port: Services and probes that use it then reach a port nothing listens on. A Dockerfile without EXPOSE says nothing about the ports, and is not reported. ${WORKSPACE_LINK}`,
      standard: 'Dockerfile reference, EXPOSE; Kubernetes container ports.',
      bad: '# skaffold.yaml builds registry.example.com/shop/api from Dockerfile, which has EXPOSE 3000\napiVersion: v1\nkind: Pod\nmetadata: { name: api }\nspec:\n  containers:\n    - name: api\n      image: registry.example.com/shop/api\n      ports:\n        - containerPort: 8080',
      good: '# skaffold.yaml builds registry.example.com/shop/api from Dockerfile, which has EXPOSE 3000\napiVersion: v1\nkind: Pod\nmetadata: { name: api }\nspec:\n  containers:\n    - name: api\n      image: registry.example.com/shop/api\n      ports:\n        - containerPort: 3000',
    },
  },
  check(context) {
    for (const container of containersHere(context)) {
      const ports = container.ports.filter((port) => port.number !== undefined);
      const linked = ports.length > 0 ? workloadImageOf(context, container) : undefined;
      const exposed = linked && exposedPorts(linked.stage);
      // No EXPOSE says nothing about the ports; an EXPOSE from a build argument may be any port.
      if (!linked || !exposed?.length) continue;
      for (const port of ports) {
        const protocol = port.protocol.toLowerCase();
        if (exposed.some((candidate) => candidate.port === port.number && candidate.protocol === protocol)) continue;
        context.report({
          messageId: 'notExposed',
          data: {
            container: container.name || '?',
            port: protocol === 'tcp' ? String(port.number) : `${port.number}/${port.protocol}`,
            dockerfile: linked.dockerfilePath,
            builtBy: linked.builtBy,
            exposed: [...new Set(exposed.map((candidate) => `${candidate.port}/${candidate.protocol}`))].join(', '),
          },
          range: port.view.get('containerPort')!.range,
        });
      }
    }
  },
});
