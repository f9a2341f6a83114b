// The real-world corpus beside the repository (../shared/corpus) and seeded, randomly broken copies of its files:
// the files people are in the middle of typing.
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { repoRoot } from './cli';
import { seededRandom } from './random';

export const corpus = resolve(repoRoot, '../shared/corpus');

const DOCKERFILE_FRAGMENTS = [
  '"',
  "'",
  '`',
  '$',
  '${',
  '}',
  '(',
  '\\',
  '\\\n',
  '\n',
  '\r\n',
  '\t',
  ' ',
  '#',
  '<<EOF\n',
  'EOF',
  '|',
  '&&',
  ';',
  '[',
  ']',
  'FROM ',
  'RUN ',
  'COPY --from=',
  ' AS ',
  'ARG A=',
  'ONBUILD ',
  'USER ',
  ':latest',
  '@sha256:',
  '--mount=type=cache,target=/x ',
  'é',
  '😀',
];
const YAML_FRAGMENTS = [
  '"',
  "'",
  ':',
  ': ',
  '- ',
  '\n',
  '  ',
  '\t',
  '{',
  '}',
  '[',
  ']',
  '#',
  '&a ',
  '*a',
  '!!str ',
  '---\n',
  '|',
  '>',
  '? ',
  'image: ',
  'services:\n',
  'kind: Deployment\n',
  'resources:\n',
  '%',
  '@',
  'é',
];

/** The corpus folders, with how the editor names and detects their files and what mutations suit them. */
export const CORPUS_KINDS = [
  {
    folder: 'dockerfile',
    languageId: 'dockerfile',
    fileName: 'Dockerfile',
    syntaxRule: 'dockerfile/syntax',
    schemaRule: undefined,
    fragments: DOCKERFILE_FRAGMENTS,
  },
  {
    folder: 'compose',
    languageId: 'dockercompose',
    fileName: 'compose.yaml',
    syntaxRule: 'compose/syntax',
    schemaRule: 'compose/schema',
    fragments: YAML_FRAGMENTS,
  },
  { folder: 'k8s', languageId: 'yaml', fileName: 'manifest.yaml', syntaxRule: 'k8s/syntax', schemaRule: 'k8s/schema', fragments: YAML_FRAGMENTS },
] as const;

export type CorpusKind = (typeof CORPUS_KINDS)[number];

export interface CorpusFile {
  /** Relative to the corpus folder. */
  path: string;
  text: string;
}

/** A corpus folder's files, sorted, so that seeded mutants are the same whatever order the file system lists. */
export function corpusFiles(folder: string): CorpusFile[] {
  return readdirSync(folder, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name))
    .sort()
    .map((path) => ({ path: path.slice(corpus.length + 1), text: readFileSync(path, 'utf8') }));
}

export interface Mutant extends CorpusFile {
  /** Names the mutant in a failure: its number and the file it came from. */
  label: string;
}

/** `count` copies of random corpus files, each with one to eight fragments inserted over a few characters. */
export function mutants(kind: CorpusKind, files: readonly CorpusFile[], count: number): Mutant[] {
  const random = seededRandom(kind.folder.length);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
  return Array.from({ length: count }, (_, index) => {
    const { path, text } = pick(files);
    let mutated = text;
    for (let edit = 1 + Math.floor(random() * 8); edit > 0; edit--) {
      const at = Math.floor(random() * mutated.length);
      mutated = mutated.slice(0, at) + pick(kind.fragments) + mutated.slice(at + Math.floor(random() * 4));
    }
    return { label: `mutant ${index} of ${path}`, path, text: mutated };
  });
}
