import { defineDockerfileRule } from '../../engine/ruleTypes';
import { exposedPorts } from '../support/expose';

export const rule = defineDockerfileRule({
  id: 'dockerfile/expose-proto-casing',
  meta: {
    severity: 'warning',
    description: 'The protocol of an EXPOSE port is not written in lowercase.',
    fixable: true,
    aliases: ['buildkit:ExposeProtoCasing'],
    messages: {
      casing: "Protocol '{{protocol}}' in EXPOSE {{port}} should be lowercase; write '{{lower}}'.",
    },
  },
  check({ file, report }) {
    for (const port of exposedPorts(file)) {
      const protocol = port.protocol;
      if (!protocol || protocol.text === protocol.text.toLowerCase()) continue;
      const lower = protocol.text.toLowerCase();
      report({
        messageId: 'casing',
        data: { protocol: protocol.text, port: port.written, lower },
        range: protocol.range,
        fixes: [{ title: `Write '${lower}'`, edits: [{ range: protocol.range, newText: lower }] }],
      });
    }
  },
});
