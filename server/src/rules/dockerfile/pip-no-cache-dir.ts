import { defineDockerfileRule } from '../../engine/ruleTypes';
import { envValueAt } from '../support/dockerfile';
import { callRange, insertOptionAfter, mountTargets, pipInstallCalls, withoutTrailingSlash, type ToolCall } from '../support/packageManagers';
import { FIX_WHEN } from '../support/fixConditions';
import { layersShip } from '../support/shippedLayers';

/** The values hadolint takes as "on" for PIP_NO_CACHE_DIR. */
const TRUTHY = /^(1|true|on|yes)$/i;
/** The shortest prefix of `--no-cache-dir` that no other pip option shares (`--no-c` could be `--no-color`). */
const SHORTEST_NO_CACHE_DIR = '--no-ca';

export const rule = defineDockerfileRule({
  id: 'dockerfile/pip-no-cache-dir',
  meta: {
    severity: 'warning',
    description: '`pip install` without `--no-cache-dir` keeps the downloaded packages in the image layer.',
    fix: { when: FIX_WHEN.commandWrittenPlainly, applied: 'auto' },
    aliases: ['hadolint:DL3042'],
    messages: {
      cacheDir:
        '`pip install` keeps its download cache (~/.cache/pip) in the layer; add `--no-cache-dir`, set `ENV PIP_NO_CACHE_DIR=1`, or use a cache mount on /root/.cache/pip.',
    },
    explanation: {
      why: 'pip keeps every package it downloads in ~/.cache/pip; in an image that cache is never used again, but it ships in the layer.',
      standard: 'Container standard "minimal images"; hadolint DL3042.',
      bad: 'RUN pip install -r requirements.txt',
      good: 'RUN pip install --no-cache-dir -r requirements.txt',
    },
  },
  check({ file, report }) {
    for (const call of pipInstallCalls(file)) {
      if (!layersShip(file, call.run)) continue;
      if (
        call.options.some((option) => isNoCacheDir(option.name)) ||
        call.command.assignments.some(({ name, value }) => name === 'PIP_NO_CACHE_DIR' && TRUTHY.test(value ?? ''))
      )
        continue;
      if (TRUTHY.test(envValueAt(file, call.run, 'PIP_NO_CACHE_DIR') ?? '') || cachesInMount(call, envValueAt(file, call.run, 'PIP_CACHE_DIR'))) continue;
      report({
        messageId: 'cacheDir',
        range: callRange(call),
        fixes: insertOptionAfter(file, call, call.operands[0]!, '--no-cache-dir', 'Add --no-cache-dir'),
      });
    }
  },
});

/** pip, like optparse, accepts any unambiguous prefix of a long option, so `--no-cache` is `--no-cache-dir`. */
function isNoCacheDir(name: string): boolean {
  return name.length >= SHORTEST_NO_CACHE_DIR.length && '--no-cache-dir'.startsWith(name);
}

/** A cache mount on the pip cache (any user's ~/.cache or ~/.cache/pip, or PIP_CACHE_DIR) keeps it out of the layer. */
function cachesInMount(call: ToolCall, pipCacheDir: string | undefined): boolean {
  const cacheDir = call.options.find((option) => option.name === '--cache-dir')?.value ?? pipCacheDir;
  return mountTargets(call.run, 'cache').some(
    (target) => target.endsWith('/.cache') || target.endsWith('/.cache/pip') || (cacheDir !== undefined && target === withoutTrailingSlash(cacheDir)),
  );
}
