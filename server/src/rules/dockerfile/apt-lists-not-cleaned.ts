import { defineDockerfileRule, type Fix } from '../../engine/ruleTypes';
import type { DockerfileFile } from '../../parsing/containerFile';
import { runInstructions, type RunCommand, type RunInstruction } from '../../parsing/dockerfileRun';
import { stageChain } from '../support/dockerfile';
import { APT_SYNTAX, callRange, callsIn, hasSubcommand, mountTargets, type ToolCall } from '../support/packageManagers';
import { appendAfterCommand, removesFolder } from '../support/shellCommands';
import { FIX_WHEN } from '../support/fixConditions';
import { layersShip } from '../support/shippedLayers';

const APT_PROGRAMS = ['apt-get', 'apt'];
/** Mount targets that keep the lists out of the layer. */
const LIST_FOLDERS = ['/var/lib/apt/lists', '/var/lib/apt'];
/** Subcommands that read the lists, so a later RUN using them needs the lists this RUN downloaded. */
const READS_LISTS = ['install', 'upgrade', 'dist-upgrade', 'full-upgrade', 'build-dep', 'source', 'download', 'reinstall', 'satisfy'];
const CLEANUP = 'rm -rf /var/lib/apt/lists/*';

export const rule = defineDockerfileRule({
  id: 'dockerfile/apt-lists-not-cleaned',
  meta: {
    severity: 'info',
    description: 'A RUN runs `apt-get update` but leaves the downloaded package lists in the image layer.',
    fix: { when: FIX_WHEN.commandCanBeFollowed, applied: { autoWhen: 'when no later RUN reads the lists without its own `apt-get update`' } },
    aliases: ['hadolint:DL3009'],
    messages: {
      lists:
        '`{{command}}` downloads package lists that stay in this layer (tens of MB); end the same RUN with `rm -rf /var/lib/apt/lists/*`, or use a cache mount on /var/lib/apt/lists.',
    },
    explanation: {
      why: '`apt-get update` downloads package lists (tens of MB) into /var/lib/apt/lists; unless the same RUN removes them they stay in the layer, and removing them in a later RUN does not make the image smaller.',
      standard: 'Container standard "minimal images"; Docker build best practices (apt-get); hadolint DL3009.',
      bad: 'RUN apt-get update && apt-get install -y curl',
      good: 'RUN apt-get update && apt-get install -y curl \\\n    && rm -rf /var/lib/apt/lists/*',
    },
  },
  check({ file, report }) {
    // Found once, when the first fix is asked for, and shared by all of them.
    let readers: RunInstruction[] | undefined;
    const listReaders = () => (readers ??= runsReadingListsFirst(file));
    for (const run of runInstructions(file)) {
      // An ONBUILD trigger always runs in an image that is kept: the one built FROM this one.
      if (!layersShip(file, run)) continue;
      if ([...mountTargets(run, 'cache'), ...mountTargets(run, 'tmpfs')].some((target) => LIST_FOLDERS.includes(target))) continue;
      const apt = callsIn(run, APT_PROGRAMS, APT_SYNTAX);
      const lastUpdate = apt.filter((call) => hasSubcommand(call, 'update')).at(-1);
      if (!lastUpdate) continue;
      const cleaned = run.commands.slice(run.commands.indexOf(lastUpdate.command) + 1).some((command) => removesLists(command, apt));
      if (cleaned) continue;
      report({
        messageId: 'lists',
        data: { command: `${lastUpdate.command.program} update` },
        range: callRange(lastUpdate),
        // Built when asked for: whether the fix is safe depends on every later RUN.
        fixes: () => cleanupFix(file, run, apt.at(-1)!, listReaders()),
      });
    }
  },
});

/** `rm -rf /var/lib/apt/lists/*` (any spelling of the folder, or a parent), or apt's own `distclean`. */
function removesLists(command: RunCommand, apt: readonly ToolCall[]): boolean {
  if (removesFolder(command, ['/var/lib/apt/lists'])) return true;
  const call = apt.find((candidate) => candidate.command === command);
  return call !== undefined && hasSubcommand(call, 'distclean', 'dist-clean');
}

/** Appends the cleanup right after the RUN's last apt command, wherever the shell sees it as written. */
function cleanupFix(file: DockerfileFile, run: RunInstruction, last: ToolCall, listReaders: readonly RunInstruction[]): Fix[] {
  const edit = appendAfterCommand(file, run, last.command, CLEANUP);
  if (!edit) return [];
  // Removing the lists breaks a later RUN that installs without its own `apt-get update`.
  const line = run.instruction.getRange().start.line;
  const breaksLater = listReaders.some((later) => later.onbuild === run.onbuild && later.instruction.getRange().start.line > line && inheritsFrom(later, run));
  return [{ title: `Append && ${CLEANUP}`, edits: [edit], ...(breaksLater ? { unsafe: true } : {}) }];
}

/** Whether a RUN sees the files of another: same stage, or a stage built on it (`FROM base`). */
function inheritsFrom(later: RunInstruction, run: RunInstruction): boolean {
  return stageChain(later.stage).includes(run.stage);
}

/** RUNs whose apt commands read the package lists before any `apt-get update` of their own. */
function runsReadingListsFirst(file: DockerfileFile): RunInstruction[] {
  return runInstructions(file).filter((run) => {
    const firstUse = callsIn(run, APT_PROGRAMS, APT_SYNTAX).find((call) => hasSubcommand(call, 'update', ...READS_LISTS));
    return firstUse !== undefined && !hasSubcommand(firstUse, 'update');
  });
}
