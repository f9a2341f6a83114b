import type { Fix, RuleContext } from '../../engine/ruleTypes';
import type { ComposeFile } from '../../parsing/containerFile';
import { parseImageReference, type ImageReference } from '../../parsing/imageReference';
import { replaceScalar } from '../../parsing/yamlEdit';
import type { YamlView } from '../../parsing/yamlView';
import { servicesHere } from './compose';
import { pinnableTags } from './imageTags';

/** The image a service pulls, as written in the linted file and as Compose resolves it. */
export interface PulledImage {
  service: string;
  view: YamlView;
  /** The `image:` value as written. */
  written: string;
  /** The reference after interpolation with the project's `.env` and the defaults written in the value. */
  reference: ImageReference;
  /** The value has `${…}` interpolation, so a fix cannot edit it as a plain reference. */
  interpolated: boolean;
  /** Variables of the value that the project's `.env` does not set: the reference holds the defaults written for them. */
  unsetVariables: string[];
}

/**
 * Images that services pull, at the `image:` written in this file that decides the service's image (a later file or
 * `!reset` may replace it). A service that also has `build` names the image it builds, which is not pulled, as is a
 * `pull_policy: never` image; a value whose variables have no value anywhere is unknown and left out.
 */
export function pulledImagesHere(context: RuleContext<ComposeFile>): PulledImage[] {
  return servicesHere(context).flatMap(({ project, service, definition }) => {
    const view = definition.image;
    const written = view?.text;
    // `pull_policy: never` runs a local image, which has no registry tag to move.
    if (!view || written === undefined || service.merged.build || service.merged.pull_policy === 'never') return [];
    if (typeof service.merged.image !== 'string' || definition !== service.definitions.filter((candidate) => candidate.image).at(-1)) return [];
    const { value, variables } = project.interpolate(written);
    if (value === undefined || value.trim() === '') return [];
    return [
      {
        service: service.name,
        view,
        written,
        reference: parseImageReference(value.trim()),
        interpolated: variables.length > 0,
        unsetVariables: [...new Set(variables.filter((variable) => !project.environment.has(variable.name)).map((variable) => variable.name))],
      },
    ];
  });
}

/** The image pinned at each of its known tags (`redis:7.4`), from the offline image table. */
export function pinnedReferences(image: PulledImage): string[] {
  const { reference } = image;
  const repository = reference.tagStart === undefined ? reference.text : reference.text.slice(0, reference.tagStart - 1);
  return pinnableTags(reference).map((tag) => `${repository}:${tag}`);
}

/**
 * One fix per known tag. Choosing a version changes what runs, so none is applied unreviewed (unsafe); a value with
 * interpolation is not rewritten.
 */
export function pinFixes(image: PulledImage): Fix[] {
  if (image.interpolated) return [];
  return pinnedReferences(image).flatMap((pinned) => {
    const edit = replaceScalar(image.view, pinned);
    return edit ? [{ title: `Pin ${pinned}`, edits: [edit], unsafe: true }] : [];
  });
}

/**
 * Reports a pulled image whose tag does not pin it, under the rule's message ids `<prefix>` (with a suggested tag),
 * `<prefix>Unknown` (no known tag) and `<prefix>ByDefault` (only when variables are unset: info, since a real run
 * usually sets them), offering the pins of the image table.
 */
export function reportUnpinnedImage(context: RuleContext<ComposeFile>, image: PulledImage, prefix: string, data: Readonly<Record<string, string>> = {}): void {
  const suggestion = pinnedReferences(image)[0];
  const fromDefault = image.unsetVariables.length > 0;
  context.report({
    messageId: fromDefault ? `${prefix}ByDefault` : suggestion ? prefix : `${prefix}Unknown`,
    data: {
      ...data,
      service: image.service,
      image: image.reference.text,
      written: image.written,
      suggestion: suggestion ?? '',
      variables: image.unsetVariables.join(', '),
    },
    range: image.view.range,
    ...(fromDefault ? { severity: 'info' as const } : {}),
    fixes: () => pinFixes(image),
  });
}
