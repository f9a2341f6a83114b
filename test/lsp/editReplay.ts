// Random incremental edits replayed over JSON-RPC against the bundled server, each checked against a fresh in-process
// parse and lint of the text the client holds. Used by test/lsp/incrementalSync.test.ts (a seeded subset) and by
// scripts/replayEdits.ts (the long run).
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Diagnostic, DocumentSymbol, Range, SymbolInformation, TextDocumentContentChangeEvent } from 'vscode-languageserver-protocol/node';
import { readSettings } from '../../server/src/engine/readConfig';
import { Linter } from '../../server/src/engine/linter';
import { SETTINGS_SECTION } from '../../server/src/protocol';
import { rules } from '../../server/src/rules';
import { toDiagnostic } from '../../server/src/service/diagnostics';
import { ruleDocsLinks } from '../../server/src/service/ruleDocs';
import { documentSymbols } from '../../server/src/service/symbols';
import { Workspace } from '../../server/src/workspace/workspace';
import { seededRandom } from '../helpers/random';
import type { LspClient } from './lspClient';
import { RULES_MD } from './samples';
import { applyChange, lineStarts, positionAt } from './textModel';

const repoRoot = join(__dirname, '..', '..');
const example = (path: string) => readFileSync(join(repoRoot, 'examples', path), 'utf8');

const SERVICE = ['apiVersion: v1', 'kind: Service', 'metadata:', '  name: app', 'spec:', '  selector:', '    app: app', '  ports:', '    - port: 80', ''].join(
  '\n',
);
const CONFIG_MAP = ['apiVersion: v1', 'kind: ConfigMap', 'metadata:', '  name: settings', 'data:', '  mode: production', ''].join('\n');

export interface EditedDocument {
  fileName: string;
  languageId: string;
  seed: string;
  /** Pieces typed or pasted in, besides the characters every kind shares. */
  fragments: readonly string[];
}

/** Dockerfile, compose and Kubernetes documents (one of them several YAML documents), with pieces of their syntax. */
export const EDITED_DOCUMENTS: readonly EditedDocument[] = [
  {
    fileName: 'Dockerfile',
    languageId: 'dockerfile',
    seed: example('seed/Dockerfile'),
    fragments: [
      'FROM node:latest AS build\n',
      'RUN apt-get update && apt-get install -y curl\n',
      'COPY . .\n',
      'USER node\n',
      'USER root\n',
      ' \\\n    ',
      'RUN <<EOF\nset -e\necho hi\nEOF\n',
      '# syntax=docker/dockerfile:1\n',
      '# escape=`\n',
      'ENV A=1 B="two words"\n',
      'ARG VERSION=1\n',
      '${VERSION}',
      'CMD ["node", "server.js"]\n',
      'CMD node server.js\n',
      'HEALTHCHECK CMD curl -f http://localhost/ || exit 1\n',
      'EXPOSE 80/tcp\n',
      'WORKDIR app\n',
      'ONBUILD ',
      '"',
      "'",
      '[',
    ],
  },
  {
    fileName: 'docker-compose.yml',
    languageId: 'dockercompose',
    seed: example('seed/docker-compose.yml'),
    fragments: [
      '  web:\n    image: nginx:latest\n',
      '    privileged: true\n',
      '    ports:\n      - 8080:80\n',
      '    build: ./app\n',
      '    depends_on: [database]\n',
      'x-common: &common\n  restart: always\n',
      '    <<: *common\n',
      '*common',
      '&anchor ',
      '\n---\n',
      'include:\n  - other.yaml\n',
      '{',
      '}',
      '[',
      ']',
      ': ',
      '- ',
      '"',
      "'",
      '${TAG:-latest}',
    ],
  },
  {
    fileName: 'manifests.yaml',
    languageId: 'yaml',
    seed: [example('seed/k8s/deployment.yaml'), SERVICE, CONFIG_MAP].join('---\n'),
    fragments: [
      '---\n',
      '\n---\n',
      '...\n',
      CONFIG_MAP,
      'apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  containers:\n    - name: c\n      image: busybox\n',
      '          securityContext:\n            privileged: true\n',
      '          resources: {}\n',
      '  replicas: 1\n',
      'hostNetwork: true\n',
      '{name: x',
      '}',
      '[',
      ']',
      ': ',
      '- ',
      '"',
      "'",
      '&a ',
      '*a',
      '%YAML 1.2\n',
    ],
  },
];

/** What every kind gets typed into it: letters, indentation, line breaks of every style, non-ASCII and astral characters. */
const SHARED_FRAGMENTS = ['a', 'Z', '0', ' ', '  ', '\t', '\n', '\r\n', '\r', '#', ':', '=', '-', '\\', '$', 'é', 'ß', '日本', '🐳', '𝒳', '\u00a0', '\u2028'];

/** The client's text and the changes it sent, kept small so that a failure shows what led to it. */
export interface ReplayFailure {
  edit: number;
  changes: TextDocumentContentChangeEvent[];
  text: string;
  message: string;
}

export interface ReplayOptions {
  seed: number;
  edits: number;
  /** Compare the symbols after every edit, the diagnostics after every `diagnosticsEvery`th and the last. */
  diagnosticsEvery?: number;
}

/**
 * Opens the document, replays `edits` random changes and after each asks the server for the outline; the outline and
 * the last published diagnostics (for the last version) must equal those of a fresh parse and lint of the client's
 * text in this process. Throws on the first difference, with the edit that led to it.
 */
export async function replayEdits(client: LspClient, document: EditedDocument, { seed, edits, diagnosticsEvery = 1 }: ReplayOptions): Promise<void> {
  const random = seededRandom(seed);
  const publishedBefore = client.publishedVersions(client.uriOf(document.fileName)).length;
  const uri = await client.open(document.fileName, document.languageId, document.seed);
  const oracle = new Oracle(uri, document.languageId);
  for (let edit = 1; edit <= edits; edit++) {
    const changes = randomChanges(random, client.text(uri), document);
    await client.changeRanges(uri, changes);
    const text = client.text(uri);
    try {
      const serverSymbols = await client.documentSymbols(uri);
      assert.deepEqual(serverSymbols, oracle.symbols(text), 'the outline differs from that of a fresh parse of the client’s text');
      if (edit % diagnosticsEvery === 0 || edit === edits) {
        const diagnostics = await client.publishedFor(uri, client.version(uri));
        assert.deepEqual(diagnostics, oracle.diagnostics(text), 'the diagnostics differ from a fresh lint of the client’s text');
      }
    } catch (error) {
      const failure: ReplayFailure = { edit, changes, text, message: error instanceof Error ? error.message : String(error) };
      throw new Error(`${document.fileName}, seed ${seed}, edit ${edit}: ${JSON.stringify(failure, null, 2)}`);
    }
  }
  // Nothing published later for an earlier version: a request answered after every change proves all were handled.
  await client.documentSymbols(uri);
  const versions = client.publishedVersions(uri).slice(publishedBefore);
  assert.deepEqual(
    versions,
    [...versions].sort((a, b) => (a ?? 0) - (b ?? 0)),
    'diagnostics were published for a version after a later one',
  );
  assert.equal(versions.at(-1), client.version(uri), 'the last diagnostics published are for the last version');
  await client.close(uri);
  await client.documentSymbols(uri);
  assert.deepEqual(await client.published(uri), [], 'diagnostics are left after close');
}

/** A fresh workspace per check, so that nothing of a previous parse or lint is re-used. */
class Oracle {
  private readonly config = readSettings(null, SETTINGS_SECTION, rules).config;
  private readonly ruleDocs = ruleDocsLinks(undefined, RULES_MD);

  constructor(
    private readonly uri: string,
    private readonly languageId: string,
  ) {}

  symbols(text: string): DocumentSymbol[] | SymbolInformation[] {
    return JSON.parse(JSON.stringify(documentSymbols(this.workspace(text).get(this.uri))));
  }

  diagnostics(text: string): Diagnostic[] {
    const workspace = this.workspace(text);
    const result = new Linter(workspace, rules).lint(this.uri, this.config);
    return JSON.parse(JSON.stringify(result?.findings.map((finding) => toDiagnostic(finding, this.ruleDocs)) ?? []));
  }

  private workspace(text: string): Workspace {
    const workspace = new Workspace();
    workspace.open(this.uri, text, this.languageId);
    return workspace;
  }
}

/** One to three changes, each applying to the text the previous one left (as LSP says). */
function randomChanges(random: () => number, text: string, document: EditedDocument): TextDocumentContentChangeEvent[] {
  const count = random() < 0.85 ? 1 : 2 + Math.floor(random() * 2);
  const changes: TextDocumentContentChangeEvent[] = [];
  let current = text;
  for (let index = 0; index < count; index++) {
    const change = randomChange(random, current, document);
    changes.push(change);
    current = applyChange(current, change);
  }
  return changes;
}

/**
 * Mostly typing (a character or a piece inserted, one deleted), else ranges replaced or deleted across lines, lines
 * duplicated, the whole text reset to the seed (as a range or without one); the text is kept between a tenth and four
 * times the seed's size so that edits keep meeting structure.
 */
function randomChange(random: () => number, text: string, document: EditedDocument): TextDocumentContentChangeEvent {
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;
  const fragment = () => (random() < 0.5 ? pick(SHARED_FRAGMENTS) : pick(document.fragments));
  const starts = lineStarts(text);
  const offset = () => safeOffset(text, Math.floor(random() * (text.length + 1)));
  const range = (from: number, to: number): Range => ({ start: positionAt(starts, from), end: positionAt(starts, to) });
  const roll = random();
  if (roll < 0.01) return { text: document.seed };
  if (roll < 0.02 || text.length > 4 * document.seed.length) return { range: range(0, text.length), text: document.seed };
  if (roll < 0.45 || text.length < document.seed.length / 10) {
    const at = offset();
    return { range: range(at, at), text: fragment() };
  }
  if (roll < 0.7) {
    const start = offset();
    const end = safeOffset(text, Math.min(text.length, start + 1 + Math.floor(random() * 3)));
    return { range: range(start, end), text: '' };
  }
  if (roll < 0.85) {
    const start = offset();
    const end = safeOffset(text, Math.min(text.length, start + Math.floor(random() * 200)));
    return { range: range(start, end), text: random() < 0.5 ? '' : fragment() };
  }
  if (roll < 0.93) {
    const line = Math.floor(random() * starts.length);
    const lineText = text.slice(starts[line], starts[line + 1] ?? text.length);
    return { range: range(starts[line] ?? 0, starts[line] ?? 0), text: lineText.endsWith('\n') ? lineText : `${lineText}\n` };
  }
  // A position past the end of its line, or past the last line, as a client may send: the end of the line it names.
  const line = Math.floor(random() * (starts.length + 1));
  const position = { line, character: 1_000 };
  return { range: { start: position, end: position }, text: fragment() };
}

/**
 * Editors never put a position between the halves of a surrogate pair or of a `\r\n`: such an offset moves back
 * before it.
 */
function safeOffset(text: string, offset: number): number {
  const code = text.charCodeAt(offset);
  const before = text.charCodeAt(offset - 1);
  if (code >= 0xdc00 && code <= 0xdfff && before >= 0xd800 && before <= 0xdbff) return offset - 1;
  if (code === 10 && before === 13) return offset - 1;
  return offset;
}
