import { defineDockerfileRule, type Fix } from '../../engine/ruleTypes';
import type { DockerfileFile } from '../../parsing/containerFile';
import { runInstructions, type RunInstruction } from '../../parsing/dockerfileRun';
import {
  APK_SYNTAX,
  callRange,
  callsIn,
  hasOptionNamed,
  hasSubcommand,
  insertOptionAfter,
  mountTargets,
  removeCommandEdit,
  type ToolCall,
} from '../support/packageManagers';
import { FIX_WHEN } from '../support/fixConditions';
import { layersShip } from '../support/shippedLayers';

/** Where apk keeps its index and packages; a cache mount there keeps them out of the layer. */
const APK_CACHE_FOLDERS = ['/var/cache/apk', '/etc/apk/cache'];
/** `rm -rf /var/cache/apk/*` (or the folder itself) later in the RUN leaves nothing in the layer either. */
const APK_CACHE_REMOVAL = /^\/var\/cache\/apk(\/\*?)?$/;

export const rule = defineDockerfileRule({
  id: 'dockerfile/apk-no-cache',
  meta: {
    severity: 'info',
    description: '`apk add` without `--no-cache`, or an `apk update` that `apk add --no-cache` does not need, leaves the package index in the image layer.',
    fix: { when: FIX_WHEN.commandWrittenPlainly, applied: 'auto' },
    aliases: ['hadolint:DL3019'],
    messages: {
      noCache:
        '`apk add` stores the package index in /var/cache/apk, which stays in the layer; add `--no-cache` (no `apk update` or cache removal needed then), or use a cache mount on /var/cache/apk.',
      updateNotNeeded:
        '`apk update` stores the package index in /var/cache/apk, which stays in the layer, and `apk add --no-cache` fetches a fresh index itself; remove `apk update`.',
    },
    explanation: {
      why: '`apk add` keeps the package index it downloads in /var/cache/apk, and those megabytes stay in the layer; `--no-cache` fetches the index for this one command and leaves nothing behind, so an `apk update` before it only adds the index back. A RUN that removes /var/cache/apk afterwards, or mounts a cache there, leaves nothing either.',
      standard: 'Container standard "minimal images"; hadolint DL3019.',
      bad: 'RUN apk update && apk add curl',
      good: 'RUN apk add --no-cache curl',
    },
  },
  check({ file, report }) {
    for (const run of runsWithApk(file)) {
      if (mountTargets(run, 'cache').some((target) => APK_CACHE_FOLDERS.includes(target))) continue;
      const calls = callsIn(run, ['apk'], APK_SYNTAX);
      const update = calls.find((call) => hasSubcommand(call, 'update'));
      let updateRemoved = false;
      for (const call of calls) {
        // `--no-network` installs from what is already cached, so it downloads no index of its own.
        if (!hasSubcommand(call, 'add') || hasOptionNamed(call, '--no-cache', '--no-network') || cacheRemovedAfter(run, call)) continue;
        // The first add after an `apk update` takes it away too: with --no-cache nothing needs its index.
        const withUpdate: ToolCall | undefined = update && !updateRemoved && isBefore(update, call) ? update : undefined;
        updateRemoved ||= withUpdate !== undefined;
        report({ messageId: 'noCache', range: callRange(call), fixes: addNoCache(file, call, withUpdate) });
      }
      if (update && !updateRemoved && !cacheRemovedAfter(run, update) && onlyNoCacheAddsAfter(calls, update)) {
        const edit = removeCommandEdit(file, run, update.command);
        report({ messageId: 'updateNotNeeded', range: callRange(update), fixes: edit ? [{ title: 'Remove apk update', edits: [edit] }] : [] });
      }
    }
  },
});

/** The RUNs that call apk, whose layers ship (a builder stage's cache is gone with the stage). */
function runsWithApk(file: DockerfileFile): RunInstruction[] {
  return runInstructions(file).filter((run) => run.commands.some((command) => command.program === 'apk') && layersShip(file, run));
}

function addNoCache(file: DockerfileFile, call: ToolCall, update: ToolCall | undefined): Fix[] {
  const [fix] = insertOptionAfter(file, call, call.operands[0]!, '--no-cache', 'Add --no-cache');
  const removal = update && removeCommandEdit(file, call.run, update.command);
  if (!fix || !removal) return fix ? [fix] : [];
  return [{ title: 'Add --no-cache and remove apk update', edits: [removal, ...fix.edits] }];
}

function isBefore(first: ToolCall, second: ToolCall): boolean {
  return first.run.commands.indexOf(first.command) < second.run.commands.indexOf(second.command);
}

/** After `apk update`, every apk call that reads the index fetches its own (`add`/`upgrade --no-cache`), and there is one. */
function onlyNoCacheAddsAfter(calls: readonly ToolCall[], update: ToolCall): boolean {
  const later = calls.filter((call) => isBefore(update, call) && !hasSubcommand(call, 'del'));
  return later.some((call) => hasSubcommand(call, 'add')) && later.every((call) => hasSubcommand(call, 'add', 'upgrade') && hasOptionNamed(call, '--no-cache'));
}

function cacheRemovedAfter(run: RunInstruction, call: ToolCall): boolean {
  const from = run.commands.indexOf(call.command);
  return run.commands
    .slice(from + 1)
    .some((command) => command.program === 'rm' && command.args.some((arg) => arg !== undefined && APK_CACHE_REMOVAL.test(arg)));
}
