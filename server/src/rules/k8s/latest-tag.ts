import { defineKubernetesRule } from '../../engine/ruleTypes';
import { hasVariable, parseImageReference } from '../../parsing/imageReference';
import { imageBuilds } from '../../workspace/imageBuildIndex';
import { pinValueFixes } from '../support/imageTags';
import { containersHere } from '../support/kubernetes';
import { FIX_WHEN } from '../support/fixConditions';

export const rule = defineKubernetesRule({
  id: 'k8s/latest-tag',
  meta: {
    severity: 'warning',
    description: 'A container image has no tag or uses `latest`, so what runs changes whenever the image is republished.',
    scope: 'document',
    fix: { when: FIX_WHEN.knownTagInPlace, applied: 'editor-only' },
    aliases: ['kube-linter:latest-tag', 'kube-score:container-image-tag', 'polaris:tagNotSpecified'],
    messages: {
      latest: 'Container "{{container}}" uses image {{image}} with the mutable "latest" tag; pin a concrete version tag or a digest.',
      untagged: 'Container "{{container}}" uses image {{image}} without a tag, which means "latest"; pin a concrete version tag or a digest.',
    },
    explanation: {
      why: 'An untagged or `latest` image is whatever was pushed last: nodes that pull at different times run different code, a rollback redeploys the same moving tag, and a scan result no longer describes what runs. Images the workspace builds are not reported: a skaffold.yaml artifact, a kustomization `images:` entry or a compose service with both `build` and `image` in one file names them, and the tool sets the tag when it deploys. The names match without tag or digest, as written for skaffold and kustomize (which replace only that name), by repository for compose (`myapp` is `docker.io/library/myapp`).',
      standard: 'Container standard "image scanning"; kube-linter latest-tag; kube-score container-image-tag; Polaris tagNotSpecified.',
      bad: 'apiVersion: v1\nkind: Pod\nmetadata: { name: web }\nspec:\n  containers:\n    - name: web\n      image: nginx:latest',
      good: 'apiVersion: v1\nkind: Pod\nmetadata: { name: web }\nspec:\n  containers:\n    - name: web\n      image: nginx:1.27',
    },
  },
  check(context) {
    for (const container of containersHere(context)) {
      const image = container.image;
      const text = image?.string;
      if (!image || text === undefined || hasVariable(text)) continue;
      const reference = parseImageReference(text);
      if (reference.digest || (reference.tag && reference.tag !== 'latest')) continue;
      // skaffold and kustomize (and a compose build) tag the images the workspace builds when they deploy them.
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
