import { defineComposeRule } from '../../engine/ruleTypes';
import { isIdentity, reorderEntries, sortedOrder, writtenEntries } from '../../parsing/yamlEntries';
import { servicesHere } from '../support/compose';
import { compareNames } from '../support/order';
import { FIX_WHEN } from '../support/fixConditions';

export const rule = defineComposeRule({
  id: 'compose/service-dependencies-alphabetical-order',
  meta: {
    severity: 'off',
    description: 'The services a service `depends_on` are not listed in alphabetical order.',
    fix: { when: FIX_WHEN.entriesMovable, applied: 'auto' },
    aliases: ['dclint:service-dependencies-alphabetical-order'],
    messages: {
      unsorted: 'The dependencies of service "{{service}}" are not in alphabetical order; list them as {{expected}}.',
    },
    explanation: {
      why: 'A style rule (off unless switched on): sorted dependencies are quicker to scan and merge with fewer conflicts. The order has no effect on start-up, which Compose derives from the dependency graph.',
      standard: 'dclint service-dependencies-alphabetical-order.',
      bad: 'services:\n  web:\n    image: nginx:1.27\n    depends_on:\n      - redis\n      - db',
      good: 'services:\n  web:\n    image: nginx:1.27\n    depends_on:\n      - db\n      - redis',
    },
  },
  check(context) {
    for (const { definition } of servicesHere(context)) {
      const dependsOn = definition.get('depends_on');
      if (!dependsOn?.isWrittenHere) continue;
      const entries = writtenEntries(dependsOn).map((entry) => ({ ...entry, name: entry.key ?? entry.view?.text ?? '' }));
      const order = sortedOrder(entries, (a, b) => compareNames(a.name, b.name));
      if (isIdentity(order)) continue;
      const fix = reorderEntries(dependsOn, order);
      context.report({
        messageId: 'unsorted',
        data: { service: definition.name, expected: order.map((index) => entries[index]!.name).join(', ') },
        range: dependsOn.keyRange ?? dependsOn.range,
        fixes: fix ? [{ title: 'Sort the dependencies alphabetically', edits: [fix] }] : [],
      });
    }
  },
});
