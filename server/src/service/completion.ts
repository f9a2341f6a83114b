import { CompletionItemKind, type CompletionItem, type Position, type Range } from 'vscode-languageserver-types';
import { FLAGS_BY_INSTRUCTION, type InstructionFlag } from '../knowledge/dockerfileFlags';
import { INSTRUCTIONS, instructionMarkdown, type InstructionInfo } from '../knowledge/dockerfileInstructions';
import type { ContainerFile, DockerfileFile } from '../parsing/containerFile';
import type { Workspace } from '../workspace/workspace';
import { completionItem, orderKey, snippetPreview } from './completionItems';
import { composeCompletions } from './composeCompletion';
import { cursorContext, isLowerCase, type ArgumentsContext } from './dockerfileCursor';
import { stageItems } from './dockerfileStages';
import { fromCompletions } from './fromCompletion';
import { kubernetesCompletions } from './kubernetesCompletion';

export const COMPLETION_TRIGGER_CHARACTERS = [' ', '-', '$', '{', ':', '='];

/** ONBUILD stores a later instruction, but not every one: Docker refuses these behind it. */
const NOT_AFTER_ONBUILD = new Set(['ONBUILD', 'FROM', 'MAINTAINER']);
/** Words inside snippets that are Dockerfile keywords, and so follow the case the user types. */
const SNIPPET_KEYWORDS = new Set([...INSTRUCTIONS.map((info) => info.keyword), 'AS', 'NONE']);
/** `$NAME` or `${NAME` being typed; a `\$` is a literal dollar. */
const VARIABLE_REFERENCE = /(?<!\\)\$(\{?)([A-Za-z_][A-Za-z0-9_]*)?$/;

/**
 * Completions in a Dockerfile, a compose file (whose project the workspace knows) and a Kubernetes manifest (or a
 * YAML document starting to be one).
 */
export function completions(file: ContainerFile | undefined, position: Position, workspace?: Workspace): CompletionItem[] {
  if (file?.kind === 'compose') return composeCompletions(file, position, workspace);
  if (file?.kind === 'kubernetes' || (file?.kind === 'unknown' && file.yaml)) return kubernetesCompletions(file, position, workspace);
  if (file?.kind !== 'dockerfile') return [];
  const cursor = cursorContext(file, position);
  if (cursor.kind === 'keyword') return keywordItems(INSTRUCTIONS, isLowerCase(cursor.typed), cursor.range);
  if (cursor.kind === 'nothing') return [];
  return argumentItems(file, cursor);
}

function argumentItems(file: DockerfileFile, cursor: ArgumentsContext): CompletionItem[] {
  const variable = VARIABLE_REFERENCE.exec(cursor.word);
  if (variable) return variableItems(file, cursor, variable[1] === '{', variable[2] ?? '');
  const range = { start: cursor.wordStart, end: cursor.position };
  const inFlags = cursor.earlierWords.every((word) => word.startsWith('--'));
  if (cursor.keyword === 'ONBUILD' && cursor.earlierWords.length === 0) {
    // Before anything is typed, the trigger follows the case of the ONBUILD in front of it.
    const lowerCase = cursor.word === '' ? cursor.lowerCase : isLowerCase(cursor.word);
    return keywordItems(
      INSTRUCTIONS.filter((info) => !NOT_AFTER_ONBUILD.has(info.keyword)),
      lowerCase,
      range,
    );
  }
  if (inFlags && cursor.word.startsWith('-')) return flagItems(file, cursor);
  if (cursor.keyword === 'FROM') return fromCompletions(file.dockerfile, cursor);
  if (cursor.keyword === 'HEALTHCHECK' && inFlags) return [...healthcheckCommandItems(cursor, range), ...flagItems(file, cursor)];
  return [];
}

/** Keywords in the case being typed; deprecated instructions are documented in hovers but never suggested. */
function keywordItems(instructions: readonly InstructionInfo[], lowerCase: boolean, range: Range): CompletionItem[] {
  return instructions
    .filter((info) => !info.deprecated)
    .flatMap((info) =>
      info.snippets.map((snippet, index) => {
        const keyword = cased(info.keyword, lowerCase);
        const body = cased(snippet, lowerCase);
        return completionItem({
          label: index === 0 ? keyword : `${keyword} ${snippetPreview(body)}`,
          kind: CompletionItemKind.Keyword,
          newText: `${keyword} ${body}`,
          snippet: true,
          range,
          detail: `${keyword} ${snippetPreview(body)}`,
          documentation: instructionMarkdown(info),
          sortText: `${info.keyword}${index}`,
        });
      }),
    );
}

/** Lower-cases the keywords of a snippet (`CMD`, `AS`), leaving placeholders such as `NAME` alone. */
function cased(snippet: string, lowerCase: boolean): string {
  return lowerCase ? snippet.replace(/\b[A-Z]+\b/g, (word) => (SNIPPET_KEYWORDS.has(word) ? word.toLowerCase() : word)) : snippet;
}

function variableItems(file: DockerfileFile, cursor: ArgumentsContext, braced: boolean, typed: string): CompletionItem[] {
  const { line, character } = cursor.position;
  const next = file.document.getText({ start: cursor.position, end: { line, character: character + 1 } });
  // Editors often close the brace as `{` is typed; a second one would break the reference.
  const closing = braced && next !== '}' ? '}' : '';
  return file.dockerfile.variables.visibleAt(cursor.position).map((variable, index) =>
    completionItem({
      label: variable.name,
      kind: variable.source === 'ENV' ? CompletionItemKind.Variable : CompletionItemKind.Constant,
      newText: `${variable.name}${closing}`,
      range: { start: { line, character: character - typed.length }, end: cursor.position },
      detail:
        variable.source === 'predefined'
          ? 'predefined build argument'
          : `${variable.source} ${variable.name}${variable.value === undefined ? '' : `=${variable.value}`}`,
      documentation: variable.description,
      sortText: orderKey(index),
    }),
  );
}

/** Flag names after `-`; after `--flag=`, the values of that flag. Flags already given are not offered twice. */
function flagItems(file: DockerfileFile, cursor: ArgumentsContext): CompletionItem[] {
  const flags = FLAGS_BY_INSTRUCTION[cursor.keyword] ?? [];
  const equals = cursor.word.indexOf('=');
  if (cursor.word.startsWith('--') && equals >= 0) {
    const flag = flags.find((candidate) => candidate.name === cursor.word.slice(2, equals));
    const start = { line: cursor.wordStart.line, character: cursor.wordStart.character + equals + 1 };
    return flag ? flagValueItems(file, cursor, flag, { start, end: cursor.position }) : [];
  }
  const given = new Set(cursor.earlierWords.map((word) => /^--([^=]*)/.exec(word)?.[1]));
  return flags
    .filter((flag) => flag.repeatable || !given.has(flag.name))
    .map((flag) =>
      completionItem({
        label: `--${flag.name}`,
        kind: CompletionItemKind.Property,
        newText: flagSnippet(flag),
        snippet: true,
        range: { start: cursor.wordStart, end: cursor.position },
        documentation: flag.summary,
        suggestAgain: flag.values !== undefined,
      }),
    );
}

function flagSnippet(flag: InstructionFlag): string {
  if (flag.values) return `--${flag.name}=`;
  return flag.placeholder === undefined ? `--${flag.name}` : `--${flag.name}=\${1:${flag.placeholder}}`;
}

function flagValueItems(file: DockerfileFile, cursor: ArgumentsContext, flag: InstructionFlag, range: Range): CompletionItem[] {
  if (flag.values === 'stages') {
    return stageItems(file.dockerfile, cursor.instructionLine, range, { unnamedByIndex: true });
  }
  return (flag.values ?? []).map((value, index) =>
    completionItem({ label: snippetPreview(value), kind: CompletionItemKind.EnumMember, newText: value, snippet: true, range, sortText: orderKey(index) }),
  );
}

/** `HEALTHCHECK NONE` takes no options, so it is offered only before any. */
function healthcheckCommandItems(cursor: ArgumentsContext, range: Range): CompletionItem[] {
  const command = completionItem({
    label: cased('CMD', cursor.lowerCase),
    kind: CompletionItemKind.Keyword,
    newText: `${cased('CMD', cursor.lowerCase)} \${1:command}`,
    snippet: true,
    range,
    documentation: 'The check to run; exit code 0 means healthy.',
  });
  if (cursor.earlierWords.length > 0) return [command];
  const none = completionItem({
    label: cased('NONE', cursor.lowerCase),
    kind: CompletionItemKind.Keyword,
    newText: cased('NONE', cursor.lowerCase),
    range,
    documentation: 'Switches off the health check inherited from the base image.',
  });
  return [command, none];
}
