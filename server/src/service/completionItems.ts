import {
  CompletionItemKind,
  CompletionItemTag,
  InsertTextFormat,
  InsertTextMode,
  MarkupKind,
  TextEdit,
  type Command,
  type CompletionItem,
  type Range,
} from 'vscode-languageserver-types';
import { needsQuotes } from '../parsing/yamlEdit';

/** Re-opens the suggestion list after an item that ends where a value is expected (`--from=`). */
const SUGGEST_AGAIN: Command = { title: 'Suggest', command: 'editor.action.triggerSuggest' };

export interface ItemOptions {
  label: string;
  kind: CompletionItemKind;
  /** What replaces the typed text; plain text unless `snippet`. */
  newText: string;
  /** From where the typed text starts up to the cursor. */
  range: Range;
  snippet?: boolean;
  detail?: string;
  documentation?: string;
  /** Keeps a meaningful order instead of the client's alphabetical one. */
  sortText?: string;
  deprecated?: boolean;
  suggestAgain?: boolean;
  /** `newText` spans lines indented as they must end up, which the editor must not re-indent. */
  keepIndentation?: boolean;
}

/** Every item edits through a range, so the client filters against exactly the text the item replaces. */
export function completionItem(options: ItemOptions): CompletionItem {
  return {
    label: options.label,
    kind: options.kind,
    textEdit: TextEdit.replace(options.range, options.newText),
    ...(options.snippet ? { insertTextFormat: InsertTextFormat.Snippet } : {}),
    ...(options.detail ? { detail: options.detail } : {}),
    ...(options.documentation ? { documentation: { kind: MarkupKind.Markdown, value: options.documentation } } : {}),
    ...(options.sortText ? { sortText: options.sortText } : {}),
    ...(options.deprecated ? { tags: [CompletionItemTag.Deprecated] } : {}),
    ...(options.suggestAgain ? { command: SUGGEST_AGAIN } : {}),
    ...(options.keepIndentation ? { insertTextMode: InsertTextMode.asIs } : {}),
  };
}

/**
 * The values a scalar allows (a schema's enum, true and false), in their order, after `prefix`; a string YAML would
 * read as something else goes in quoted unless the user has opened a quote already.
 */
export function allowedValueItems(values: readonly unknown[], range: Range, prefix: string, quoted: boolean): CompletionItem[] {
  return values
    .filter((value) => value !== null && typeof value !== 'object')
    .map((value, index) => {
      const text = String(value);
      return completionItem({
        label: text,
        kind: CompletionItemKind.EnumMember,
        newText: prefix + (typeof value === 'string' && !quoted && needsQuotes(text) ? JSON.stringify(text) : text),
        range,
        sortText: orderKey(index, '1'),
      });
    });
}

/** A sort key that keeps the order of a list (`0003` sorts before `0010`). */
export function orderKey(index: number, group = ''): string {
  return `${group}${String(index).padStart(4, '0')}`;
}

/** A snippet as the user will read it once inserted with its defaults (`${1:image}:${2:tag}` → `image:tag`). */
export function snippetPreview(snippet: string): string {
  return snippet
    .replace(/\$\{\d+:([^}]*)\}/g, '$1')
    .replace(/\$\{\d+\}|\$\d+/g, '')
    .replace(/\\\$/g, '$')
    .trim();
}
