import type { Position, Range } from 'vscode-languageserver-types';
import type { ComposeFile } from '../parsing/containerFile';
import { composeSchema } from '../schema/composeSchemaNavigator';
import { keyHoverMarkdown } from './composeSchemaText';
import { yamlKeyAt } from './yamlCursor';

/** What the compose-spec schema says of the key under the cursor; nothing for a key the schema does not know. */
export function composeKeyHover(file: ComposeFile, position: Position): { markdown: string; range: Range } | undefined {
  const key = yamlKeyAt(file.document.getText(), position);
  if (!key) return undefined;
  const branches = composeSchema.at(key.path);
  if (branches.length === 0) return undefined;
  return { markdown: keyHoverMarkdown(String(key.path.at(-1)), branches), range: key.range };
}
