import { defineDockerfileRule } from '../../engine/ruleTypes';
import { pinnableTags, tagFixes } from '../support/imageTags';
import { FIX_WHEN } from '../support/fixConditions';

export const rule = defineDockerfileRule({
  id: 'dockerfile/untagged-image',
  meta: {
    severity: 'warning',
    description: 'A FROM names an image without a tag or digest, which silently means `latest`.',
    fix: { when: FIX_WHEN.knownTagInPlace, applied: 'editor-only' },
    aliases: ['hadolint:DL3006'],
    messages: {
      untagged:
        'FROM {{image}} has no tag, so it pulls whatever "latest" is at build time; pin a version tag (for example {{image}}:{{suggestion}}) or a digest.',
      untaggedUnknown: 'FROM {{image}} has no tag, so it pulls whatever "latest" is at build time; pin a version tag or a digest.',
    },
    explanation: {
      why: 'Without a tag the builder pulls `latest`, which moves with every release, so two builds of the same commit can differ and break without any change in the repository.',
      standard: 'Container standard "image scanning" (a scanned image must be the one that runs); hadolint DL3006.',
      bad: 'FROM python\nCOPY app.py /app/',
      good: 'FROM python:3.13-slim\nCOPY app.py /app/',
    },
  },
  check({ file, report }) {
    for (const stage of file.dockerfile.stages) {
      const image = stage.image;
      // Variables left unresolved, stage references and scratch never get here or have nothing to pin.
      if (!image || image.tag || image.digest || image.text.toLowerCase() === 'scratch') continue;
      const range = stage.from.getImageRange();
      if (!range) continue;
      const tags = pinnableTags(image);
      report({
        messageId: tags[0] ? 'untagged' : 'untaggedUnknown',
        data: { image: image.text, suggestion: tags[0] ?? '' },
        range,
        fixes: tagFixes(stage.from, image, tags, (reference) => `Pin ${reference}`),
      });
    }
  },
});
