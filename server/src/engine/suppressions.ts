import { isMap, isScalar } from 'yaml';
import type { Range } from 'vscode-languageserver-types';
import type { ContainerFile } from '../parsing/containerFile';
import { instructionEndingAtOrAfter } from '../parsing/dockerfile';
import { mapAt } from '../parsing/yaml';

/**
 * A region where some checks are silenced. `tokens` holds rule ids and aliases (`hadolint:DL3007`);
 * `tool:*` silences every rule with an alias of that tool, `*` every rule.
 */
export interface Suppression {
  /** First and last suppressed line (0-based, inclusive); whole file when absent. */
  lines?: { first: number; last: number };
  tokens: ReadonlySet<string>;
}

export interface Suppressible {
  ruleId: string;
  aliases: readonly string[];
  range: Range;
}

export const OWN_DISABLE_NEXT_LINE = 'container-standards-disable-next-line';
const OWN_DISABLE_FILE = 'container-standards-disable-file';

/** A file's suppressions by the lines they cover, so that a finding is checked against its own line's only. */
export class Suppressions {
  /** The tokens of every whole-file suppression together. */
  private readonly fileWide = new Set<string>();
  private readonly byLine = new Map<number, Suppression[]>();

  add(suppression: Suppression): void {
    if (!suppression.lines) {
      for (const token of suppression.tokens) this.fileWide.add(token);
      return;
    }
    for (let line = suppression.lines.first; line <= suppression.lines.last; line++) {
      const atLine = this.byLine.get(line);
      if (atLine) atLine.push(suppression);
      else this.byLine.set(line, [suppression]);
    }
  }

  covers(finding: Suppressible): boolean {
    if (tokensMatch(this.fileWide, finding)) return true;
    return (this.byLine.get(finding.range.start.line) ?? []).some((suppression) => tokensMatch(suppression.tokens, finding));
  }
}

function tokensMatch(tokens: ReadonlySet<string>, finding: Suppressible): boolean {
  if (tokens.has('*') || tokens.has(finding.ruleId)) return true;
  return finding.aliases.some((alias) => tokens.has(alias) || tokens.has(`${alias.slice(0, alias.indexOf(':'))}:*`));
}

/** Every suppression written in a file: our own comments and the other tools' spellings, mapped to aliases. */
export function collectSuppressions(file: ContainerFile): Suppressions {
  const text = file.document.getText();
  const suppressions = new Suppressions();
  if (file.kind === 'kubernetes') for (const suppression of annotationSuppressions(file)) suppressions.add(suppression);
  // Most files suppress nothing: skip the line-by-line scan when no spelling occurs at all.
  if (!COMMENT_MARKERS.some((marker) => text.includes(marker))) return suppressions;
  const lines = text.split(/\r?\n/);
  const nextStatement = file.kind === 'dockerfile' ? dockerfileStatementAt(file) : yamlStatementAt(lines);
  const directivesEnd = file.kind === 'dockerfile' ? parserDirectivesEnd(lines) : 0;
  lines.forEach((line, index) => {
    if (!line.includes('#')) return;
    const comment = /^\s*#\s*(.*?)\s*$/.exec(line)?.[1];
    const trailing = / #\s*(dclint\s+disable-line\b.*?)\s*$/.exec(line)?.[1];
    if (comment !== undefined) {
      const parsed = parseComment(comment, file.kind);
      // BuildKit reads `# check=` for the whole file among the directives that open it, elsewhere for the instruction below.
      const scope = parsed?.directive && index >= directivesEnd ? 'next' : parsed?.scope;
      if (parsed && scope === 'file') suppressions.add({ tokens: parsed.tokens });
      if (parsed && scope === 'next') {
        const lines = nextStatement(index + 1);
        if (lines) suppressions.add({ lines, tokens: parsed.tokens });
      }
    } else if (trailing !== undefined) {
      suppressions.add({ lines: { first: index, last: index }, tokens: dclintTokens(trailing.replace(/^dclint\s+disable-line/, '')) });
    }
  });
  return suppressions;
}

/** A substring of every spelling parseComment accepts (BuildKit's `check` may have any blanks before its `=`). */
const COMMENT_MARKERS = ['container-standards-disable', 'hadolint', 'check', 'dclint'];

interface ParsedComment {
  scope: 'file' | 'next';
  tokens: Set<string>;
  /** A parser directive (BuildKit's `check`): whole-file only at the top of the file. */
  directive?: true;
}

/**
 * The line after the parser directives that open a Dockerfile (after a byte order mark and a shebang, if any).
 * BuildKit stops looking for them at the first line that is not `#syntax|escape|check=value` with the `#` in the
 * first column.
 */
function parserDirectivesEnd(lines: readonly string[]): number {
  let index = lines[0]?.replace(/^\uFEFF/, '').startsWith('#!') ? 1 : 0;
  while (index < lines.length && /^#\s*(syntax|escape|check)\s*=\s*\S/i.test(lines[index]!.replace(/^\uFEFF/, ''))) index++;
  return index;
}

function parseComment(comment: string, kind: ContainerFile['kind']): ParsedComment | undefined {
  const withoutReason = comment.replace(/\s+--\s.*$/, '');
  const own = new RegExp(`^(${OWN_DISABLE_NEXT_LINE}|${OWN_DISABLE_FILE})\\b(.*)$`).exec(withoutReason);
  if (own) {
    const ids = splitList(own[2] ?? '');
    return { scope: own[1] === OWN_DISABLE_FILE ? 'file' : 'next', tokens: new Set(ids.length ? ids : ['*']) };
  }
  if (kind === 'dockerfile') {
    const hadolint = /^hadolint\s+(global\s+)?ignore=([A-Za-z0-9,\s]+?)(?:\s+#.*)?$/.exec(comment);
    if (hadolint) return { scope: hadolint[1] ? 'file' : 'next', tokens: prefixed('hadolint', splitList(hadolint[2] ?? '')) };
    const buildkit = /^check\s*=\s*(.*)$/.exec(comment);
    const skip = buildkit && /(?:^|;)\s*skip\s*=\s*([^;]*)/.exec(buildkit[1] ?? '');
    if (skip)
      return {
        scope: 'file',
        tokens: prefixed(
          'buildkit',
          splitList(skip[1] ?? '').map((rule) => (rule === 'all' ? '*' : rule)),
        ),
        directive: true,
      };
  }
  if (kind === 'compose') {
    const dclint = /^dclint\s+(disable-file|disable-line|disable)\b(.*)$/.exec(comment);
    if (dclint) return { scope: dclint[1] === 'disable-line' ? 'next' : 'file', tokens: dclintTokens(dclint[2] ?? '') };
  }
  return undefined;
}

function dclintTokens(list: string): Set<string> {
  const rules = splitList(list);
  return prefixed('dclint', rules.length ? rules : ['*']);
}

function splitList(list: string): string[] {
  return list
    .split(/[\s,]+/)
    .map((item) => item.trim())
    .filter(Boolean);
}

function prefixed(tool: string, ids: readonly string[]): Set<string> {
  return new Set(ids.map((id) => `${tool}:${id}`));
}

type StatementAt = (line: number) => { first: number; last: number } | undefined;

/** The instruction at or after a line: a suppression covers all of its continuation lines. */
function dockerfileStatementAt(file: Extract<ContainerFile, { kind: 'dockerfile' }>): StatementAt {
  return (line) => {
    const range = instructionEndingAtOrAfter(file.dockerfile, line)?.getRange();
    return range && { first: range.start.line, last: range.end.line };
  };
}

/** The next line that is neither blank nor a comment. */
function yamlStatementAt(lines: readonly string[]): StatementAt {
  return (line) => {
    for (let index = line; index < lines.length; index++) {
      if (!/^\s*(#.*)?$/.test(lines[index] ?? '')) return { first: index, last: index };
    }
    return undefined;
  };
}

const KUBE_LINTER_CHECK = 'ignore-check.kube-linter.io/';
const POLARIS_EXEMPT = /^polaris\.fairwinds\.com\/(.+)-exempt$/;

/** Annotations that exempt one Kubernetes object from checks, applied to that object's lines. */
function annotationSuppressions(file: Extract<ContainerFile, { kind: 'kubernetes' }>): Suppression[] {
  const suppressions: Suppression[] = [];
  for (const manifest of file.manifests) {
    const annotations = mapAt(manifest.root, 'metadata', 'annotations');
    if (!isMap(annotations)) continue;
    const tokens = new Set<string>();
    for (const pair of annotations.items) {
      const key = isScalar(pair.key) ? String(pair.key.value) : '';
      const value = isScalar(pair.value) ? String(pair.value.value) : '';
      if (key.startsWith(KUBE_LINTER_CHECK)) tokens.add(`kube-linter:${key.slice(KUBE_LINTER_CHECK.length)}`);
      if (key === 'kube-linter.io/ignore-all') tokens.add('kube-linter:*');
      if (key === 'kube-score/ignore') for (const check of splitList(value)) tokens.add(`kube-score:${check}`);
      const polaris = POLARIS_EXEMPT.exec(key);
      if (polaris && value === 'true') tokens.add(`polaris:${polaris[1]}`);
      if (key === 'polaris.fairwinds.com/exempt' && value === 'true') tokens.add('polaris:*');
    }
    if (tokens.size === 0) continue;
    const range = manifest.document.rangeOfOffsets(0, manifest.document.text.length);
    suppressions.push({ lines: { first: range.start.line, last: range.end.line }, tokens });
  }
  return suppressions;
}
