import { defineDockerfileRule } from '../../engine/ruleTypes';

export const rule = defineDockerfileRule({
  id: 'dockerfile/redundant-target-platform',
  meta: {
    severity: 'warning',
    description: 'FROM --platform=$TARGETPLATFORM repeats what the builder does by default.',
    fix: { applied: 'auto' },
    aliases: ['hadolint:DL3065', 'buildkit:RedundantTargetPlatform'],
    messages: {
      redundant: 'FROM --platform={{platform}} is redundant: stages are built for the target platform by default; remove the flag.',
    },
    explanation: {
      why: 'Stages are built for the target platform by default, so `--platform=$TARGETPLATFORM` only adds noise.',
      standard: 'BuildKit build check RedundantTargetPlatform; hadolint DL3065.',
      bad: 'FROM --platform=$TARGETPLATFORM alpine:3.22',
      good: 'FROM alpine:3.22',
    },
  },
  check({ file, report }) {
    const text = file.document.getText();
    for (const stage of file.dockerfile.stages) {
      const flag = stage.from.getPlatformFlag();
      const platform = flag?.getValue();
      if (!flag || (platform !== '$TARGETPLATFORM' && platform !== '${TARGETPLATFORM}')) continue;
      const range = flag.getRange();
      // The flag goes together with the blanks that separate it from the image.
      const end = file.document.offsetAt(range.end);
      const blanks = /^[ \t]*/.exec(text.slice(end))![0].length;
      report({
        messageId: 'redundant',
        data: { platform },
        range,
        fixes: [{ title: 'Remove --platform', edits: [{ range: { start: range.start, end: file.document.positionAt(end + blanks) }, newText: '' }] }],
      });
    }
  },
});
