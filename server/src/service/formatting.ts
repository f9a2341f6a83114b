import {
  DocumentFormattingRequest,
  DocumentOnTypeFormattingRequest,
  DocumentRangeFormattingRequest,
  type ClientCapabilities,
  type Connection,
  type ServerCapabilities,
} from 'vscode-languageserver';
import type { FormattingOptions, Position, Range, TextEdit } from 'vscode-languageserver-types';
import { formatDockerfile, formatDockerfileOnType, formatDockerfileRange } from '../format/dockerfileFormat';
import type { ContainerFile } from '../parsing/containerFile';

/** What to format: the document, the lines of a range, or the line continued by an escape character just typed. */
export type FormattingRequest = { kind: 'document' } | { kind: 'range'; range: Range } | { kind: 'onType'; position: Position; typed: string };

/** The escape characters a Dockerfile can set (`# escape=`), typed at the end of a line. */
const ON_TYPE_TRIGGERS = { firstTriggerCharacter: '\\', moreTriggerCharacter: ['`'] };
const DOCKERFILES = [{ language: 'dockerfile' }];

/** Edits that format a Dockerfile; other kinds of file are formatted by their own extensions, so get none. */
export function formattingEdits(file: ContainerFile | undefined, request: FormattingRequest, options: FormattingOptions): TextEdit[] {
  // A file too large to check (parsing/sizeLimits.ts) would hold the server for seconds on every escape typed.
  if (file?.kind !== 'dockerfile' || file.unchecked) return [];
  const text = file.document.getText();
  if (request.kind === 'range') return formatDockerfileRange(text, request.range, options).edits;
  if (request.kind === 'onType') return formatDockerfileOnType(text, request.position, request.typed, options).edits;
  return formatDockerfile(text, options).edits;
}

/**
 * Whether the client registers formatting on request, so that it can be offered for Dockerfiles only: an editor that
 * saw a YAML formatter here would ask YAML users to choose between it and theirs.
 */
export function registersFormatting(capabilities: ClientCapabilities): boolean {
  const { formatting, rangeFormatting, onTypeFormatting } = capabilities.textDocument ?? {};
  return formatting?.dynamicRegistration === true && rangeFormatting?.dynamicRegistration === true && onTypeFormatting?.dynamicRegistration === true;
}

/** For clients that cannot register on request: formatting for every document, which answers only for Dockerfiles. */
export const FORMATTING_CAPABILITIES: ServerCapabilities = {
  documentFormattingProvider: true,
  documentRangeFormattingProvider: true,
  documentOnTypeFormattingProvider: ON_TYPE_TRIGGERS,
};

export async function registerDockerfileFormatting(connection: Connection): Promise<void> {
  await Promise.all([
    connection.client.register(DocumentFormattingRequest.type, { documentSelector: DOCKERFILES }),
    connection.client.register(DocumentRangeFormattingRequest.type, { documentSelector: DOCKERFILES }),
    connection.client.register(DocumentOnTypeFormattingRequest.type, { documentSelector: DOCKERFILES, ...ON_TYPE_TRIGGERS }),
  ]);
}
