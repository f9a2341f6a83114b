import { isNode, parseAllDocuments, type Document, type Node, type Pair, type YAMLMap } from 'yaml';
import { isMap, isScalar } from 'yaml';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { Range } from 'vscode-languageserver-types';
import { type ChunkedParse, parseInChunks } from './yamlChunks';

/**
 * One YAML document of a (possibly multi-document) file. Its nodes' offsets are relative to its segment of the
 * text, and positions are worked out from the segment alone plus the line it starts at, so a document whose text is
 * unchanged is kept across versions of the file, with everything built from it (the Kubernetes model, views, cached
 * findings): parseYamlFile moves it to its new place, as yamlChunks moves a compose file's pieces. The previous
 * parse that held it is then off, and nothing may keep using it (see Workspace.get).
 */
export class YamlDocument {
  private segmentLines: TextDocument | undefined;
  private start: { offset: number; line: number };

  constructor(
    readonly parsed: Document.Parsed,
    /** Offset of the segment in the file. */
    offset: number,
    /** The segment's text, the key for reuse across versions. */
    readonly text: string,
    /** The line of the file the segment starts at. */
    line: number,
    /**
     * The pieces a single-document file was parsed in, for the next version to re-use. That re-use moves their
     * nodes: once the file is parsed again, this parse's offsets may be off (see Workspace.get).
     */
    readonly chunks?: ChunkedParse['chunks'],
  ) {
    this.start = { offset, line };
  }

  /** Offset of the segment in the file. */
  get offset(): number {
    return this.start.offset;
  }

  /** The line of the file the segment starts at (segments start at the start of a line). */
  get startLine(): number {
    return this.start.line;
  }

  /** How many lines the segment spans up to the start of the next one (its line breaks). */
  get lineBreaks(): number {
    return this.lines().lineCount - 1;
  }

  /** parseYamlFile only: the same text at another place of a later version of the file. */
  moveTo(offset: number, line: number): void {
    this.start = { offset, line };
  }

  rangeOfOffsets(start: number, end: number): Range {
    const lines = this.lines();
    const from = lines.positionAt(start);
    const to = lines.positionAt(end);
    const line = this.start.line;
    return { start: { line: from.line + line, character: from.character }, end: { line: to.line + line, character: to.character } };
  }

  private lines(): TextDocument {
    this.segmentLines ??= TextDocument.create('', '', 0, this.text);
    return this.segmentLines;
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
    } else if (directiveRunStart !== undefined && !/^\s*(#.*)?\r?$/.test(text.slice(lineStart, lineEnd))) {
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
 * Parses every document of the file, reusing (and moving) the documents whose text is unchanged since `previous`
 * (editing one document of a long manifest re-parses only that document). A file of one document, as compose
 * files are, is parsed in pieces, and only the pieces an edit touched are parsed again.
 */
export function parseYamlFile(lines: TextDocument, previous?: YamlFile): YamlFile {
  const text = withLineFeeds(lines.getText());
  const unchanged = previous && unchangedEnds(textOfFile.get(previous) ?? '', text);
  const byOffset = new Map<number, YamlDocument[]>();
  const byText = new Map<string, YamlDocument[][]>();
  for (const group of bySegment(previous?.documents ?? [])) {
    const { offset, text: segment } = group[0]!;
    byOffset.set(offset, group);
    const list = byText.get(segment);
    if (list) list.push(group);
    else byText.set(segment, [group]);
  }
  const taken = new Set<YamlDocument[]>();
  const starts = documentStarts(text);
  const documents: YamlDocument[] = [];
  let line = 0;
  starts.forEach((start, index) => {
    const end = starts[index + 1] ?? text.length;
    let kept: YamlDocument[] | undefined;
    // Where the text before or after the edit is unchanged, a segment is the one at the same place (moved by the
    // edit's length after it) when it has the same length: no need to compare its text.
    if (unchanged && end <= unchanged.prefix) kept = byOffset.get(start);
    else if (unchanged && start >= text.length - unchanged.suffix) kept = byOffset.get(start - unchanged.lengthChange);
    if (kept && (kept[0]!.text.length !== end - start || taken.has(kept))) kept = undefined;
    const segment = kept ? kept[0]!.text : text.slice(start, end);
    kept ??= byText.get(segment)?.find((group) => !taken.has(group));
    if (kept) {
      taken.add(kept);
      for (const document of kept) document.moveTo(start, line);
    }
    const group = kept ?? parseSegment(segment, start, line, starts.length === 1 ? { previous } : undefined);
    documents.push(...group);
    line += group[0]?.lineBreaks ?? lineBreaksOf(segment);
  });
  const file = { documents };
  textOfFile.set(file, text);
  return file;
}

/**
 * A carriage return not followed by a line feed becomes one. YAML and the editor count it as a line break, the yaml
 * library does not: a node after one started on the line before, past its end. Offsets and positions stay the same.
 */
function withLineFeeds(text: string): string {
  return text.includes('\r') ? text.replace(/\r(?!\n)/g, '\n') : text;
}

/** The text each file was parsed from, for the next version to tell what an edit left unchanged. */
const textOfFile = new WeakMap<YamlFile, string>();

/**
 * How much of the start and of the end of the text an edit left as it was (they do not overlap), and by how much
 * it changed the text's length.
 */
function unchangedEnds(before: string, after: string): { prefix: number; suffix: number; lengthChange: number } {
  const shorter = Math.min(before.length, after.length);
  // Compared a block at a time, which the runtime does natively, then a character at a time in the block that differs.
  const block = 4096;
  let prefix = 0;
  while (prefix + block <= shorter && before.substring(prefix, prefix + block) === after.substring(prefix, prefix + block)) prefix += block;
  while (prefix < shorter && before.charCodeAt(prefix) === after.charCodeAt(prefix)) prefix++;
  const room = shorter - prefix;
  let suffix = 0;
  const endOf = (text: string, from: number, length: number) => text.substring(text.length - from - length, text.length - from);
  while (suffix + block <= room && endOf(before, suffix, block) === endOf(after, suffix, block)) suffix += block;
  while (suffix < room && before.charCodeAt(before.length - 1 - suffix) === after.charCodeAt(after.length - 1 - suffix)) suffix++;
  return { prefix, suffix, lengthChange: after.length - before.length };
}

/** The documents of each segment: one, or several when `...` ends a document and the next needs no `---`. */
function bySegment(documents: readonly YamlDocument[]): YamlDocument[][] {
  const groups: YamlDocument[][] = [];
  for (const document of documents) {
    const last = groups.at(-1);
    if (last && last[0]!.offset === document.offset && last[0]!.text === document.text) last.push(document);
    else groups.push([document]);
  }
  return groups;
}

/** A segment without a document (comments, blank lines) still spans lines. */
function lineBreaksOf(segment: string): number {
  return TextDocument.create('', '', 0, segment).lineCount - 1;
}

/** `single`: the file is this one segment, parsed in pieces when it can be, re-using those of its previous parse. */
function parseSegment(segment: string, start: number, line: number, single: { previous?: YamlFile } | undefined): YamlDocument[] {
  const previousChunks = single?.previous?.documents.length === 1 ? single.previous.documents[0]?.chunks : undefined;
  const chunked = single ? parseInChunks(segment, PARSE_OPTIONS, previousChunks) : undefined;
  if (chunked) return [new YamlDocument(chunked.parsed, start, segment, line, chunked.chunks)];
  const parsedDocuments = parseAllDocuments(segment, PARSE_OPTIONS);
  return (Array.isArray(parsedDocuments) ? parsedDocuments : []).map((parsed) => new YamlDocument(parsed, start, segment, line));
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
