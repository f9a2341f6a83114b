import { defineDockerfileRule } from '../../engine/ruleTypes';
import { copiesAndAdds, copyArguments, isAbsolutePath } from '../support/copyAndAdd';
import { builtOnScratch, instructionsNamed, stageChain } from '../support/dockerfile';
import { stageWeight } from '../support/shippedLayers';

export const rule = defineDockerfileRule({
  id: 'dockerfile/copy-relative-without-workdir',
  meta: {
    severity: 'warning',
    description: 'COPY or ADD has a relative destination while no WORKDIR is set, so where the files land depends on the base image.',
    aliases: ['hadolint:DL3045'],
    messages: {
      noWorkdir:
        "{{instruction}} copies to the relative path {{destination}} but no WORKDIR is set, so the files land wherever the base image's working directory is; set WORKDIR first or use an absolute destination{{stageNote}}.",
    },
    explanation: {
      why: 'A relative destination is resolved against the working directory, which without a WORKDIR is whatever the base image sets, often `/`. In a stage whose layers do not ship it is info. Not reported on scratch, whose working directory is `/` and which holds nothing else.',
      standard: 'hadolint DL3045.',
      bad: 'FROM node:22\nCOPY package.json .',
      good: 'FROM node:22\nWORKDIR /app\nCOPY package.json .',
    },
  },
  check({ file, report }) {
    for (const { instruction, stage } of copiesAndAdds(file.dockerfile, { onbuild: false })) {
      // scratch has no working directory but `/` and nothing else in it: where the files land is plain.
      if (builtOnScratch(stage)) continue;
      const { destination } = copyArguments(file, instruction);
      // A destination starting with a variable usually holds an absolute path.
      if (!destination || isAbsolutePath(destination.value) || destination.value.startsWith('$')) continue;
      const line = instruction.getRange().start.line;
      const workdirSet = stageChain(stage).some((current) => instructionsNamed(current, 'WORKDIR').some((workdir) => workdir.getRange().start.line < line));
      if (workdirSet) continue;
      const { severity, stageNote } = stageWeight(file, { stage });
      report({
        messageId: 'noWorkdir',
        data: { instruction: instruction.getKeyword(), destination: destination.value, stageNote },
        range: destination.range,
        ...(severity ? { severity } : {}),
      });
    }
  },
});
