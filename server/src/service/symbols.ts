import type { Instruction } from 'dockerfile-ast';
import type { Document } from 'yaml';
import { SymbolKind, type DocumentSymbol, type Range } from 'vscode-languageserver-types';
import type { ComposeFile, ContainerFile, DockerfileFile, KubernetesFile } from '../parsing/containerFile';
import type { DockerfileStage } from '../parsing/dockerfile';
import { containersOf, workloadOf, type KubernetesObject } from '../parsing/kubernetes';
import { YamlView } from '../parsing/yamlView';

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

/**
 * Each YAML document's services, networks, volumes, secrets and configs, read as data: an entry brought in by a `<<`
 * merge key shows at the `<<`.
 */
function composeSymbols(file: ComposeFile): DocumentSymbol[] {
  return file.yaml.documents.flatMap((document) =>
    (YamlView.root(document)?.entries() ?? []).flatMap(([name, section]) => {
      const entryKind = COMPOSE_SECTIONS.get(name);
      if (entryKind === undefined || !section.isMap) return [];
      return [
        { ...located(name, section), kind: SymbolKind.Namespace, children: section.entries().flatMap(([entry, view]) => entrySymbol(entry, view, entryKind)) },
      ];
    }),
  );
}

function entrySymbol(name: string, view: YamlView, kind: SymbolKind): DocumentSymbol[] {
  // Editors reject symbols without a name.
  if (!name) return [];
  const detail = kind === SymbolKind.Class ? serviceDetail(view) : resourceDetail(view);
  return [{ ...located(name, view), ...(detail ? { detail } : {}), kind }];
}

/** The whole `key: value` pair, selecting its key (or the `<<` it came through). */
function located(name: string, view: YamlView): Pick<DocumentSymbol, 'name' | 'range' | 'selectionRange'> {
  return { name, range: view.pairRange, selectionRange: view.keyRange ?? view.range };
}

/** A service shows what it runs: its image, else what it builds. */
function serviceDetail(service: YamlView): string | undefined {
  const image = service.get('image')?.text;
  if (image) return image;
  const build = service.get('build');
  const context = build?.isMap ? (build.get('context')?.text ?? '.') : build?.text;
  return context === undefined ? undefined : `build: ${context}`;
}

/** A network, volume, secret or config shows where it comes from. */
function resourceDetail(resource: YamlView): string | undefined {
  if (resource.get('external')?.scalar === true) return 'external';
  for (const field of ['driver', 'file', 'environment']) {
    const value = resource.get(field)?.text;
    if (value) return `${field}: ${value}`;
  }
  return undefined;
}

/**
 * One symbol per object, `Kind/name`, selecting its name; below it, a workload's containers (init containers
 * marked) and the keys of a ConfigMap's or Secret's data.
 */
function kubernetesSymbols(file: KubernetesFile): DocumentSymbol[] {
  return file.objects.map((object) => {
    const line = file.document.positionAt(object.document.offset).line;
    const known = symbolOfParse.get(object.document.parsed);
    const symbol = known ? moved(known.symbol, line - known.line) : objectSymbol(object);
    if (known?.line !== line) symbolOfParse.set(object.document.parsed, { line, symbol });
    return symbol;
  });
}

/**
 * An object's symbol depends on its document's text alone, whose parse an edit elsewhere in the file keeps: in a
 * manifest of hundreds of objects, only the edited one is read again, and the others move with their lines.
 */
const symbolOfParse = new WeakMap<Document.Parsed, { line: number; symbol: DocumentSymbol }>();

function moved(symbol: DocumentSymbol, lines: number): DocumentSymbol {
  if (lines === 0) return symbol;
  const shift = ({ start, end }: Range): Range => ({ start: { ...start, line: start.line + lines }, end: { ...end, line: end.line + lines } });
  return {
    ...symbol,
    range: shift(symbol.range),
    selectionRange: shift(symbol.selectionRange),
    ...(symbol.children ? { children: symbol.children.map((child) => moved(child, lines)) } : {}),
  };
}

function objectSymbol(object: KubernetesObject): DocumentSymbol {
  const { view, kind, name, apiVersion, namespace, anchorRange } = object;
  const children = [...containerSymbols(object), ...dataKeySymbols(object)].filter((child) => isWithin(child.range, view.range));
  return {
    // An object always has a kind (the model requires one); an empty name is left out.
    name: [kind, name].filter(Boolean).join('/'),
    detail: namespace ? `${apiVersion} · ${namespace}` : apiVersion,
    kind: SymbolKind.Object,
    range: view.range,
    selectionRange: anchorRange,
    ...(children.length > 0 ? { children } : {}),
  };
}

function containerSymbols(object: KubernetesObject): DocumentSymbol[] {
  const workload = workloadOf(object);
  if (!workload) return [];
  const counts = new Map<string, number>();
  return containersOf(workload).map((container) => {
    // Unnamed, it goes by its place in its list.
    const index = counts.get(container.field) ?? 0;
    counts.set(container.field, index + 1);
    const image = container.image?.text;
    const role = container.field === 'initContainers' ? 'init container' : container.field === 'ephemeralContainers' ? 'ephemeral container' : undefined;
    const detail = [role, image].filter(Boolean).join(' · ');
    const range = container.view.range;
    return {
      name: container.name || `${container.field}[${index}]`,
      ...(detail ? { detail } : {}),
      kind: SymbolKind.Class,
      range,
      // A container brought in by an alias has its name at the anchor: the alias is what is selected.
      selectionRange: isWithin(container.anchorRange, range) ? container.anchorRange : { start: range.start, end: range.start },
    };
  });
}

const DATA_FIELDS: Readonly<Record<string, readonly string[]>> = { ConfigMap: ['data', 'binaryData'], Secret: ['data', 'stringData'] };

function dataKeySymbols(object: KubernetesObject): DocumentSymbol[] {
  if (object.group !== '') return [];
  return (DATA_FIELDS[object.kind] ?? []).flatMap((field) =>
    (object.view.get(field)?.entries() ?? []).flatMap(([key, value]) => (key ? [{ ...located(key, value), kind: SymbolKind.Key }] : [])),
  );
}

function isWithin(inner: Range, outer: Range): boolean {
  const before = (a: Range['start'], b: Range['start']) => a.line < b.line || (a.line === b.line && a.character <= b.character);
  return before(outer.start, inner.start) && before(inner.end, outer.end);
}
