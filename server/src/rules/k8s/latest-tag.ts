import { isScalar } from 'yaml';
import { defineKubernetesRule } from '../../engine/ruleTypes';
import { hasVariable, parseImageReference } from '../../parsing/imageReference';
import { containersOf } from '../../parsing/kubernetes';
import { pairOf } from '../../parsing/yaml';

export const rule = defineKubernetesRule({
  id: 'k8s/latest-tag',
  meta: {
    severity: 'warning',
    description: 'A container image has no tag or uses `latest`, so what runs changes whenever the image is republished.',
    fixable: false,
    aliases: ['kube-linter:latest-tag', 'kube-score:container-image-tag', 'polaris:tagNotSpecified'],
    messages: {
      latest: 'Container "{{container}}" uses image {{image}} with the mutable "latest" tag; pin a concrete version tag or a digest.',
      untagged: 'Container "{{container}}" uses image {{image}} without a tag, which means "latest"; pin a concrete version tag or a digest.',
    },
  },
  check({ file, report }) {
    for (const manifest of file.manifests) {
      for (const { container } of containersOf(manifest)) {
        const image = pairOf(container, 'image')?.value;
        if (!isScalar(image) || typeof image.value !== 'string' || hasVariable(image.value)) continue;
        const reference = parseImageReference(image.value);
        if (reference.digest || (reference.tag && reference.tag !== 'latest')) continue;
        const name = pairOf(container, 'name')?.value;
        report({
          messageId: reference.tag ? 'latest' : 'untagged',
          data: { image: image.value, container: isScalar(name) ? String(name.value) : '?' },
          range: manifest.document.rangeOf(image),
        });
      }
    }
  },
});
