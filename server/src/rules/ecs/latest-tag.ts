import { defineEcsRule } from '../../engine/ruleTypes';
import { hasVariable, parseImageReference } from '../../parsing/imageReference';
import { imageBuilds } from '../../workspace/imageBuildIndex';
import { ecsContainers } from '../support/ecs';
import { pinValueFixes } from '../support/imageTags';
import { FIX_WHEN } from '../support/fixConditions';

export const rule = defineEcsRule({
  id: 'ecs/latest-tag',
  meta: {
    severity: 'warning',
    description: 'A container image of the task definition has no tag or uses `latest`, so what runs changes whenever the image is republished.',
    fix: { when: FIX_WHEN.knownTagInPlace, applied: 'editor-only' },
    aliases: [],
    messages: {
      latest: 'Container "{{container}}" uses image {{image}} with the mutable "latest" tag; pin a concrete version tag or a digest.',
      untagged: 'Container "{{container}}" uses image {{image}} without a tag, which means "latest"; pin a concrete version tag or a digest.',
    },
    explanation: {
      why: 'A task definition revision is meant to say what runs: with an untagged or `latest` image, tasks started at different times (scaling, replacement of a failed task) pull different code, and rolling back to an earlier revision redeploys the same moving tag. Placeholders that a pipeline fills in (`${IMAGE}`, `<IMAGE1_NAME>`, `{{image}}`) and images the workspace builds are not reported.',
      standard: 'Container standard "image scanning"; Amazon ECS best practices (use immutable image tags).',
      bad: '{\n  "family": "web",\n  "containerDefinitions": [\n    { "name": "web", "image": "nginx:latest" }\n  ]\n}',
      good: '{\n  "family": "web",\n  "containerDefinitions": [\n    { "name": "web", "image": "nginx:1.27" }\n  ]\n}',
    },
  },
  check(context) {
    for (const container of ecsContainers(context.file)) {
      const image = container.image;
      const text = image?.string;
      if (!image || !text || hasVariable(text) || /[<>{}\s]/.test(text)) continue;
      const reference = parseImageReference(text);
      if (reference.digest || (reference.tag && reference.tag !== 'latest')) continue;
      if (imageBuilds(context.workspace, text, context.file.uri).length > 0) continue;
      context.report({
        messageId: reference.tag ? 'latest' : 'untagged',
        data: { image: text, container: container.name || '?' },
        range: image.range,
        fixes: () => pinValueFixes(image, reference),
      });
    }
  },
});
