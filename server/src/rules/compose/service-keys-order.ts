import { defineComposeRule } from '../../engine/ruleTypes';
import { isIdentity, reorderEntries, sortedOrder, type WrittenEntry, writtenEntries } from '../../parsing/yamlEntries';
import { servicesHere } from '../support/compose';
import { compareNames } from '../support/order';
import { FIX_WHEN } from '../support/fixConditions';

/**
 * dclint's default groups, in its order; keys in no group come last, alphabetically. dclint lets users change the
 * groups (`groups`, `groupOrder`); rules here have no options yet, so these are fixed.
 */
const GROUPS: readonly (readonly string[])[] = [
  ['image', 'build', 'container_name'],
  ['depends_on'],
  ['volumes', 'volumes_from', 'configs', 'secrets'],
  ['environment', 'env_file'],
  ['ports', 'networks', 'network_mode', 'extra_hosts'],
  ['command', 'entrypoint', 'working_dir', 'restart', 'healthcheck'],
  ['logging', 'labels'],
  ['user', 'isolation'],
];
const RANK = new Map(GROUPS.flat().map((key, index) => [key, index]));
const UNGROUPED = RANK.size;

/** A `<<` merge key stays first (the fix is refused when it is elsewhere). */
function compareKeys(a: WrittenEntry, b: WrittenEntry): number {
  if (a.isMerge || b.isMerge) return a.isMerge === b.isMerge ? 0 : a.isMerge ? -1 : 1;
  const keyA = a.key ?? '';
  const keyB = b.key ?? '';
  return (RANK.get(keyA) ?? UNGROUPED) - (RANK.get(keyB) ?? UNGROUPED) || (RANK.has(keyA) ? 0 : compareNames(keyA, keyB));
}

export const rule = defineComposeRule({
  id: 'compose/service-keys-order',
  meta: {
    severity: 'off',
    description:
      'The keys of a service are not in the conventional order: image and build, dependencies, data, environment, networking, runtime, metadata, security, then the rest alphabetically.',
    fix: { when: FIX_WHEN.entriesMovable, applied: 'auto' },
    aliases: ['dclint:service-keys-order'],
    messages: {
      outOfOrder: 'Key "{{key}}" of service "{{service}}" is out of order; order its keys as {{expected}}.',
    },
    explanation: {
      why: "A style rule (off unless switched on): services that list their keys in one order are read and reviewed faster. The groups are dclint's: image, build, container_name; depends_on; volumes, volumes_from, configs, secrets; environment, env_file; ports, networks, network_mode, extra_hosts; command, entrypoint, working_dir, restart, healthcheck; logging, labels; user, isolation; then every other key alphabetically. dclint's `groups` and `groupOrder` options are not supported: the groups are fixed.",
      standard: 'dclint service-keys-order.',
      bad: 'services:\n  web:\n    ports:\n      - "127.0.0.1:8080:80"\n    image: nginx:1.27',
      good: 'services:\n  web:\n    image: nginx:1.27\n    ports:\n      - "127.0.0.1:8080:80"',
    },
  },
  check(context) {
    for (const { definition } of servicesHere(context)) {
      const service = definition.view;
      if (!service?.isWrittenHere) continue;
      const entries = writtenEntries(service).filter((entry) => entry.key !== undefined);
      const keys = entries.filter((entry) => !entry.isMerge);
      const misplaced = keys.filter((entry, index) => index > 0 && compareKeys(entry, keys[index - 1]!) < 0);
      if (misplaced.length === 0) continue;
      const all = writtenEntries(service);
      const order = sortedOrder(all, compareKeys);
      const fix = !isIdentity(order) && all.length === entries.length ? reorderEntries(service, order) : undefined;
      const expected = order.flatMap((index) => (all[index]!.isMerge ? [] : [all[index]!.key!])).join(', ');
      for (const entry of misplaced) {
        context.report({
          messageId: 'outOfOrder',
          data: { key: entry.key!, service: definition.name, expected },
          range: entry.view?.keyRange ?? definition.nameRange,
          fixes: fix ? [{ title: `Order the keys of service "${definition.name}"`, edits: [fix] }] : [],
        });
      }
    }
  },
});
