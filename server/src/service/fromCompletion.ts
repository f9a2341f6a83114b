import { CompletionItemKind, type CompletionItem } from 'vscode-languageserver-types';
import type { DockerfileModel } from '../parsing/dockerfile';
import { parseImageReference } from '../parsing/imageReference';
import { completionItem } from './completionItems';
import type { ArgumentsContext } from './dockerfileCursor';
import { stageItems } from './dockerfileStages';
import { imageReferenceItems } from './imageCompletion';

/** After `FROM `: earlier stages and known images; after `FROM image:`, its tags; after the image, `AS`. */
export function fromCompletions(model: DockerfileModel, cursor: ArgumentsContext): CompletionItem[] {
  const operands = cursor.earlierWords.filter((word) => !word.startsWith('--'));
  if (operands.length === 1) return [asItem(cursor)];
  if (operands.length > 1) return [];
  const range = { start: cursor.wordStart, end: cursor.position };
  const reference = parseImageReference(cursor.word);
  const stages = reference.tagStart === undefined && reference.digest === undefined;
  return [
    ...(stages ? stageItems(model, cursor.instructionLine, range, { unnamedByIndex: false, group: '0' }) : []),
    ...imageReferenceItems(cursor.word, range, '1'),
  ];
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
