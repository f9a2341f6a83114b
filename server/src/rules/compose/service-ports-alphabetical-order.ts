import { defineComposeRule } from '../../engine/ruleTypes';
import { isIdentity, reorderEntries, sortedOrder } from '../../parsing/yamlEntries';
import { servicesHere } from '../support/compose';
import { compareNumbered } from '../support/order';
import { FIX_WHEN } from '../support/fixConditions';

export const rule = defineComposeRule({
  id: 'compose/service-ports-alphabetical-order',
  meta: {
    severity: 'off',
    description: 'The `ports` of a service are not sorted by published port.',
    fix: { when: FIX_WHEN.entriesMovable, applied: 'auto' },
    aliases: ['dclint:service-ports-alphabetical-order'],
    messages: {
      unsorted: 'The ports of service "{{service}}" are not in order; sort them by published port ({{expected}}).',
    },
    explanation: {
      why: 'A style rule (off unless switched on): sorted ports make a clash or a gap easy to see. Like dclint, ports sort by the published (host) port, or the container port when none is published, in numeric order.',
      standard: 'dclint service-ports-alphabetical-order.',
      bad: 'services:\n  web:\n    image: nginx:1.27\n    ports:\n      - "127.0.0.1:8443:443"\n      - "127.0.0.1:8080:80"',
      good: 'services:\n  web:\n    image: nginx:1.27\n    ports:\n      - "127.0.0.1:8080:80"\n      - "127.0.0.1:8443:443"',
    },
  },
  check(context) {
    for (const { definition } of servicesHere(context)) {
      const ports = definition.get('ports');
      if (!ports?.isWrittenHere || !ports.isSeq) continue;
      const keys = definition.ports.map((port) => port.published ?? port.target ?? '');
      const order = sortedOrder(keys, compareNumbered);
      if (isIdentity(order)) continue;
      const fix = reorderEntries(ports, order);
      context.report({
        messageId: 'unsorted',
        data: { service: definition.name, expected: order.map((index) => keys[index]).join(', ') },
        range: ports.keyRange ?? ports.range,
        fixes: fix ? [{ title: 'Sort the ports', edits: [fix] }] : [],
      });
    }
  },
});
