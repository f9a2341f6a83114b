import { defineDockerfileRule } from '../../engine/ruleTypes';
import { exposedPorts } from '../support/expose';

export const rule = defineDockerfileRule({
  id: 'dockerfile/expose-invalid-format',
  meta: {
    severity: 'warning',
    description: 'An EXPOSE port has an IP address or a host:container mapping, which EXPOSE ignores and Docker will reject in a future release.',
    fixable: true,
    aliases: ['buildkit:ExposeInvalidFormat'],
    messages: {
      mapping:
        "EXPOSE should not define an IP address or host-port mapping, found '{{port}}': the image only records the container port; expose '{{containerPort}}' and publish ports when the container runs (`docker run -p`, compose `ports:`).",
    },
  },
  check({ file, report }) {
    for (const port of exposedPorts(file)) {
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
