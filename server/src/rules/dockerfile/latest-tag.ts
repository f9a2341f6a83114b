import { defineDockerfileRule } from '../../engine/ruleTypes';
import { pinnableTags, tagFixes } from '../support/imageTags';
import { FIX_WHEN } from '../support/fixConditions';

export const rule = defineDockerfileRule({
  id: 'dockerfile/latest-tag',
  meta: {
    severity: 'warning',
    description: 'A FROM uses the mutable `latest` tag, so the build changes whenever the image is republished.',
    fix: { when: FIX_WHEN.knownTagInPlace, applied: 'editor-only' },
    aliases: ['hadolint:DL3007', 'checkov:CKV_DOCKER_7'],
    messages: {
      latest: 'FROM {{image}} uses the mutable "latest" tag; pin a concrete version tag (or a digest) so builds are reproducible.',
    },
    explanation: {
      why: '`latest` is just the tag pushed most recently, so builds are not reproducible and a scan result or rollback refers to an image that may no longer be the one pulled.',
      standard: 'Container standard "image scanning"; hadolint DL3007; checkov CKV_DOCKER_7.',
      bad: 'FROM node:latest',
      good: 'FROM node:24',
    },
  },
  check({ file, report }) {
    for (const stage of file.dockerfile.stages) {
      const image = stage.image;
      if (image?.tag !== 'latest' || image.digest) continue;
      // When the tag came from an ARG default, the FROM line has no tag text of its own to point at (nor to fix).
      const range = stage.from.getImageTag() === 'latest' ? stage.from.getImageTagRange() : stage.from.getImageRange();
      const fixes = tagFixes(stage.from, image, pinnableTags(image), (reference) => `Pin ${reference}`);
      if (range) report({ messageId: 'latest', data: { image: image.text }, range, fixes });
    }
  },
});
