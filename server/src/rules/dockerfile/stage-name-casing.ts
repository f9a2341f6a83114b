import type { Instruction, JSONInstruction, Onbuild } from 'dockerfile-ast';
import type { Range, TextEdit } from 'vscode-languageserver-types';
import { defineDockerfileRule } from '../../engine/ruleTypes';
import type { DockerfileFile } from '../../parsing/containerFile';
import type { DockerfileStage } from '../../parsing/dockerfile';

export const rule = defineDockerfileRule({
  id: 'dockerfile/stage-name-casing',
  meta: {
    severity: 'warning',
    description: 'A build stage name is not lowercase, though the builder compares stage names case-insensitively.',
    fix: { applied: 'auto' },
    aliases: ['buildkit:StageNameCasing'],
    messages: {
      casing:
        "Stage name '{{name}}' should be lowercase: the builder matches stage names case-insensitively, so write '{{lower}}' here and where the stage is referenced.",
    },
    explanation: {
      why: 'The builder matches stage names case-insensitively, so `Build` and `build` are the same stage; lowercase names avoid references that look different but mean the same.',
      standard: 'BuildKit build check StageNameCasing.',
      bad: 'FROM golang:1.25 AS Build',
      good: 'FROM golang:1.25 AS build',
    },
  },
  check({ file, report }) {
    for (const stage of file.dockerfile.stages) {
      const written = stage.from.getBuildStage();
      const range = stage.from.getBuildStageRange();
      if (!written || !range || written === written.toLowerCase()) continue;
      const lower = written.toLowerCase();
      const edits = [range, ...referencesTo(file, stage)].map((reference): TextEdit => ({ range: reference, newText: lower }));
      report({ messageId: 'casing', data: { name: written, lower }, range, fixes: [{ title: `Rename stage to '${lower}'`, edits }] });
    }
  },
});

/**
 * Where later instructions name the stage: `FROM <stage>`, `COPY --from=<stage>`, `RUN --mount=from=<stage>`, in
 * ONBUILD triggers too, up to the next stage that takes the same name.
 */
function referencesTo(file: DockerfileFile, stage: DockerfileStage): Range[] {
  const name = stage.name!;
  const later = file.dockerfile.stages.filter((candidate) => candidate.index > stage.index);
  const redefinition = later.find((candidate) => candidate.name === name)?.index ?? Infinity;
  const references: Range[] = [];
  for (const candidate of later) {
    if (candidate.index > redefinition) break;
    const image = candidate.from.getImage();
    const imageRange = candidate.from.getImageRange();
    if (image?.toLowerCase() === name && imageRange && image !== name) references.push(imageRange);
    if (candidate.index === redefinition) break;
    for (const instruction of candidate.instructions.slice(1)) references.push(...flagReferences(triggerOf(instruction), name));
  }
  return references;
}

function triggerOf(instruction: Instruction): Instruction {
  return instruction.getKeyword() === 'ONBUILD' ? ((instruction as Onbuild).getTriggerInstruction() ?? instruction) : instruction;
}

function flagReferences(instruction: Instruction, name: string): Range[] {
  const keyword = instruction.getKeyword();
  if (keyword !== 'COPY' && keyword !== 'ADD' && keyword !== 'RUN') return [];
  const references: Range[] = [];
  for (const flag of (instruction as JSONInstruction).getFlags()) {
    const value = flag.getValue();
    const valueRange = flag.getValueRange();
    if (flag.getName() === 'from' && value?.toLowerCase() === name && value !== name && valueRange) references.push(valueRange);
    if (flag.getName() !== 'mount') continue;
    for (const option of flag.getOptions()) {
      const optionValue = option.getValue();
      const optionRange = option.getValueRange();
      if (option.getName() === 'from' && optionValue?.toLowerCase() === name && optionValue !== name && optionRange) references.push(optionRange);
    }
  }
  return references;
}
