import { isNode, parseAllDocuments, type Document, type Node, type Pair, type YAMLMap } from 'yaml';
import { isMap, isScalar } from 'yaml';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Range } from 'vscode-languageserver-types';
import { type ChunkedParse, parseInChunks } from './yamlChunks';

/**
 * One YAML document of a (possibly multi-document) file. Its nodes' offsets are relative to the segment,
 * so an unchanged document keeps its parse when text before it moves.
 */
export class YamlDocument {
  constructor(
    readonly parsed: Document.Parsed,
    /** Offset of the segment in the file. */
    readonly offset: number,
    /** The segment's text, the key for reuse across versions. */
    readonly text: string,
    private readonly lines: TextDocument,
    /**
     * The pieces a single-document file was parsed in, for the next version to re-use. That re-use moves their
     * nodes: once the file is parsed again, this parse's offsets may be off (see Workspace.get).
     */
    readonly chunks?: ChunkedParse['chunks'],
  ) {}

  rangeOfOffsets(start: number, end: number): Range {
    return { start: this.lines.positionAt(this.offset + start), end: this.lines.positionAt(this.offset + end) };
  }

  /** The range of a node's value (without trailing comments). */
  rangeOf(node: Node | Pair | null | undefined): Range {
    if (node && isNode(node) && node.range) return this.rangeOfOffsets(node.range[0], node.range[1]);
    if (node && 'key' in node) {
      const key = node.key as Node | null;
      const value = node.value as Node | null;
      const start = key?.range?.[0] ?? value?.range?.[0] ?? 0;
      const end = value?.range?.[1] ?? key?.range?.[1] ?? start;
      return this.rangeOfOffsets(start, end);
    }
    return this.rangeOfOffsets(0, 0);
  }

  /** The top-level mapping, or undefined when the document is not a mapping. */
  get root(): YAMLMap | undefined {
    return isMap(this.parsed.contents) ? this.parsed.contents : undefined;
  }
}

export interface YamlFile {
  documents: YamlDocument[];
}

/**
 * Offsets where a new document starts. A `---` line always starts a document (YAML forbids that marker at the
 * start of a line inside content), and directives just above it belong to the document it opens.
 */
export function documentStarts(text: string): number[] {
  const starts = [0];
  let directiveRunStart: number | undefined;
  let lineStart = 0;
  while (lineStart < text.length) {
    let lineEnd = text.indexOf('\n', lineStart);
    if (lineEnd < 0) lineEnd = text.length;
    if (text.startsWith('---', lineStart) && isMarkerEnd(text.charCodeAt(lineStart + 3))) {
      const start = directiveRunStart ?? lineStart;
      if (start > 0) starts.push(start);
      directiveRunStart = undefined;
    } else if (text.charCodeAt(lineStart) === 37 /* % */) {
      directiveRunStart ??= lineStart;
    } else if (!/^\s*(#.*)?\r?$/.test(text.slice(lineStart, lineEnd))) {
      directiveRunStart = undefined;
    }
    lineStart = lineEnd + 1;
  }
  return starts;
}

function isMarkerEnd(code: number): boolean {
  return Number.isNaN(code) || code === 32 || code === 9 || code === 10 || code === 13;
}

/**
 * Compose's merge tags: `!reset` drops what earlier files set, `!override` replaces it whole. Known to the parser so
 * that they are not reported as unresolved tags; the compose model reads them from the nodes.
 */
const COMPOSE_MERGE_TAGS = ['!reset', '!override'].flatMap((tag) =>
  [undefined, 'map', 'seq'].map((collection) => ({
    tag,
    ...(collection ? { collection: collection as 'map' | 'seq' } : {}),
    resolve: (value: unknown) => value,
  })),
);

/** `<<` merge keys are resolved: Compose files use them with anchors for shared service fragments. */
export const PARSE_OPTIONS = { prettyErrors: false, uniqueKeys: true, merge: true, customTags: COMPOSE_MERGE_TAGS } as const;

/**
 * Parses every document of the file, reusing the parse of each document whose text is unchanged since
 * `previous` (editing one document of a long manifest re-parses only that document). A file of one document, as
 * compose files are, is parsed in pieces, and only the pieces an edit touched are parsed again.
 */
export function parseYamlFile(lines: TextDocument, previous?: YamlFile): YamlFile {
  const text = lines.getText();
  const reusable = new Map<string, YamlDocument[]>();
  for (const document of previous?.documents ?? []) {
    const list = reusable.get(document.text);
    if (list) list.push(document);
    else reusable.set(document.text, [document]);
  }
  const starts = documentStarts(text);
  const documents: YamlDocument[] = [];
  starts.forEach((start, index) => {
    const segment = text.slice(start, starts[index + 1] ?? text.length);
    const kept = reusable.get(segment)?.shift();
    if (kept) {
      documents.push(new YamlDocument(kept.parsed, start, segment, lines, kept.chunks));
      return;
    }
    const chunked =
      starts.length === 1 ? parseInChunks(segment, PARSE_OPTIONS, previous?.documents.length === 1 ? previous.documents[0]?.chunks : undefined) : undefined;
    if (chunked) {
      documents.push(new YamlDocument(chunked.parsed, start, segment, lines, chunked.chunks));
      return;
    }
    const parsedDocuments = parseAllDocuments(segment, PARSE_OPTIONS);
    for (const parsed of Array.isArray(parsedDocuments) ? parsedDocuments : []) {
      documents.push(new YamlDocument(parsed, start, segment, lines));
    }
  });
  return { documents };
}

/** The pair of `map` whose key is the scalar `key`. */
export function pairOf(map: YAMLMap | undefined, key: string): Pair | undefined {
  return map?.items.find((item) => isScalar(item.key) && item.key.value === key) as Pair | undefined;
}

/** The plain value of a scalar at `key`, or undefined for anything else. */
export function scalarValue(map: YAMLMap | undefined, key: string): unknown {
  const value = pairOf(map, key)?.value;
  return isScalar(value) ? value.value : undefined;
}

export function mapAt(map: YAMLMap | undefined, ...path: string[]): YAMLMap | undefined {
  let current: YAMLMap | undefined = map;
  for (const key of path) {
    const value = pairOf(current, key)?.value;
    current = isMap(value) ? value : undefined;
  }
  return current;
}
