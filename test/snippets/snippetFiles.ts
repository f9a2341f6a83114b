// The snippet files package.json contributes, read as VS Code reads them, and their expansion with defaults.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { type Expansion, expandSnippet } from './snippetSyntax';

export const ROOT = join(import.meta.dirname, '..', '..');

export interface Snippet {
  /** The languages package.json contributes the snippet's file for. */
  languages: string[];
  file: string;
  name: string;
  prefixes: string[];
  /** The body lines joined with `\n`, as VS Code joins them. */
  body: string;
  description: unknown;
  /** The raw entry, for shape checks. */
  raw: Record<string, unknown>;
}

export type SnippetFile = 'dockerfile' | 'compose' | 'kubernetes';

export interface ContributedFile {
  language: string;
  path: string;
}

export function contributedFiles(): ContributedFile[] {
  const manifest = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
  return manifest.contributes.snippets;
}

/** Each snippet once, with every language its file is contributed for. */
export function loadSnippets(): Snippet[] {
  const languagesOfFile = new Map<string, string[]>();
  for (const { language, path } of contributedFiles()) languagesOfFile.set(path, [...(languagesOfFile.get(path) ?? []), language]);
  return [...languagesOfFile].flatMap(([path, languages]) => {
    const entries: Record<string, Record<string, unknown>> = JSON.parse(readFileSync(join(ROOT, path), 'utf8'));
    return Object.entries(entries).map(([name, raw]) => ({
      languages,
      file: path,
      name,
      prefixes: typeof raw.prefix === 'string' ? [raw.prefix] : Array.isArray(raw.prefix) ? raw.prefix : [],
      body: Array.isArray(raw.body) ? raw.body.join('\n') : String(raw.body),
      description: raw.description,
      raw,
    }));
  });
}

/** What the editor would give its variables for a file `my-app/compose.yaml`; a snippet may use only these. */
export const VARIABLES: Readonly<Record<string, string>> = {
  TM_FILENAME: 'compose.yaml',
  TM_FILENAME_BASE: 'compose',
  TM_DIRECTORY: '/work/my-app',
  TM_FILEPATH: '/work/my-app/compose.yaml',
  RELATIVE_FILEPATH: 'compose.yaml',
  WORKSPACE_NAME: 'my-app',
  WORKSPACE_FOLDER: '/work/my-app',
  TM_SELECTED_TEXT: '',
  TM_CURRENT_LINE: '',
  TM_CURRENT_WORD: '',
  TM_LINE_INDEX: '0',
  TM_LINE_NUMBER: '1',
  CLIPBOARD: '',
  CURRENT_YEAR: '2026',
};

/**
 * The expansion with defaults (`alternative` 0) or with the `alternative`-th option of every choice (the last option
 * where a choice has fewer), so every option a choice offers is expanded by some alternative.
 */
export function expand(snippet: Snippet, alternative = 0): Expansion {
  return expandSnippet(snippet.body, {
    variables: VARIABLES,
    choose: (_index, choices) => choices[Math.min(alternative, choices.length - 1)],
  });
}

/** How many alternatives it takes to expand every option of every choice once. */
export function alternativeCount(snippet: Snippet): number {
  return Math.max(1, ...[...expand(snippet).choices.values()].map((choices) => choices.length));
}

export function snippetByPrefix(file: SnippetFile, prefix: string): Snippet {
  const found = loadSnippets().find((snippet) => snippet.file === `./snippets/${file}.json` && snippet.prefixes.includes(prefix));
  if (!found) throw new Error(`no snippet with prefix ${prefix} in snippets/${file}.json`);
  return found;
}
