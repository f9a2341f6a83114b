import { CompletionItemKind, type CompletionItem } from 'vscode-languageserver-types';
import { allImageEntries, imageEntry, smallerVariants, type ImageEntry } from '../knowledge/images';
import type { DockerfileModel } from '../parsing/dockerfile';
import { parseImageReference } from '../parsing/imageReference';
import { completionItem, orderKey } from './completionItems';
import type { ArgumentsContext } from './dockerfileCursor';
import { stageItems } from './dockerfileStages';

/** After `FROM `: earlier stages and known images; after `FROM image:`, its tags; after the image, `AS`. */
export function fromCompletions(model: DockerfileModel, cursor: ArgumentsContext): CompletionItem[] {
  const operands = cursor.earlierWords.filter((word) => !word.startsWith('--'));
  if (operands.length === 1) return [asItem(cursor)];
  if (operands.length > 1) return [];
  const reference = parseImageReference(cursor.word);
  if (reference.digest !== undefined) return [];
  if (reference.tagStart !== undefined) {
    const entry = imageEntry(reference);
    return entry ? tagItems(entry, reference.tagStart, cursor) : [];
  }
  const range = { start: cursor.wordStart, end: cursor.position };
  return [...stageItems(model, cursor.instructionLine, range, { unnamedByIndex: false, group: '0' }), ...imageItems(cursor)];
}

function asItem(cursor: ArgumentsContext): CompletionItem {
  const keyword = cursor.lowerCase ? 'as' : 'AS';
  return completionItem({
    label: keyword,
    kind: CompletionItemKind.Keyword,
    newText: `${keyword} \${1:name}`,
    snippet: true,
    range: { start: cursor.wordStart, end: cursor.position },
    documentation: 'Names the stage, so that later `FROM` and `COPY --from` can refer to it.',
  });
}

/** Wildcard entries (`bitnami/*`) describe many repositories and name none, so they are not offered. */
function imageItems(cursor: ArgumentsContext): CompletionItem[] {
  return allImageEntries().flatMap((entry, index) => {
    if (entry.match.includes('*')) return [];
    return [
      completionItem({
        label: entry.match,
        kind: CompletionItemKind.Module,
        newText: entry.match,
        range: { start: cursor.wordStart, end: cursor.position },
        detail: `tags: ${entry.tags.join(', ')}`,
        documentation: entry.deprecated,
        deprecated: entry.deprecated !== undefined,
        sortText: orderKey(index, '1'),
      }),
    ];
  });
}

/** Each current tag followed by its smaller variants, newest first, in the table's order. */
function tagItems(entry: ImageEntry, tagStart: number, cursor: ArgumentsContext): CompletionItem[] {
  const tags = [...new Set(entry.tags.flatMap((tag) => [tag, ...smallerVariants(entry, tag)]))];
  const start = { line: cursor.wordStart.line, character: cursor.wordStart.character + tagStart };
  return tags.map((tag, index) =>
    completionItem({
      label: tag,
      kind: CompletionItemKind.Value,
      newText: tag,
      range: { start, end: cursor.position },
      detail: `${entry.match}:${tag}`,
      documentation: entry.deprecated,
      deprecated: entry.deprecated !== undefined,
      sortText: orderKey(index),
    }),
  );
}
