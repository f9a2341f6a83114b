import { defineComposeRule } from '../../engine/ruleTypes';
import { pinFixes, pinnedReferences, pulledImagesHere } from '../support/composeImages';

/**
 * dclint's default `prohibitedTags`: tags that name a channel, not a version, so they move. A constant until rules
 * take options.
 */
export const MOVING_TAGS: ReadonlySet<string> = new Set(['latest', 'stable', 'edge', 'test', 'nightly', 'dev', 'beta', 'canary', 'lts']);

export const rule = defineComposeRule({
  id: 'compose/latest-tag',
  meta: {
    severity: 'warning',
    description:
      'A service pulls an image by a moving tag (`latest`, `stable`, `edge`, `nightly`, `lts`…), so what runs changes whenever the image is republished.',
    fixable: true,
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
  },
  check(context) {
    for (const image of pulledImagesHere(context)) {
      const { reference } = image;
      const tag = reference.tag;
      if (!tag || reference.digest || !MOVING_TAGS.has(tag.toLowerCase())) continue;
      const fromDefault = image.unsetVariables.length > 0;
      const suggestion = pinnedReferences(image)[0];
      context.report({
        messageId: fromDefault ? 'movingByDefault' : suggestion ? 'moving' : 'movingUnknown',
        data: {
          service: image.service,
          image: reference.text,
          tag,
          written: image.written,
          suggestion: suggestion ?? '',
          variables: image.unsetVariables.join(', '),
        },
        range: image.view.range,
        // A default that the environment of a real run usually replaces is worth a look, not a warning.
        ...(fromDefault ? { severity: 'info' as const } : {}),
        fixes: () => pinFixes(image),
      });
    }
  },
});
