import type { JSONInstruction } from 'dockerfile-ast';
import { defineDockerfileRule } from '../../engine/ruleTypes';
import type { DockerfileFile } from '../../parsing/containerFile';
import { runInstructions, type RunInstruction } from '../../parsing/dockerfileRun';
import { layersShip } from '../support/shippedLayers';

/** Like hadolint: a RUN of more than two commands was most likely split from its neighbour on purpose. */
const MOST_COMMANDS_TO_MERGE = 2;

export const rule = defineDockerfileRule({
  id: 'dockerfile/consecutive-run',
  meta: {
    severity: 'info',
    description: 'Two short RUN instructions follow each other and could be one, saving a layer.',
    aliases: ['hadolint:DL3059'],
    messages: {
      consecutive: 'This RUN directly follows another short RUN, and each one adds a layer; consider merging them into one RUN with `&&`.',
    },
    explanation: {
      why: 'Each RUN adds a layer and is cached on its own: with `apt-get update` in a RUN of its own, a changed install line reuses stale package lists. Short commands that belong together are better as one RUN.',
      standard: 'Docker build best practices (apt-get: update and install in the same RUN); hadolint DL3059.',
      bad: 'RUN apt-get update\nRUN apt-get install -y curl',
      good: 'RUN apt-get update && apt-get install -y curl',
    },
  },
  check({ file, report }) {
    const runs = new Map(
      runInstructions(file)
        .filter((run) => !run.onbuild)
        .map((run) => [run.instruction, run]),
    );
    // A builder stage's layers do not ship: splitting its RUNs costs nothing and may cache better.
    for (const stage of file.dockerfile.stages.filter((candidate) => layersShip(file, { stage: candidate }))) {
      let previous: RunInstruction | undefined;
      // Comments are not instructions, so they do not separate two RUNs; any instruction does.
      for (const instruction of stage.instructions) {
        const run = runs.get(instruction);
        if (run && previous && isWorthMerging(file, previous, run)) report({ messageId: 'consecutive', range: instruction.getInstructionRange() });
        previous = run;
      }
    }
  },
});

/**
 * Mounts are per RUN (a cache or secret for one step), and other flags (`--network`, `--security`) must agree, so
 * such RUNs are left alone, as are RUNs with more than two commands.
 */
function isWorthMerging(file: DockerfileFile, first: RunInstruction, second: RunInstruction): boolean {
  if ([first, second].some((run) => run.commands.length > MOST_COMMANDS_TO_MERGE || run.mounts.length > 0)) return false;
  return flagsOf(file, first) === flagsOf(file, second);
}

function flagsOf(file: DockerfileFile, run: RunInstruction): string {
  return (run.instruction as JSONInstruction)
    .getFlags()
    .map((flag) => file.document.getText(flag.getRange()))
    .join(' ');
}
