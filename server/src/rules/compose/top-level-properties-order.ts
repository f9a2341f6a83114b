import { defineComposeRule } from '../../engine/ruleTypes';
import { reorderEntries, sortedOrder, type WrittenEntry, writtenEntries } from '../../parsing/yamlEntries';
import { YamlView } from '../../parsing/yamlView';
import { compareNames } from '../support/order';
import { FIX_WHEN } from '../support/fixConditions';

/** dclint's order, after the `x-` extensions (sorted among themselves); other keys (`models`…) go last. */
const ORDER = ['version', 'name', 'include', 'services', 'networks', 'volumes', 'secrets', 'configs'];

function rank(key: string): number {
  if (key.startsWith('x-')) return -1;
  const index = ORDER.indexOf(key);
  return index < 0 ? ORDER.length : index;
}

function compareKeys(a: WrittenEntry, b: WrittenEntry): number {
  const keyA = a.key ?? '';
  const keyB = b.key ?? '';
  return rank(keyA) - rank(keyB) || (rank(keyA) < 0 ? compareNames(keyA, keyB) : 0);
}

export const rule = defineComposeRule({
  id: 'compose/top-level-properties-order',
  meta: {
    severity: 'off',
    description:
      'The top-level keys are not in the conventional order: `x-` extensions, version, name, include, services, networks, volumes, secrets, configs.',
    fix: { when: FIX_WHEN.entriesMovable, applied: 'auto' },
    aliases: ['dclint:top-level-properties-order'],
    messages: {
      outOfOrder: 'Top-level "{{key}}" is out of order; order the top-level keys as {{expected}}.',
    },
    explanation: {
      why: "A style rule (off unless switched on): files that share one layout are read faster — the shared `x-` fragments first, then the project, its services, and the resources they use. Keys the order does not name (`models`) go last. dclint's `customOrder` option is not supported.",
      standard: 'dclint top-level-properties-order.',
      bad: 'services:\n  web:\n    image: nginx:1.27\nname: shop',
      good: 'name: shop\nservices:\n  web:\n    image: nginx:1.27',
    },
  },
  check({ file, report }) {
    for (const document of file.yaml.documents) {
      const root = YamlView.root(document);
      if (!root?.isMap) continue;
      const entries = writtenEntries(root);
      let highest: WrittenEntry | undefined;
      const misplaced: WrittenEntry[] = [];
      for (const entry of entries) {
        if (entry.key === undefined) continue;
        if (highest && compareKeys(entry, highest) < 0) misplaced.push(entry);
        else highest = entry;
      }
      if (misplaced.length === 0) continue;
      const order = sortedOrder(entries, compareKeys);
      const fix = entries.every((entry) => entry.key !== undefined && !entry.isMerge) ? reorderEntries(root, order) : undefined;
      const expected = order.map((index) => entries[index]!.key ?? '?').join(', ');
      for (const entry of misplaced) {
        report({
          messageId: 'outOfOrder',
          data: { key: entry.key!, expected },
          range: entry.view?.keyRange ?? root.range,
          fixes: fix ? [{ title: 'Order the top-level keys', edits: [fix] }] : [],
        });
      }
    }
  },
});
