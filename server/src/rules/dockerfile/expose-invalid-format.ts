import { defineDockerfileRule } from '../../engine/ruleTypes';
import { allExposedPorts } from '../support/expose';

export const rule = defineDockerfileRule({
  id: 'dockerfile/expose-invalid-format',
  meta: {
    severity: 'warning',
    description: 'An EXPOSE port has an IP address or a host:container mapping, which EXPOSE ignores and Docker will reject in a future release.',
    fix: { applied: 'auto' },
    aliases: ['buildkit:ExposeInvalidFormat'],
    messages: {
      mapping:
        "EXPOSE should not define an IP address or host-port mapping, found '{{port}}': the image only records the container port; expose '{{containerPort}}' and publish ports when the container runs (`docker run -p`, compose `ports:`).",
    },
    explanation: {
      why: 'EXPOSE only records container ports in the image; a host IP or host port written there is dropped, so the mapping the author meant never happens. Ports are published when the container runs (`docker run -p`, Compose `ports:`).',
      standard: 'BuildKit build check ExposeInvalidFormat.',
      bad: 'EXPOSE 8080:80',
      good: 'EXPOSE 80',
    },
  },
  check({ file, report }) {
    for (const port of allExposedPorts(file)) {
      if (!port.mapping) continue;
      const containerPort = port.written.slice(port.mapping.text.length);
      report({
        messageId: 'mapping',
        data: { port: port.written, containerPort },
        range: port.argument.getRange(),
        // What the builder records is exactly the container port, so dropping the rest changes nothing.
        fixes: [{ title: `Expose only ${containerPort}`, edits: [{ range: port.mapping.range, newText: '' }] }],
      });
    }
  },
});
