import { defineComposeRule } from '../../engine/ruleTypes';
import { pulledImagesHere, reportUnpinnedImage } from '../support/composeImages';
import { FIX_WHEN } from '../support/fixConditions';

/** dclint's default `prohibitedTags`: tags that name a channel, not a version, so they move. */
const MOVING_TAGS = ['latest', 'stable', 'edge', 'test', 'nightly', 'dev', 'beta', 'canary', 'lts'];

export interface LatestTagOptions {
  prohibitedTags: readonly string[];
}

export const rule = defineComposeRule<LatestTagOptions>({
  id: 'compose/latest-tag',
  meta: {
    severity: 'warning',
    description:
      'A service pulls an image by a moving tag (`latest`, `stable`, `edge`, `nightly`, `lts`…), so what runs changes whenever the image is republished.',
    fix: { when: FIX_WHEN.knownTagInPlace, applied: 'editor-only' },
    aliases: ['dclint:service-image-require-explicit-tag'],
    messages: {
      moving: 'Service "{{service}}" pulls {{image}}: "{{tag}}" moves with every release; pin a version tag (for example {{suggestion}}) or a digest.',
      movingUnknown: 'Service "{{service}}" pulls {{image}}: "{{tag}}" moves with every release; pin a version tag or a digest.',
      movingByDefault:
        'Service "{{service}}" pulls {{image}}, with the moving tag "{{tag}}", when {{variables}} is unset (image: {{written}}); make the default a pinned version tag or a digest.',
    },
    explanation: {
      why: 'A channel tag such as `latest` or `stable` is re-pointed at every release, so machines that pulled at different times run different code, a rollback redeploys the same moving tag, and a scan result no longer describes what runs.',
      standard: 'Container standard "image scanning"; dclint service-image-require-explicit-tag (prohibitedTags).',
      bad: 'services:\n  db:\n    image: postgres:latest',
      good: 'services:\n  db:\n    image: postgres:17',
    },
    options: {
      prohibitedTags: {
        type: 'array',
        items: { type: 'string', minLength: 1 },
        default: MOVING_TAGS,
        description:
          "Image tags that `compose/latest-tag` reports in compose files, compared case-insensitively (dclint's `prohibitedTags`). The default lists channel tags that move with every release: `latest`, `stable`, `edge`, `test`, `nightly`, `dev`, `beta`, `canary`, `lts`; an empty list reports none.",
      },
    },
  },
  check(context) {
    const prohibited = new Set(context.options.prohibitedTags.map((tag) => tag.toLowerCase()));
    for (const image of pulledImagesHere(context)) {
      const { reference } = image;
      const tag = reference.tag;
      if (!tag || reference.digest || !prohibited.has(tag.toLowerCase())) continue;
      reportUnpinnedImage(context, image, 'moving', { tag });
    }
  },
});
