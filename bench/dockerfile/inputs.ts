// The benchmark's inputs: a large multi-stage Dockerfile stitched from the real-world corpus, a typical small one,
// and the realistic edits replayed on them.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Range, TextDocumentContentChangeEvent } from 'vscode-languageserver-protocol';

export interface BenchInput {
  name: string;
  text: string;
  lines: number;
  /** Where the text came from, for the JSON record. */
  origin: string[];
}

/** A typical small Dockerfile: a multi-stage Node.js app. */
export const SMALL_DOCKERFILE = `# syntax=docker/dockerfile:1
FROM node:20-bookworm-slim AS deps
WORKDIR /app
RUN apt-get update \\
    && apt-get install -y --no-install-recommends python3 make g++ \\
    && rm -rf /var/lib/apt/lists/*
COPY package.json package-lock.json ./
RUN npm ci --omit=dev

FROM node:20-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci
COPY . .
RUN npm run build && npm prune --omit=dev

FROM node:20-bookworm-slim
ENV NODE_ENV=production
WORKDIR /app
RUN apt-get update && apt-get install -y --no-install-recommends tini && rm -rf /var/lib/apt/lists/*
COPY --from=deps /app/node_modules ./node_modules
COPY --from=build /app/dist ./dist
USER node
EXPOSE 3000
HEALTHCHECK CMD node dist/healthcheck.js
ENTRYPOINT ["tini", "--"]
CMD ["node", "dist/server.js"]
`;

export function smallInput(): BenchInput {
  return { name: 'small', text: SMALL_DOCKERFILE, lines: countLines(SMALL_DOCKERFILE), origin: ['inline (bench/dockerfile/inputs.ts)'] };
}

const FROM_LINE = /^\s*FROM\s/im;
const FROM_LINES = /^\s*FROM\s/gim;
const STAGE_NAME = /^\s*FROM\s+(?:--\S+\s+)*\S+\s+AS\s+([A-Za-z0-9_.-]+)\s*$/gim;

/**
 * About `targetLines` lines of real Dockerfiles, concatenated: each one's FROM starts new stages. Files are taken
 * round-robin over the corpus's repositories (sorted), so the result mixes projects, and deterministically; a file
 * is skipped when it would overshoot the target. Stage references are rewritten so the result stays a valid build
 * (see renumberStages). Returns undefined when the corpus is absent.
 */
export function largeInput(corpusDir: string, targetLines: number): BenchInput | undefined {
  if (!existsSync(corpusDir)) return undefined;
  const repos = readdirSync(corpusDir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort();
  const queues = repos.map((repo) =>
    readdirSync(join(corpusDir, repo))
      .sort()
      .map((file) => join(repo, file)),
  );
  const parts: string[] = [];
  const origin: string[] = [];
  let lines = 0;
  let stages = 0;
  for (let round = 0; queues.some((queue) => round < queue.length) && lines < targetLines; round++) {
    for (const queue of queues) {
      const file = queue[round];
      if (file === undefined) continue;
      const text = readFileSync(join(corpusDir, file), 'utf8');
      if (!FROM_LINE.test(text)) continue;
      const part = `# ---- ${file} ----\n${renumberStages(text, `-f${origin.length + 1}`, stages).trimEnd()}\n\n`;
      const partLines = countLines(part);
      if (lines + partLines > targetLines) continue;
      parts.push(part);
      stages += (part.match(FROM_LINES) ?? []).length;
      origin.push(file);
      lines += partLines;
    }
  }
  const text = parts.join('');
  return { name: 'large', text, lines: countLines(text), origin };
}

/**
 * Keeps a file's stage references pointing at its own stages once it follows `stagesBefore` others: stage names get
 * `suffix` (no duplicate names), numeric `--from=<index>` references are shifted.
 */
function renumberStages(text: string, suffix: string, stagesBefore: number): string {
  const names = [...text.matchAll(STAGE_NAME)].map((match) => match[1] as string);
  let result = text.replace(/([-,]from=)(\d+)(?=[\s,]|$)/gim, (_, prefix: string, index: string) => `${prefix}${Number(index) + stagesBefore}`);
  for (const name of new Set(names)) {
    const escaped = name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    // `AS name`, `FROM name`, `--from=name` and `--mount=...,from=name`.
    result = result
      .replace(new RegExp(`(\\sAS\\s+)${escaped}(?=\\s*$)`, 'gim'), `$1${name}${suffix}`)
      .replace(new RegExp(`^(\\s*FROM\\s+(?:--\\S+\\s+)*)${escaped}(?=\\s|$)`, 'gim'), `$1${name}${suffix}`)
      .replace(new RegExp(`([-,]from=)${escaped}(?=[\\s,]|$)`, 'gim'), `$1${name}${suffix}`);
  }
  return result;
}

export function countLines(text: string): number {
  return text.split('\n').length - (text.endsWith('\n') ? 1 : 0);
}

/**
 * A cycle of four small edits, each changing the text from the previous state: type a character at the end of a
 * RUN line, delete it again, change a FROM tag to `latest`, change it back. Applied in order, the text returns to
 * the original every four edits. The RUN line is the first one from the middle of the file on.
 */
export function editCycle(text: string): TextDocumentContentChangeEvent[] {
  const lines = text.split('\n');
  const middle = Math.floor(lines.length / 2);
  const runLine = firstIndex(lines, middle, (line) => /^\s*RUN\s+\S/i.test(line));
  if (runLine === undefined) throw new Error('the input has no RUN line to edit');
  const runText = lines[runLine] as string;
  // Before a trailing line continuation, else at the end of the line.
  const runColumn = runText.replace(/\s*\\\s*$/, '').trimEnd().length;
  const at = (line: number, character: number) => ({ line, character });
  const range = (line: number, start: number, end: number): Range => ({ start: at(line, start), end: at(line, end) });
  const edits: TextDocumentContentChangeEvent[] = [
    { range: range(runLine, runColumn, runColumn), text: 'x' },
    { range: range(runLine, runColumn, runColumn + 1), text: '' },
  ];

  const tagged = /^(\s*FROM\s+(?:--\S+\s+)*[a-z0-9][\w./-]*:)([\w][\w.-]*)(?=\s|$)/i;
  const fromLine = firstIndex(lines, middle, (line) => tagged.test(line) && !/:latest\b/i.test(line));
  if (fromLine !== undefined) {
    const match = tagged.exec(lines[fromLine] as string) as RegExpExecArray;
    const start = (match[1] as string).length;
    const tag = match[2] as string;
    edits.push({ range: range(fromLine, start, start + tag.length), text: 'latest' }, { range: range(fromLine, start, start + 'latest'.length), text: tag });
  }
  return edits;
}

/** The first line index from `from` on (wrapping around) that satisfies `test`. */
function firstIndex(lines: readonly string[], from: number, test: (line: string) => boolean): number | undefined {
  for (let offset = 0; offset < lines.length; offset++) {
    const index = (from + offset) % lines.length;
    if (test(lines[index] as string)) return index;
  }
  return undefined;
}
