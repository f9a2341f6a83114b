import { defineDockerfileRule } from '../../engine/ruleTypes';

export const rule = defineDockerfileRule({
  id: 'dockerfile/latest-tag',
  meta: {
    severity: 'warning',
    description: 'A FROM uses the mutable `latest` tag, so the build changes whenever the image is republished.',
    fixable: false,
    aliases: ['hadolint:DL3007', 'checkov:CKV_DOCKER_7'],
    messages: {
      latest: 'FROM {{image}} uses the mutable "latest" tag; pin a concrete version tag (or a digest) so builds are reproducible.',
    },
  },
  check({ file, report }) {
    for (const stage of file.dockerfile.stages) {
      const image = stage.image;
      if (!image || image.tag !== 'latest' || image.digest) continue;
      // When the tag came from an ARG default, the FROM line has no tag text of its own to point at.
      const range = stage.from.getImageTag() === 'latest' ? stage.from.getImageTagRange() : stage.from.getImageRange();
      if (range) report({ messageId: 'latest', data: { image: image.text }, range });
    }
  },
});
