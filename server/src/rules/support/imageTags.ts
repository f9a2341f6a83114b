import type { From } from 'dockerfile-ast';
import type { TextEdit } from 'vscode-languageserver-types';
import type { Fix } from '../../engine/ruleTypes';
import { imageEntry } from '../../knowledge/images';
import { hasVariable, type ImageReference } from '../../parsing/imageReference';
import { replaceScalar } from '../../parsing/yamlEdit';
import type { YamlView } from '../../parsing/yamlView';

/** Tag choices for FROM fixes, from the offline image table. */

/** The table's current tags of an image, `latest` left out (it is what a pinned tag replaces). */
export function pinnableTags(image: ImageReference): string[] {
  return imageEntry(image)?.tags.filter((tag) => tag !== 'latest') ?? [];
}

/** Sets the tag of the image written in a FROM; none when the reference comes from a variable or is pinned by digest. */
export function setTagEdit(from: From, tag: string): TextEdit | undefined {
  const written = from.getImage();
  const imageRange = from.getImageRange();
  if (!written || !imageRange || hasVariable(written) || from.getImageDigest()) return undefined;
  const tagRange = from.getImageTagRange();
  if (tagRange) return { range: tagRange, newText: tag };
  return { range: { start: imageRange.end, end: imageRange.end }, newText: `:${tag}` };
}

/**
 * One fix per tag. Choosing a version changes what the build pulls, so none is applied without review (unsafe).
 */
export function tagFixes(from: From, image: ImageReference, tags: readonly string[], describe: (reference: string) => string): Fix[] {
  const repository = image.tagStart === undefined ? image.text.split('@')[0] : image.text.slice(0, image.tagStart - 1);
  return tags.flatMap((tag) => {
    const edit = setTagEdit(from, tag);
    return edit ? [{ title: describe(`${repository}:${tag}`), edits: [edit], unsafe: true }] : [];
  });
}

/**
 * One fix per tag that rewrites an image written as a YAML or JSON value (a container's `image`) to the pinned
 * reference. Choosing a version changes what runs, so none is applied without review (unsafe).
 */
export function pinValueFixes(image: YamlView, reference: ImageReference): Fix[] {
  return pinnableTags(reference).flatMap((tag) => {
    const pinned = `${reference.registry ? `${reference.registry}/` : ''}${reference.repository}:${tag}`;
    const edit = replaceScalar(image, pinned);
    return edit ? [{ title: `Pin ${pinned}`, edits: [edit], unsafe: true }] : [];
  });
}
