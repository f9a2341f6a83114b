import { CompletionItemKind, type CompletionItem, type Range } from 'vscode-languageserver-types';
import { allImageEntries, imageEntry, smallerVariants, type ImageEntry } from '../knowledge/images';
import { parseImageReference } from '../parsing/imageReference';
import { completionItem, orderKey } from './completionItems';

/**
 * Completions of an image reference being typed (a Dockerfile's FROM, a compose `image:`): the known images, and after
 * `image:` its tags. `range` runs from the start of the reference to the cursor.
 */
export function imageReferenceItems(typed: string, range: Range, group = ''): CompletionItem[] {
  const reference = parseImageReference(typed);
  if (reference.digest !== undefined) return [];
  if (reference.tagStart === undefined) return imageItems(range, group);
  const entry = imageEntry(reference);
  const start = { line: range.start.line, character: range.start.character + reference.tagStart };
  return entry ? tagItems(entry, { start, end: range.end }) : [];
}

/** Wildcard entries (`bitnami/*`) describe many repositories and name none, so they are not offered. */
function imageItems(range: Range, group: string): CompletionItem[] {
  return allImageEntries().flatMap((entry, index) => {
    if (entry.match.includes('*')) return [];
    return [
      completionItem({
        label: entry.match,
        kind: CompletionItemKind.Module,
        newText: entry.match,
        range,
        detail: `tags: ${entry.tags.join(', ')}`,
        documentation: entry.deprecated,
        deprecated: entry.deprecated !== undefined,
        sortText: orderKey(index, group),
      }),
    ];
  });
}

/** Each current tag followed by its smaller variants, newest first, in the table's order. */
function tagItems(entry: ImageEntry, range: Range): CompletionItem[] {
  const tags = [...new Set(entry.tags.flatMap((tag) => [tag, ...smallerVariants(entry, tag)]))];
  return tags.map((tag, index) =>
    completionItem({
      label: tag,
      kind: CompletionItemKind.Value,
      newText: tag,
      range,
      detail: `${entry.match}:${tag}`,
      documentation: entry.deprecated,
      deprecated: entry.deprecated !== undefined,
      sortText: orderKey(index),
    }),
  );
}
