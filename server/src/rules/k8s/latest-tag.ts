import type { Range } from 'vscode-languageserver-types';
import { isScalar, type Scalar } from 'yaml';
import { defineKubernetesRule } from '../../engine/ruleTypes';
import { hasVariable, parseImageReference } from '../../parsing/imageReference';
import { containersOf } from '../../parsing/kubernetes';
import { pairOf } from '../../parsing/yaml';
import { pinnableTags } from '../support/imageTags';

/** A quoted scalar keeps its quotes: only the text between them is replaced. */
function valueRange(range: Range, type: Scalar['type']): Range {
  if (type !== 'QUOTE_DOUBLE' && type !== 'QUOTE_SINGLE') return range;
  return { start: { ...range.start, character: range.start.character + 1 }, end: { ...range.end, character: range.end.character - 1 } };
}

export const rule = defineKubernetesRule({
  id: 'k8s/latest-tag',
  meta: {
    severity: 'warning',
    description: 'A container image has no tag or uses `latest`, so what runs changes whenever the image is republished.',
    fixable: true,
    aliases: ['kube-linter:latest-tag', 'kube-score:container-image-tag', 'polaris:tagNotSpecified'],
    messages: {
      latest: 'Container "{{container}}" uses image {{image}} with the mutable "latest" tag; pin a concrete version tag or a digest.',
      untagged: 'Container "{{container}}" uses image {{image}} without a tag, which means "latest"; pin a concrete version tag or a digest.',
    },
    explanation: {
      why: 'An untagged or `latest` image is whatever was pushed last: nodes that pull at different times run different code, a rollback redeploys the same moving tag, and a scan result no longer describes what runs.',
      standard: 'Container standard "image scanning"; kube-linter latest-tag; kube-score container-image-tag; Polaris tagNotSpecified.',
      bad: 'apiVersion: v1\nkind: Pod\nmetadata: { name: web }\nspec:\n  containers:\n    - name: web\n      image: nginx:latest',
      good: 'apiVersion: v1\nkind: Pod\nmetadata: { name: web }\nspec:\n  containers:\n    - name: web\n      image: nginx:1.27',
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
        const range = manifest.document.rangeOf(image);
        report({
          messageId: reference.tag ? 'latest' : 'untagged',
          data: { image: image.value, container: isScalar(name) ? String(name.value) : '?' },
          range,
          // Choosing a version changes what runs, so these fixes are offered, never applied by fix-all.
          fixes: pinnableTags(reference).map((tag) => {
            const pinned = `${reference.registry ? `${reference.registry}/` : ''}${reference.repository}:${tag}`;
            return { title: `Pin ${pinned}`, edits: [{ range: valueRange(range, image.type), newText: pinned }], unsafe: true };
          }),
        });
      }
    }
  },
});
