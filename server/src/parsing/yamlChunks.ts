import {
  Composer,
  isCollection,
  isMap,
  isNode,
  isPair,
  isScalar,
  Parser,
  type Document,
  type DocumentOptions,
  type Pair as YamlPair,
  type ParsedNode,
  type ParseOptions,
  type YAMLMap,
} from 'yaml';

type Pair = YamlPair<ParsedNode, ParsedNode | null>;
type ParsedMap = YAMLMap.Parsed<ParsedNode, ParsedNode | null>;
type Options = ParseOptions & DocumentOptions;

/**
 * A compose file is one YAML document, so re-using unchanged documents never spares it a whole parse. This parses
 * such a document in pieces — each top-level entry, and each entry of a `services:` mapping — and joins them into
 * the document a whole parse gives, so that an edit re-parses only the pieces whose text it changed.
 *
 * Each piece is parsed in the context the whole parse sees: an entry of `services` after a `services:` line, and
 * followed by a stand-in for the line that follows it in the file (a key at the same column), so that the parser
 * closes what the piece leaves open exactly as it does in the whole text, and attaches the blank lines and comments
 * before the next entry to that stand-in, whose comments go to the real entry's key. The `yaml` lexer ends every
 * scalar and flow collection at a line indented less than it, so nothing but the stand-in line reaches a piece from
 * the text after it. What could still differ is refused, and the text parsed whole: a piece that reaches into the
 * stand-in or puts an error there, an unclosed quote (the lexer looks for the closing one anywhere further on),
 * a duplicate key (reported against another piece), document markers and directives, lines indented less than the
 * services, tags or anchors on the split mappings. test/parsing/yamlChunks.test.ts compares the result with a whole
 * parse, node by node, over the corpus and random edits of it.
 *
 * A re-used piece whose place in the text changed has its nodes' offsets moved in place (cloning them cost more than
 * parsing them again): the earlier parse that held them is then off, and nothing may keep using it.
 */

/** A piece of the document's text, parsed on its own. Its nodes' offsets are the document's. */
interface Chunk {
  kind: ChunkKind;
  start: number;
  text: string;
  /** The column of the line after the piece, which the parse depends on; undefined at the end of the text. */
  nextIndent: number | undefined;
  parsed: Document.Parsed;
  /** The entries of the piece's mapping (a top-level one, or `services`). */
  items: Pair[];
  /** The mapping of the piece in its parse: its range and comments give the joined mapping's. */
  map: ParsedMap;
  /** The root mapping of its parse (the same as `map` for top-level pieces). */
  root: ParsedMap;
  /** What the parse attached to the stand-in key: it belongs to the first key of the next piece. */
  nextKeyComment: KeyComment;
  /** What the parse attached to the piece's first key: it keeps that when it is the first piece. */
  ownKeyComment: KeyComment;
}

/** The blank lines and comments above a key, as the parser attaches them. */
interface KeyComment {
  commentBefore?: string | null;
  spaceBefore?: boolean;
}

/**
 * `root`: top-level entries (the first one with whatever precedes it: comments, directives, `---`);
 * `servicesHead`: the `services:` line and what precedes its first entry; `service`: one entry of `services`.
 */
type ChunkKind = 'root' | 'servicesHead' | 'service';

interface Span {
  kind: ChunkKind;
  start: number;
  end: number;
  /** Where the piece's first key must start. */
  keyAt: number;
  nextIndent: number | undefined;
}

export interface ChunkedParse {
  parsed: Document.Parsed;
  /** Kept for the next version of the text. */
  chunks: readonly Chunk[];
}

/**
 * The document parsed piece by piece, re-using the pieces of `previous` whose text and context are unchanged;
 * undefined when the text cannot be split exactly (the caller parses it whole).
 */
export function parseInChunks(text: string, options: Options, previous: readonly Chunk[] = []): ChunkedParse | undefined {
  const spans = splitIntoSpans(text);
  if (!spans) return undefined;
  const reusable = new Map<string, Chunk[]>();
  for (const chunk of previous) {
    const key = reuseKey(chunk.kind, chunk.nextIndent, chunk.text);
    const list = reusable.get(key);
    if (list) list.push(chunk);
    else reusable.set(key, [chunk]);
  }
  const chunks: Chunk[] = [];
  for (const span of spans) {
    const chunkText = text.slice(span.start, span.end);
    const kept = reusable.get(reuseKey(span.kind, span.nextIndent, chunkText))?.shift();
    if (kept) {
      if (kept.start !== span.start) moveChunk(kept, span.start);
      chunks.push(kept);
      continue;
    }
    const chunk = parseChunk(chunkText, span, options);
    if (!chunk) return undefined;
    chunks.push(chunk);
  }
  const parsed = joinChunks(chunks);
  return parsed && { parsed, chunks };
}

function reuseKey(kind: ChunkKind, nextIndent: number | undefined, text: string): string {
  return `${kind} ${nextIndent ?? ''}\0${text}`;
}

const KEY_START = /[A-Za-z0-9_]/;
const SERVICES_LINE = /^services:[ \t]*\r?$/;
/**
 * Markers of a document's end or start, even indented (the lexer takes one for an end within a broken flow
 * collection), and directives, whose errors the composer lists after the document's own.
 */
const DOCUMENT_MARKERS = /^(?:[ \t]*(?:\.\.\.|---)(?:[ \t\r]|$)|%)/m;

/**
 * Where the pieces start: lines that begin with a plain key character at column 0 (top-level entries) and, inside a
 * bare `services:` entry, at the column of its first service. Undefined when there is no top-level key line, or
 * there are document markers or directives (but for a `---` that starts the text).
 */
function splitIntoSpans(text: string): Span[] | undefined {
  if (DOCUMENT_MARKERS.test(text.slice(text.startsWith('---') ? 3 : 0))) return undefined;
  const spans: Span[] = [];
  let root: Span | undefined;
  /** Set while in a `services:` entry that can still be split. */
  let services: { head: Span; entries: Span[]; indent?: number } | undefined;
  const closeRoot = (end: number, nextIndent: number | undefined) => {
    if (!root) return;
    if (services && services.entries.length > 0) {
      const { head, entries, indent } = services;
      spans.push({ ...head, end: entries[0]!.start, nextIndent: indent });
      entries.forEach((entry, index) => {
        const next = entries[index + 1];
        spans.push({ ...entry, end: next?.start ?? end, nextIndent: next ? indent : nextIndent });
      });
    } else {
      spans.push({ ...root, end, nextIndent });
    }
    services = undefined;
  };
  for (let lineStart = 0; lineStart < text.length; ) {
    let lineEnd = text.indexOf('\n', lineStart);
    if (lineEnd < 0) lineEnd = text.length;
    if (KEY_START.test(text.charAt(lineStart))) {
      closeRoot(lineStart, 0);
      root = { kind: 'root', start: root ? lineStart : 0, end: text.length, keyAt: lineStart, nextIndent: undefined };
      if (SERVICES_LINE.test(text.slice(lineStart, lineEnd))) services = { head: { ...root, kind: 'servicesHead' }, entries: [] };
    } else if (services) {
      let indent = 0;
      while (text.charCodeAt(lineStart + indent) === 32) indent++;
      const first = text.charAt(lineStart + indent);
      const blank = first === '' || first === '\n' || first === '\r' || first === '#';
      if (!blank) {
        services.indent ??= indent;
        if (indent === services.indent && indent > 0 && KEY_START.test(first)) {
          services.entries.push({ kind: 'service', start: lineStart, end: lineStart, keyAt: lineStart + indent, nextIndent: undefined });
        } else if (indent < services.indent || services.entries.length === 0) {
          // Lines indented less than the services, or content before the first one: the entry is one piece.
          services = undefined;
        }
      }
    }
    lineStart = lineEnd + 1;
  }
  if (!root) return undefined;
  closeRoot(text.length, undefined);
  return spans;
}

/** The stand-in key for the line after a piece. */
const STAND_IN = '_next_entry_';
/** The context of an entry of `services`. */
const SERVICES_PREFIX = 'services:\n';

function parseChunk(text: string, span: Span, options: Options): Chunk | undefined {
  const parsed = parseInContext(text, span, options);
  const piece = parsed && pieceOf(parsed, span);
  if (!piece || !staysInSpan(piece.items, text, span)) return undefined;
  const { kind, start, nextIndent } = span;
  return { kind, start, text, nextIndent, parsed, ...piece, ownKeyComment: keyCommentOf(piece.items[0]!.key) };
}

/** The piece parsed after what precedes it in a compose file and before a stand-in for the line after it. */
function parseInContext(text: string, span: Span, options: Options): Document.Parsed | undefined {
  const prefix = span.kind === 'service' ? SERVICES_PREFIX : '';
  const standIn = span.nextIndent === undefined ? '' : `${' '.repeat(span.nextIndent)}${STAND_IN}:`;
  const parser = new Parser();
  // Tokens, hence nodes and errors, carry offsets in the whole document.
  parser.offset = span.start - prefix.length;
  const documents = [...new Composer(options).compose(parser.parse(prefix + text + standIn))] as Document.Parsed[];
  const [parsed] = documents;
  if (!parsed || documents.length > 1) return undefined;
  // The lexer looks for a closing quote beyond the piece, so an unclosed one may end elsewhere in the whole text;
  // a comment between entries that cannot hold one ("impossible") ends the range of the mapping around it early.
  if (parsed.errors.some((error) => error.message.startsWith('Missing closing') || error.code === 'IMPOSSIBLE')) return undefined;
  if ([...parsed.errors, ...parsed.warnings].some((problem) => problem.pos[0] < span.start || problem.pos[0] >= span.end)) return undefined;
  return parsed;
}

/** The piece's entries in its parse, without the context's; undefined when the parse is not shaped as expected. */
function pieceOf(parsed: Document.Parsed, span: Span): Pick<Chunk, 'root' | 'map' | 'items' | 'nextKeyComment'> | undefined {
  const root = parsed.contents;
  if (!isSplittableMap(root)) return undefined;
  const rootItems = [...root.items];
  let standIn = span.nextIndent === 0 ? takeStandIn(rootItems, span.end) : undefined;
  if (standIn === null) return undefined;
  if (span.kind === 'root') return { root, map: root, items: rootItems, nextKeyComment: keyCommentOf(standIn) };
  // `services` is the last entry of a head, the only one of an entry's context.
  const services = rootItems.at(-1);
  if (!services || !isScalar(services.key) || services.key.value !== 'services' || !isSplittableMap(services.value)) return undefined;
  if (span.kind === 'service' && rootItems.length !== 1) return undefined;
  const map = services.value;
  const items = [...map.items];
  if (span.kind === 'servicesHead' || span.nextIndent === span.keyAt - span.start) {
    standIn = takeStandIn(items, span.end);
    if (standIn === null) return undefined;
  }
  if (span.kind === 'service') return { root, map, items, nextKeyComment: keyCommentOf(standIn) };
  // A head's `services` holds only the stand-in, in place of the entries that follow.
  return items.length === 0 ? { root, map, items: rootItems, nextKeyComment: keyCommentOf(standIn) } : undefined;
}

/**
 * Whether the piece starts with its key line and ends before the stand-in — but for the indentation of the
 * stand-in's line, which trailing comments of the last value reach over. A key over several lines starts a mapping
 * of its own, but ends one that is already open, as it is in the whole text.
 */
function staysInSpan(items: readonly Pair[], text: string, span: Span): boolean {
  const firstKey = items[0]?.key;
  const keyLineEnd = text.indexOf('\n', span.keyAt - span.start);
  if (!isScalar(firstKey) || firstKey.range[0] !== span.keyAt || (keyLineEnd >= 0 && firstKey.range[1] > span.start + keyLineEnd)) return false;
  const standInAt = span.end + (span.nextIndent ?? 0);
  // A head's `services` holds the stand-in; it is replaced.
  const held = span.kind === 'servicesHead' ? items.slice(0, -1) : items;
  return held.every(({ key, value }) => {
    const range = (value ?? key).range;
    return range[1] <= span.end && range[2] <= standInAt;
  });
}

function keyCommentOf(key: ParsedNode | undefined): KeyComment {
  return key ? { commentBefore: key.commentBefore, spaceBefore: key.spaceBefore } : {};
}

/** A block mapping without tag or anchor, as the pieces' mappings must be to be joined. */
function isSplittableMap(node: ParsedNode | null | undefined): node is ParsedMap {
  return isMap(node) && !node.flow && !node.tag && !node.anchor;
}

/**
 * Removes the stand-in entry from the end of `items`: it must be there, as written, with nothing attached that the
 * real line could carry differently (a tag or anchor on the line before it). Null when it is not.
 */
function takeStandIn(items: Pair[], at: number): ParsedNode | null {
  const last = items.at(-1);
  const key = last?.key;
  if (!last || !isScalar(key) || key.value !== STAND_IN || key.range[0] < at || key.tag || key.anchor) return null;
  const value = last.value;
  if (value && !(isScalar(value) && value.value === null && !value.tag && !value.anchor)) return null;
  items.pop();
  return key;
}

/** The pieces joined into one document, or undefined when a key is duplicated across pieces. */
function joinChunks(chunks: readonly Chunk[]): Document.Parsed | undefined {
  const rootItems: Pair[] = [];
  let head: Chunk | undefined;
  let serviceItems: Pair[] = [];
  let lastService: Chunk | undefined;
  let previous: Chunk | undefined;
  let duplicateService = false;
  const closeServices = () => {
    if (!head) return;
    duplicateService ||= hasDuplicateKeys(serviceItems);
    const services = shallowCopy(head.map);
    services.items = serviceItems;
    const last = lastService?.map ?? head.map;
    services.range = [head.map.range[0], last.range[1], last.range[2]];
    setComment(services, last.comment);
    const headServices = head.items.at(-1)!;
    const pair = shallowCopy(headServices);
    pair.value = services;
    rootItems.push(...head.items.slice(0, -1), pair);
    head = undefined;
  };
  for (const chunk of chunks) {
    // The blank lines and comments above the entry came with the piece before it.
    const firstKey = chunk.items[0]!.key as ParsedNode;
    const { commentBefore, spaceBefore } = previous ? previous.nextKeyComment : chunk.ownKeyComment;
    setComment(firstKey, commentBefore, 'commentBefore');
    if (spaceBefore) firstKey.spaceBefore = true;
    else delete firstKey.spaceBefore;
    previous = chunk;
    if (chunk.kind === 'service') {
      serviceItems.push(...chunk.items);
      lastService = chunk;
      continue;
    }
    closeServices();
    if (chunk.kind === 'servicesHead') {
      head = chunk;
      serviceItems = [];
      lastService = undefined;
    } else {
      rootItems.push(...chunk.items);
    }
  }
  closeServices();
  if (duplicateService || hasDuplicateKeys(rootItems)) return undefined;

  const first = chunks[0]!;
  const last = chunks.at(-1)!;
  const root = shallowCopy(first.root);
  root.items = rootItems;
  root.range = [first.root.range[0], last.root.range[1], last.root.range[2]];
  setComment(root, last.root.comment);
  const document = shallowCopy(first.parsed);
  document.contents = root;
  document.errors = chunks.flatMap((chunk) => chunk.parsed.errors);
  document.warnings = chunks.flatMap((chunk) => chunk.parsed.warnings);
  document.range = [first.parsed.range[0], last.parsed.range[1], last.parsed.range[2]];
  setComment(document, last.parsed.comment);
  return document;
}

function setComment(
  target: { comment?: string | null; commentBefore?: string | null },
  comment: string | null | undefined,
  field: 'comment' | 'commentBefore' = 'comment',
): void {
  if (comment) target[field] = comment;
  else delete target[field];
}

/** Whether two entries of a mapping have the same key, which the whole parse reports and the pieces cannot. */
function hasDuplicateKeys(items: readonly Pair[]): boolean {
  const seen = new Set<unknown>();
  for (const { key } of items) {
    if (!isScalar(key) || seen.has(key.value)) return true;
    seen.add(key.value);
  }
  return false;
}

/** A copy of the object with the same prototype and own properties (symbols included), the values shared. */
function shallowCopy<T extends object>(value: T): T {
  return Object.create(Object.getPrototypeOf(value), Object.getOwnPropertyDescriptors(value)) as T;
}

/** Text before the piece changed length: its nodes and problems move with it. */
function moveChunk(chunk: Chunk, start: number): void {
  const delta = start - chunk.start;
  chunk.start = start;
  const { parsed } = chunk;
  parsed.range = [parsed.range[0] + delta, parsed.range[1] + delta, parsed.range[2] + delta];
  for (const problem of [...parsed.errors, ...parsed.warnings]) problem.pos = [problem.pos[0] + delta, problem.pos[1] + delta];
  // A loop, not recursion: nesting may be as deep as the parser allowed.
  const pending: unknown[] = [parsed.contents];
  while (pending.length > 0) {
    const item = pending.pop();
    if (isPair(item)) {
      pending.push(item.key, item.value);
    } else if (isNode(item)) {
      const range = item.range;
      if (range) item.range = [range[0] + delta, range[1] + delta, range[2] + delta];
      if (isCollection(item)) for (const child of item.items) pending.push(child);
    }
  }
}
