import type { Range } from 'vscode-languageserver-types';
import { defineDockerfileRule } from '../../engine/ruleTypes';
import { parseImageReference, type ImageReference } from '../../parsing/imageReference';
import { escapeRegExp } from '../../parsing/patterns';
import { copyFromReferences } from '../support/copyAndAdd';

const DOCKER_HUB = new Set(['docker.io', 'index.docker.io', 'registry-1.docker.io', 'hub.docker.com']);

export interface UntrustedRegistryOptions {
  trustedRegistries: readonly string[];
}

export const rule = defineDockerfileRule<UntrustedRegistryOptions>({
  id: 'dockerfile/untrusted-registry',
  meta: {
    severity: 'error',
    description: 'A FROM or COPY --from image comes from a registry that is not in the configured trustedRegistries.',
    aliases: ['hadolint:DL3026'],
    messages: {
      untrusted:
        '{{image}} comes from {{registry}}, which is not a trusted registry ({{trusted}}); use an image from a trusted registry, or add {{registry}} to trustedRegistries.',
    },
    explanation: {
      why: 'Restricting base images to approved registries keeps unscanned or typo-squatted images out of the build. Active only when `trustedRegistries` lists registries.',
      standard: 'Container standard "image scanning"; hadolint DL3026.',
      bad: '# trustedRegistries: [registry.example.com]\nFROM quay.io/acme/app:1',
      good: '# trustedRegistries: [registry.example.com]\nFROM registry.example.com/acme/app:1',
    },
    options: {
      trustedRegistries: {
        type: 'array',
        items: { type: 'string', minLength: 1 },
        default: [],
        description:
          'Registries that `FROM` and `COPY --from` images may come from, e.g. `[registry.example.com, "*.gcr.io"]`; `*` matches any characters within a registry name, and images without a registry count as `docker.io`. An empty list, as the default, restricts nothing (as in hadolint DL3026).',
      },
    },
  },
  check({ file, options, report }) {
    const trusted = options.trustedRegistries;
    // As in hadolint, an empty list (the default) restricts nothing.
    if (trusted.length === 0) return;
    const checkImage = (image: ImageReference, range: Range) => {
      const registry = registryOf(image);
      if (image.text.toLowerCase() === 'scratch' || trusted.some((pattern) => registryMatches(pattern, registry))) return;
      report({ messageId: 'untrusted', data: { image: image.text, registry, trusted: trusted.join(', ') }, range });
    };
    for (const stage of file.dockerfile.stages) {
      const range = stage.from.getImageRange();
      if (stage.image && range) checkImage(stage.image, range);
    }
    for (const { name, range, source } of copyFromReferences(file.dockerfile)) {
      // A bare name that is no stage is pulled as an image from Docker Hub.
      if (source.kind === 'image') checkImage(source.image, range);
      else if (source.kind === 'undefined-stage' && !/^\d+$/.test(name)) checkImage(parseImageReference(name), range);
    }
  },
});

/** Images without a registry come from Docker Hub, whatever name it goes by. */
function registryOf(image: ImageReference): string {
  const registry = image.registry?.toLowerCase();
  return !registry || DOCKER_HUB.has(registry) ? 'docker.io' : registry;
}

function registryMatches(pattern: string, registry: string): boolean {
  const normalized = DOCKER_HUB.has(pattern.toLowerCase()) ? 'docker.io' : pattern.toLowerCase();
  if (!normalized.includes('*')) return normalized === registry;
  const expression = normalized.split('*').map(escapeRegExp).join('[^/]*');
  return new RegExp(`^${expression}$`).test(registry);
}
