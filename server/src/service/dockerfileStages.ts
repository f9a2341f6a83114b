import { CompletionItemKind, type CompletionItem, type Range } from 'vscode-languageserver-types';
import type { DockerfileModel, DockerfileStage } from '../parsing/dockerfile';
import { completionItem, orderKey } from './completionItems';

/** The stages a line may refer to (`COPY --from`, `FROM <stage>`): those before its own stage. */
export function stagesBefore(model: DockerfileModel, line: number): DockerfileStage[] {
  return model.stages.slice(0, model.stageAt(line)?.index ?? 0);
}

/**
 * The stages a line may refer to, as completion items. A stage without a name can be referred to by its index
 * where `unnamedByIndex` (COPY --from); FROM takes names only.
 */
export function stageItems(model: DockerfileModel, line: number, range: Range, options: { unnamedByIndex: boolean; group?: string }): CompletionItem[] {
  return stagesBefore(model, line).flatMap((stage) => {
    const name = stage.from.getBuildStage() ?? (options.unnamedByIndex ? String(stage.index) : undefined);
    if (!name) return [];
    return [
      completionItem({
        label: name,
        kind: CompletionItemKind.Reference,
        newText: name,
        range,
        detail: `build stage ${stage.index}`,
        sortText: orderKey(stage.index, options.group),
      }),
    ];
  });
}
