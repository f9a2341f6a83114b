// Seeded mutations of container files: the ways files are broken while someone types, pastes, or saves them with
// another tool (line endings, byte order marks), and bytes no editor should ever send but some do.

export type Random = () => number;

export interface Mutation {
  name: string;
  apply(text: string, random: Random, fragments: readonly string[]): string;
}

const pick = <T>(random: Random, items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
const between = (random: Random, low: number, high: number) => low + Math.floor(random() * (high - low + 1));

/** The text's lines, each with the line break that ends it (the last may have none). */
function linesOf(text: string): string[] {
  return text.match(/[^\r\n]*(?:\r\n|\r|\n)|[^\r\n]+$/g) ?? [];
}

/** Replaces line `index` (with its line break) by `replacement`. */
function withLines(text: string, edit: (lines: string[], index: number) => void, random: Random): string {
  const lines = linesOf(text);
  if (lines.length === 0) return text;
  edit(lines, Math.floor(random() * lines.length));
  return lines.join('');
}

function insertAt(text: string, random: Random, inserted: string): string {
  const at = Math.floor(random() * (text.length + 1));
  return text.slice(0, at) + inserted + text.slice(at);
}

function atLineEnd(text: string, random: Random, appended: string): string {
  return withLines(
    text,
    (lines, index) => {
      const line = lines[index]!;
      const body = line.replace(/(?:\r\n|\r|\n)$/, '');
      lines[index] = body + appended + line.slice(body.length);
    },
    random,
  );
}

/** Characters that are hard on offsets, widths and line counting: combining marks, joiners, direction marks, astral planes. */
const UNICODE = [
  'é',
  'e\u0301',
  '\u200b',
  '\u200d',
  '\u202e',
  '\u00a0',
  '\u3000',
  '\u2028',
  '\u2029',
  '\u0085',
  '\ufeff',
  '\ufffd',
  '：',
  '－',
  '中文',
  'Ω',
  '𝕏',
  '😀',
  '👩‍👩‍👧',
  '🇫🇷',
];

export const MUTATIONS: readonly Mutation[] = [
  { name: 'delete line', apply: (text, random) => withLines(text, (lines, index) => lines.splice(index, 1), random) },
  { name: 'duplicate line', apply: (text, random) => withLines(text, (lines, index) => lines.splice(index, 0, lines[index]!), random) },
  {
    name: 'delete lines',
    apply: (text, random) => withLines(text, (lines, index) => lines.splice(index, between(random, 2, 12)), random),
  },
  {
    name: 'move line',
    apply: (text, random) =>
      withLines(
        text,
        (lines, index) => {
          const [line] = lines.splice(index, 1);
          lines.splice(Math.floor(random() * (lines.length + 1)), 0, line!);
        },
        random,
      ),
  },
  {
    name: 'cut line',
    apply: (text, random) =>
      withLines(
        text,
        (lines, index) => {
          const line = lines[index]!;
          lines[index] = line.slice(0, Math.floor(random() * line.length));
        },
        random,
      ),
  },
  { name: 'truncate', apply: (text, random) => text.slice(0, Math.floor(random() * text.length)) },
  {
    name: 're-indent',
    apply: (text, random) =>
      withLines(
        text,
        (lines, index) => {
          lines[index] = pick(random, ['', ' ', '  ', '    ', '\t', '   \t', '          ']) + lines[index]!.replace(/^[ \t]+/, '');
        },
        random,
      ),
  },
  { name: 'junk', apply: (text, random, fragments) => insertAt(text, random, pick(random, fragments)) },
  {
    name: 'junk characters',
    apply: (text, random) => insertAt(text, random, Array.from({ length: between(random, 1, 6) }, () => String.fromCharCode(between(random, 1, 126))).join('')),
  },
  {
    name: 'replace characters',
    apply: (text, random, fragments) => {
      const at = Math.floor(random() * text.length);
      return text.slice(0, at) + pick(random, fragments) + text.slice(at + between(random, 1, 8));
    },
  },
  { name: 'unclosed quote', apply: (text, random) => insertAt(text, random, pick(random, ['"', "'", '`', '"${', "'\\"])) },
  {
    name: 'unclosed heredoc',
    apply: (text, random) => atLineEnd(text, random, pick(random, [' <<EOF', ' <<-EOT', ' <<"EOF"', ' <<EOF >/x <<EOG', ' |', ' >-', ' |+2'])),
  },
  { name: 'continuation', apply: (text, random) => atLineEnd(text, random, pick(random, [' \\', '\\', '`', ' \\ ', ' &&'])) },
  { name: 'trailing continuation', apply: (text) => `${text.replace(/\s+$/, '')} \\` },
  { name: 'unclosed bracket', apply: (text, random) => insertAt(text, random, pick(random, ['[', '{', '[{', '${', '$(', '["'])) },
  { name: 'CRLF', apply: (text) => text.replace(/\r?\n/g, '\r\n') },
  { name: 'mixed line ends', apply: (text, random) => text.replace(/\r?\n/g, (eol) => pick(random, [eol, '\r\n', '\r', '\n'])) },
  { name: 'lone CR', apply: (text, random) => insertAt(text, random, '\r') },
  { name: 'BOM', apply: (text) => `\ufeff${text}` },
  { name: 'BOM inside', apply: (text, random) => insertAt(text, random, '\ufeff') },
  { name: 'NUL', apply: (text, random) => insertAt(text, random, pick(random, ['\0', '\0\0\0', '\x01', '\x7f', '\x1b[31m'])) },
  { name: 'lone surrogate', apply: (text, random) => insertAt(text, random, pick(random, ['\ud83d', '\ude00', '\udbff', '\udc00x'])) },
  {
    name: 'split surrogate pair',
    apply: (text, random) => {
      const withEmoji = insertAt(text, random, '😀');
      const at = withEmoji.indexOf('😀');
      return withEmoji.slice(0, at + 1) + withEmoji.slice(at + 2);
    },
  },
  { name: 'unicode', apply: (text, random) => insertAt(text, random, pick(random, UNICODE)) },
  { name: 'tabs', apply: (text) => text.replace(/^( {2})+/gm, (indent) => '\t'.repeat(indent.length / 2)) },
  { name: 'empty', apply: (_text, random) => pick(random, ['', '\n', ' ', '\ufeff', '\r\n\r\n', '#']) },
];

/** One to `most` mutations in a row; returns the text and their names (a failure reports them). */
export function mutate(text: string, random: Random, fragments: readonly string[], most = 4): { text: string; applied: string[] } {
  const applied: string[] = [];
  let mutated = text;
  for (let count = between(random, 1, most); count > 0; count--) {
    const mutation = pick(random, MUTATIONS);
    // Emptying is rare enough on its own: a fuzzer that empties files often spends its time on nothing.
    if (mutation.name === 'empty' && random() < 0.8) continue;
    mutated = mutation.apply(mutated, random, fragments);
    applied.push(mutation.name);
  }
  return { text: mutated, applied };
}
