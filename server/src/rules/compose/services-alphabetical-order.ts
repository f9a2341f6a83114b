import { defineComposeRule } from '../../engine/ruleTypes';
import { reorderEntries, sortedOrder, writtenEntries } from '../../parsing/yamlEntries';
import { YamlView } from '../../parsing/yamlView';
import { compareNames } from '../support/order';
import { FIX_WHEN } from '../support/fixConditions';

export const rule = defineComposeRule({
  id: 'compose/services-alphabetical-order',
  meta: {
    severity: 'off',
    description: 'The services of the file are not in alphabetical order.',
    fix: { when: FIX_WHEN.entriesMovable, applied: 'auto' },
    aliases: ['dclint:services-alphabetical-order'],
    messages: {
      misplaced: 'Service "{{service}}" should come before "{{before}}"; sort the services alphabetically.',
    },
    explanation: {
      why: 'A style rule (off unless switched on): in a long file, sorted services are found without searching. Compose itself ignores the order: start-up follows `depends_on`.',
      standard: 'dclint services-alphabetical-order.',
      bad: 'services:\n  web:\n    image: nginx:1.27\n  db:\n    image: postgres:16',
      good: 'services:\n  db:\n    image: postgres:16\n  web:\n    image: nginx:1.27',
    },
  },
  check({ file, report }) {
    for (const document of file.yaml.documents) {
      const services = YamlView.root(document)?.get('services');
      if (!services?.isWrittenHere || !services.isMap) continue;
      const entries = writtenEntries(services).map((entry) => ({ ...entry, name: entry.key ?? '' }));
      const misplaced = entries.flatMap((entry, index) => {
        const later = entries.slice(0, index).filter((earlier) => compareNames(earlier.name, entry.name) > 0);
        const before = later.reduce<string | undefined>(
          (first, earlier) => (first === undefined || compareNames(earlier.name, first) < 0 ? earlier.name : first),
          undefined,
        );
        return before === undefined || entry.isMerge ? [] : [{ entry, before }];
      });
      if (misplaced.length === 0) continue;
      const fix = reorderEntries(
        services,
        sortedOrder(entries, (a, b) => (a.isMerge || b.isMerge ? Number(b.isMerge) - Number(a.isMerge) : compareNames(a.name, b.name))),
      );
      for (const { entry, before } of misplaced) {
        report({
          messageId: 'misplaced',
          data: { service: entry.name, before },
          range: entry.view?.keyRange ?? services.range,
          fixes: fix ? [{ title: 'Sort the services alphabetically', edits: [fix] }] : [],
        });
      }
    }
  },
});
