import { defineDockerfileRule } from '../../engine/ruleTypes';
import type { DockerfileStage } from '../../parsing/dockerfile';
import { copiesAndAdds, copyArguments, copyFromReferences, type CopySource, flagNamed } from '../support/copyAndAdd';
import { isDevContainer } from '../support/devContainer';
import { isFilesOnlyStage, rootStage } from '../support/dockerfile';
import { layersShip } from '../support/shippedLayers';

/** Images made to be copied whole: tonistiigi/xx, the cross-compilation helpers (`COPY --from=xx / /`). */
const COPY_WHOLE_IMAGES = new Set(['tonistiigi/xx']);

export const rule = defineDockerfileRule({
  id: 'dockerfile/copy-whole-filesystem',
  meta: {
    severity: 'warning',
    description: 'COPY --from copies the whole filesystem of another stage or image (`/` to `/`) into a stage that ships.',
    aliases: ['hadolint:DL3067'],
    messages: {
      wholeFilesystem: 'COPY --from={{from}} / / copies an entire filesystem, including everything the build left behind; copy only the files the image needs.',
    },
    explanation: {
      why: "Copying `/` of another stage or image brings everything along, caches and build tools included, and hides what the image actually needs. Not reported: a copy into a stage that does not ship (only later stages' COPY --from reads it); a copy of a stage that only gathers files (built on scratch, no program), which holds just what was put there on purpose; a copy of an image made to be copied whole (tonistiigi/xx). In a dev container stage it is info: what it holds is the developer's choice.",
      standard: 'Container standard "minimal images"; hadolint DL3067.',
      bad: 'FROM debian:bookworm AS build\nRUN apt-get update && apt-get install -y --no-install-recommends build-essential\nFROM scratch\nCOPY --from=build / /',
      good: 'FROM scratch\nCOPY --from=build /out/app /app',
    },
  },
  check({ file, report }) {
    const sources = new Map(copyFromReferences(file.dockerfile).map((reference) => [reference.instruction, reference.source]));
    for (const { instruction, stage, onbuild } of copiesAndAdds(file.dockerfile, { onbuild: true })) {
      const from = flagNamed(instruction, 'from');
      if (instruction.getKeyword() !== 'COPY' || !from || !layersShip(file, { stage, onbuild })) continue;
      const { sources: copied, destination } = copyArguments(file, instruction);
      if (destination?.value !== '/' || !copied.some((source) => source.value === '/')) continue;
      const source = sources.get(instruction);
      if (source && madeToCopyWhole(source)) continue;
      report({
        messageId: 'wholeFilesystem',
        data: { from: from.getValue() ?? '' },
        range: instruction.getRange(),
        ...(isDevContainer(file, stage) ? { severity: 'info' as const } : {}),
      });
    }
  },
});

function madeToCopyWhole(source: CopySource): boolean {
  if (source.kind === 'image') return COPY_WHOLE_IMAGES.has(source.image.repository);
  if (source.kind !== 'stage') return false;
  return isFilesOnlyStage(source.stage) || isCopyWholeImage(rootStage(source.stage));
}

function isCopyWholeImage(stage: DockerfileStage): boolean {
  return stage.image !== undefined && COPY_WHOLE_IMAGES.has(stage.image.repository);
}
