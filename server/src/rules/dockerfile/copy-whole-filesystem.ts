import { defineDockerfileRule } from '../../engine/ruleTypes';
import { copiesAndAdds, copyArguments, flagNamed } from '../support/copyAndAdd';

export const rule = defineDockerfileRule({
  id: 'dockerfile/copy-whole-filesystem',
  meta: {
    severity: 'warning',
    description: 'COPY --from copies the whole filesystem of another stage or image (`/` to `/`).',
    aliases: ['hadolint:DL3067'],
    messages: {
      wholeFilesystem: 'COPY --from={{from}} / / copies an entire filesystem, including everything the build left behind; copy only the files the image needs.',
    },
    explanation: {
      why: 'Copying `/` of another stage or image brings everything along, caches and build tools included, and hides what the image actually needs.',
      standard: 'Container standard "minimal images"; hadolint DL3067.',
      bad: 'FROM scratch\nCOPY --from=build / /',
      good: 'FROM scratch\nCOPY --from=build /out/app /app',
    },
  },
  check({ file, report }) {
    for (const { instruction } of copiesAndAdds(file.dockerfile, { onbuild: true })) {
      const from = flagNamed(instruction, 'from')?.getValue();
      if (instruction.getKeyword() !== 'COPY' || !from) continue;
      const { sources, destination } = copyArguments(file, instruction);
      if (destination?.value === '/' && sources.some((source) => source.value === '/')) {
        report({ messageId: 'wholeFilesystem', data: { from }, range: instruction.getRange() });
      }
    }
  },
});
