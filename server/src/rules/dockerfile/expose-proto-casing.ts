import { defineDockerfileRule } from '../../engine/ruleTypes';
import { allExposedPorts } from '../support/expose';

export const rule = defineDockerfileRule({
  id: 'dockerfile/expose-proto-casing',
  meta: {
    severity: 'warning',
    description: 'The protocol of an EXPOSE port is not written in lowercase.',
    fix: { applied: 'auto' },
    aliases: ['buildkit:ExposeProtoCasing'],
    messages: {
      casing: "Protocol '{{protocol}}' in EXPOSE {{port}} should be lowercase; write '{{lower}}'.",
    },
    explanation: {
      why: "Docker writes protocols in lowercase (`80/tcp`) and BuildKit's checks flag any other casing; one spelling keeps EXPOSE lines easy to compare with published ports.",
      standard: 'BuildKit build check ExposeProtoCasing.',
      bad: 'EXPOSE 53/UDP',
      good: 'EXPOSE 53/udp',
    },
  },
  check({ file, report }) {
    for (const port of allExposedPorts(file)) {
      const protocol = port.writtenProtocol;
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
