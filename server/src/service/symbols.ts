import type { Instruction } from 'dockerfile-ast';
import { isMap, isNode, isScalar, type Node, type Pair } from 'yaml';
import { SymbolKind, type DocumentSymbol } from 'vscode-languageserver-types';
import type { ComposeFile, ContainerFile, DockerfileFile, KubernetesFile } from '../parsing/containerFile';
import type { DockerfileStage } from '../parsing/dockerfile';
import { mapAt, pairOf, scalarValue, type YamlDocument } from '../parsing/yaml';

/** Instructions that act (run, copy, start something); the others set a property of the image. */
const ACTING_INSTRUCTIONS = new Set(['RUN', 'COPY', 'ADD', 'CMD', 'ENTRYPOINT', 'HEALTHCHECK', 'ONBUILD']);
/** The top-level compose sections shown, with the kind of their entries. */
const COMPOSE_SECTIONS: ReadonlyMap<string, SymbolKind> = new Map([
  ['services', SymbolKind.Class],
  ['networks', SymbolKind.Interface],
  ['volumes', SymbolKind.Struct],
  ['configs', SymbolKind.File],
  ['secrets', SymbolKind.Key],
]);
/** Outline names stay readable; the editor shows the full text anyway. */
const MAX_NAME_LENGTH = 60;

/** The outline: Dockerfile stages and instructions, compose services and resources, Kubernetes objects. */
export function documentSymbols(file: ContainerFile | undefined): DocumentSymbol[] {
  switch (file?.kind) {
    case 'dockerfile':
      return dockerfileSymbols(file);
    case 'compose':
      return composeSymbols(file);
    case 'kubernetes':
      return kubernetesSymbols(file);
    default:
      return [];
  }
}

/** Global ARGs first, then one symbol per stage with its instructions below it. */
function dockerfileSymbols(file: DockerfileFile): DocumentSymbol[] {
  const { ast, stages } = file.dockerfile;
  const firstFromLine = stages[0]?.from.getRange().start.line ?? Number.POSITIVE_INFINITY;
  const preamble = ast.getInstructions().filter((instruction) => instruction.getRange().start.line < firstFromLine);
  return [...preamble.map(instructionSymbol), ...stages.map(stageSymbol)];
}

function stageSymbol(stage: DockerfileStage): DocumentSymbol {
  const fromRange = stage.from.getRange();
  const image = stage.from.getImage();
  const name = stage.from.getBuildStage();
  return {
    name: ['FROM', image, name ? `AS ${name}` : ''].filter(Boolean).join(' '),
    detail: `stage ${stage.index}`,
    kind: SymbolKind.Class,
    range: stage.range,
    selectionRange: fromRange,
    children: stage.instructions.slice(1).map(instructionSymbol),
  };
}

/** Named by its first line: heredoc bodies and continuation lines would make the outline unreadable. */
function instructionSymbol(instruction: Instruction): DocumentSymbol {
  const [firstLine = '', ...moreLines] = instruction.getTextContent().split(/\r?\n/);
  // The line-continuation mark (a backslash, or a backtick under `# escape=\``) is no part of the name.
  let name = firstLine
    .replace(/\s*[\\`]$/, '')
    .replace(/\s+/g, ' ')
    .trim();
  if (name.length > MAX_NAME_LENGTH) name = `${name.slice(0, MAX_NAME_LENGTH - 1)}…`;
  else if (moreLines.length > 0) name = `${name} …`;
  const keyword = instruction.getKeyword();
  const kind = keyword === 'ARG' || keyword === 'ENV' ? SymbolKind.Variable : ACTING_INSTRUCTIONS.has(keyword) ? SymbolKind.Function : SymbolKind.Property;
  return { name: name || keyword, kind, range: instruction.getRange(), selectionRange: instruction.getInstructionRange() };
}

function composeSymbols(file: ComposeFile): DocumentSymbol[] {
  return file.yaml.documents.flatMap((document) =>
    (document.root?.items ?? []).flatMap((section) => {
      const name = isScalar(section.key) ? String(section.key.value) : '';
      const entryKind = COMPOSE_SECTIONS.get(name);
      if (entryKind === undefined || !isMap(section.value)) return [];
      const entries = section.value.items.flatMap((entry) => entrySymbol(document, entry, entryKind));
      return [
        {
          name,
          kind: SymbolKind.Namespace,
          range: document.rangeOf(section),
          selectionRange: document.rangeOf(asNode(section.key) ?? section),
          children: entries,
        },
      ];
    }),
  );
}

/** A service shows its image, the first thing one looks for. */
function entrySymbol(document: YamlDocument, entry: Pair, kind: SymbolKind): DocumentSymbol[] {
  const name = isScalar(entry.key) ? String(entry.key.value ?? '') : '';
  // Editors reject symbols without a name.
  if (!isScalar(entry.key) || !name) return [];
  const image = isMap(entry.value) ? scalarValue(entry.value, 'image') : undefined;
  return [
    {
      name,
      ...(typeof image === 'string' ? { detail: image } : {}),
      kind,
      range: document.rangeOf(entry),
      selectionRange: document.rangeOf(entry.key),
    },
  ];
}

/** One symbol per object, `Kind/name`, selecting its name. */
function kubernetesSymbols(file: KubernetesFile): DocumentSymbol[] {
  return file.manifests.map(({ document, root, kind, name, apiVersion }) => {
    const nameNode = asNode(pairOf(mapAt(root, 'metadata'), 'name')?.value) ?? asNode(pairOf(root, 'kind')?.value);
    return {
      // Editors reject symbols without a name, and `kind: ""` parses.
      name: [kind, name].filter(Boolean).join('/') || 'unnamed object',
      detail: apiVersion,
      kind: SymbolKind.Object,
      range: document.rangeOf(root),
      selectionRange: nameNode ? document.rangeOf(nameNode) : document.rangeOf(root),
    };
  });
}

function asNode(value: unknown): Node | undefined {
  return isNode(value) ? value : undefined;
}
