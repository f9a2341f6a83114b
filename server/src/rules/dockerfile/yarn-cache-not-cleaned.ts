import { defineDockerfileRule } from '../../engine/ruleTypes';
import type { DockerfileFile } from '../../parsing/containerFile';
import { envValueAt } from '../support/dockerfile';
import {
  callRange,
  callsIn,
  hasOptionNamed,
  hasSubcommand,
  mountTargets,
  withoutTrailingSlash,
  type OptionSyntax,
  type ToolCall,
} from '../support/packageManagers';
import { runInstructions, type RunInstruction } from '../../parsing/dockerfileRun';
import { layersShip } from '../support/shippedLayers';

const YARN_SYNTAX: OptionSyntax = {
  long: [
    '--cwd',
    '--cache-folder',
    '--modules-folder',
    '--network-timeout',
    '--mutex',
    '--registry',
    '--global-folder',
    '--link-folder',
    '--preferred-cache-folder',
    '--use-yarnrc',
    '--network-concurrency',
    '--child-concurrency',
  ],
};
/** Yarn's cache folders: v1 (`~/.cache/yarn`, `/usr/local/share/.cache/yarn` for root) and Berry's global cache. */
const CACHE_FOLDER = /\/\.cache(\/yarn)?$|\/\.yarn\/(berry\/)?cache$|\/\.yarn\/berry$/;

export const rule = defineDockerfileRule({
  id: 'dockerfile/yarn-cache-not-cleaned',
  meta: {
    severity: 'info',
    description: 'A RUN installs with yarn but does not run `yarn cache clean`, so the package cache stays in the image layer.',
    aliases: ['hadolint:DL3060'],
    messages: {
      cache:
        'Yarn keeps every downloaded package in its cache, which stays in this layer; end the same RUN with `yarn cache clean`, or use a cache mount on the yarn cache folder.',
    },
    explanation: {
      why: 'Yarn keeps a copy of every package it downloads in its cache, so unless the same RUN cleans it (or the cache is a cache mount) the layer holds the dependencies twice.',
      standard: 'Container standard "minimal images"; hadolint DL3060.',
      bad: 'RUN yarn install --frozen-lockfile',
      good: 'RUN yarn install --frozen-lockfile && yarn cache clean',
    },
  },
  check({ file, report }) {
    for (const run of runInstructions(file).filter((candidate) => layersShip(file, candidate))) {
      const yarn = callsIn(run, ['yarn'], YARN_SYNTAX);
      const lastInstall = yarn.filter(installs).at(-1);
      if (!lastInstall || cacheMounted(file, run, lastInstall)) continue;
      // callsIn keeps the order of the commands, so the calls after the install are the rest of the list.
      const cleaned = yarn.slice(yarn.indexOf(lastInstall) + 1).some((call) => hasSubcommand(call, 'cache') && call.operands[1]?.value === 'clean');
      if (!cleaned) report({ messageId: 'cache', range: callRange(lastInstall) });
    }
  },
});

/** `yarn install`, `yarn add`, `yarn global add`, and plain `yarn` (which installs), but not `yarn --version`. */
function installs(call: ToolCall): boolean {
  if (call.operands.length === 0) return !hasOptionNamed(call, '--version', '-v', '--help', '-h');
  return hasSubcommand(call, 'install', 'add') || (hasSubcommand(call, 'global') && call.operands[1]?.value === 'add');
}

function cacheMounted(file: DockerfileFile, run: RunInstruction, call: ToolCall): boolean {
  const targets = mountTargets(run, 'cache');
  if (targets.length === 0) return false;
  const configured = call.options.find((option) => option.name === '--cache-folder')?.value ?? envValueAt(file, run, 'YARN_CACHE_FOLDER');
  return targets.some((target) => CACHE_FOLDER.test(target) || (configured !== undefined && target === withoutTrailingSlash(configured)));
}
