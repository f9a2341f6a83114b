import { defineComposeRule } from '../../engine/ruleTypes';
import { pulledImagesHere, reportUnpinnedImage } from '../support/composeImages';
import { FIX_WHEN } from '../support/fixConditions';

export const rule = defineComposeRule({
  id: 'compose/untagged-image',
  meta: {
    severity: 'warning',
    description: 'A service pulls an image without a tag or digest, which silently means `latest`.',
    fix: { when: FIX_WHEN.knownTagInPlace, applied: 'editor-only' },
    aliases: ['dclint:service-image-require-explicit-tag'],
    messages: {
      untagged:
        'Service "{{service}}" pulls {{image}} without a tag, so it runs whatever "latest" is at pull time; pin a version tag (for example {{suggestion}}) or a digest.',
      untaggedUnknown: 'Service "{{service}}" pulls {{image}} without a tag, so it runs whatever "latest" is at pull time; pin a version tag or a digest.',
      untaggedByDefault:
        'Service "{{service}}" pulls {{image}}, without a tag, when {{variables}} is unset (image: {{written}}); make the default a pinned version tag or a digest.',
    },
    explanation: {
      why: 'Without a tag Compose pulls `latest`, which moves with every release: two machines that pulled at different times run different versions, and `docker compose pull` can change a working stack without any change to the file.',
      standard: 'Container standard "image scanning" (a scanned image must be the one that runs); dclint service-image-require-explicit-tag.',
      bad: 'services:\n  cache:\n    image: redis',
      good: 'services:\n  cache:\n    image: redis:7.4',
    },
  },
  check(context) {
    for (const image of pulledImagesHere(context)) {
      const { reference } = image;
      if (reference.tag || reference.digest) continue;
      reportUnpinnedImage(context, image, 'untagged');
    }
  },
});
