import { defineDockerfileRule } from '../../engine/ruleTypes';
import { APK_SYNTAX, callRange, callsOf, hasOptionNamed, hasSubcommand, insertOptionAfter, mountTargets } from '../support/packageManagers';
import { FIX_WHEN } from '../support/fixConditions';
import { layersShip } from '../support/shippedLayers';

/** Where apk keeps its index and packages; a cache mount there keeps them out of the layer. */
const APK_CACHE_FOLDERS = ['/var/cache/apk', '/etc/apk/cache'];

export const rule = defineDockerfileRule({
  id: 'dockerfile/apk-no-cache',
  meta: {
    severity: 'info',
    description: '`apk add` without `--no-cache` leaves the package index in the image layer.',
    fix: { when: FIX_WHEN.commandWrittenPlainly, applied: 'auto' },
    aliases: ['hadolint:DL3019'],
    messages: {
      noCache:
        '`apk add` stores the package index in /var/cache/apk, which stays in the layer; add `--no-cache` (no `apk update` or cache removal needed then), or use a cache mount on /var/cache/apk.',
    },
    explanation: {
      why: '`apk add` keeps the package index it downloads in /var/cache/apk, and those megabytes stay in the layer; `--no-cache` fetches the index for this one command and leaves nothing behind.',
      standard: 'Container standard "minimal images"; hadolint DL3019.',
      bad: 'RUN apk add curl',
      good: 'RUN apk add --no-cache curl',
    },
  },
  check({ file, report }) {
    for (const call of callsOf(file, ['apk'], APK_SYNTAX)) {
      // `--no-network` installs from what is already cached, so it downloads no index of its own.
      if (!hasSubcommand(call, 'add') || hasOptionNamed(call, '--no-cache', '--no-network') || !layersShip(file, call.run)) continue;
      if (mountTargets(call.run, 'cache').some((target) => APK_CACHE_FOLDERS.includes(target))) continue;
      report({ messageId: 'noCache', range: callRange(call), fixes: insertOptionAfter(file, call, call.operands[0]!, '--no-cache', 'Add --no-cache') });
    }
  },
});
