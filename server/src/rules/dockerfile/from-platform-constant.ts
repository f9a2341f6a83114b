import { defineDockerfileRule } from '../../engine/ruleTypes';
import { hasVariable } from '../../parsing/imageReference';

export const rule = defineDockerfileRule({
  id: 'dockerfile/from-platform-constant',
  meta: {
    severity: 'warning',
    description: 'FROM --platform pins a constant platform, so the image cannot be built for other platforms.',
    aliases: ['hadolint:DL3029', 'buildkit:FromPlatformFlagConstDisallowed'],
    messages: {
      constant:
        'FROM --platform={{platform}} fixes the platform, so building for any other platform still gets a {{platform}} image; remove the flag, or use $BUILDPLATFORM / $TARGETPLATFORM.',
    },
    explanation: {
      why: "A constant `--platform` makes a multi-platform build produce that one platform's image under every architecture.",
      standard: 'BuildKit build check FromPlatformFlagConstDisallowed; hadolint DL3029.',
      bad: 'FROM --platform=linux/amd64 node:22',
      good: 'FROM --platform=$BUILDPLATFORM node:22 AS build',
    },
  },
  check({ file, report }) {
    for (const stage of file.dockerfile.stages) {
      const flag = stage.from.getPlatformFlag();
      const platform = flag?.getValue();
      if (!flag || !platform || hasVariable(platform)) continue;
      // Like BuildKit: a stage named after its platform (`build-arm64`) is a deliberate per-platform stage.
      const [os, architecture] = platform.toLowerCase().split('/');
      if (stage.name && [os, architecture].some((part) => part && stage.name!.includes(part))) continue;
      report({ messageId: 'constant', data: { platform }, range: flag.getRange() });
    }
  },
});
