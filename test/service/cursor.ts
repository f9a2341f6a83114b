// Test inputs written with a `|` where the cursor stands.
import type { Position } from 'vscode-languageserver-types';
import { parseContainerFile, type ContainerFile } from '../../server/src/parsing/containerFile';

const CURSOR = '|';

/** The text without its one cursor marker, and the marker's position. */
export function splitCursor(textWithCursor: string): { text: string; position: Position } {
  const offset = textWithCursor.indexOf(CURSOR);
  if (offset < 0 || textWithCursor.indexOf(CURSOR, offset + 1) >= 0) throw new Error(`expected exactly one ${CURSOR} in ${JSON.stringify(textWithCursor)}`);
  const before = textWithCursor.slice(0, offset).split('\n');
  return {
    text: textWithCursor.slice(0, offset) + textWithCursor.slice(offset + 1),
    position: { line: before.length - 1, character: before.at(-1)?.length ?? 0 },
  };
}

/** Parses a Dockerfile (or another file, by name) holding a cursor marker. */
export function fileWithCursor(textWithCursor: string, fileName = 'Dockerfile'): { file: ContainerFile; position: Position } {
  const { text, position } = splitCursor(textWithCursor);
  return { file: parseContainerFile(`file:///project/${fileName}`, text), position };
}
