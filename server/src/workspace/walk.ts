import { type Dirent, existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import ignore, { type Ignore } from 'ignore';
import { isTaskDefinitionName, kindByName, mentionsContainerDefinitions } from '../parsing/documentKind';
import { isBuildConfigName } from './buildConfigs';

const SKIPPED_FOLDERS = new Set(['.git', 'node_modules']);

export function toPosixPath(path: string): string {
  return path.split('\\').join('/');
}

interface IgnoreScope {
  folder: string;
  rules: Ignore;
}

/**
 * Every candidate container file under a folder, with the build configs that say which images the workspace
 * builds (skaffold, kustomize), skipping .git, node_modules and what .gitignore files exclude, those of the folders
 * above it up to the repository root included (as git applies them).
 */
export function walkContainerFiles(folder: string): Generator<string> {
  return walk(folder, ancestorScopes(folder));
}

/** The .gitignore scopes of a folder's ancestors, outermost first, when the folder lies in a git work tree. */
function ancestorScopes(folder: string): IgnoreScope[] {
  const ancestors: string[] = [];
  for (let current = dirname(folder); ; current = dirname(current)) {
    ancestors.unshift(current);
    if (existsSync(join(current, '.git'))) break;
    if (dirname(current) === current) return [];
  }
  if (existsSync(join(folder, '.git'))) return [];
  return ancestors.flatMap((ancestor) => {
    const rules = readGitignore(ancestor);
    return rules ? [{ folder: ancestor, rules }] : [];
  });
}

function* walk(folder: string, scopes: readonly IgnoreScope[]): Generator<string> {
  const gitignore = readGitignore(folder);
  const active = gitignore ? [...scopes, { folder, rules: gitignore }] : scopes;
  let entries: Dirent[];
  try {
    entries = readdirSync(folder, { withFileTypes: true });
  } catch {
    return;
  }
  for (const entry of entries.sort((a, b) => a.name.localeCompare(b.name))) {
    const path = join(folder, entry.name);
    const isDirectory = entry.isDirectory();
    if (isDirectory && SKIPPED_FOLDERS.has(entry.name)) continue;
    if (isIgnored(path, isDirectory, active)) continue;
    if (isDirectory) yield* walk(path, active);
    else if (entry.isFile() && isCandidateFile(path)) yield path;
  }
}

/** Larger JSON files are data (lock files, fixtures), not task definitions, and are not read to find out. */
const MAX_TASK_DEFINITION_BYTES = 1024 * 1024;

/**
 * Whether a file on disk may be a container file: by its name, or for JSON (package.json, tsconfig.json… are not)
 * only when it is named as a task definition or mentions `containerDefinitions`.
 */
export function isCandidateFile(path: string): boolean {
  const kind = kindByName(path);
  if (kind === 'json') return isTaskDefinitionName(path) || mayHoldTaskDefinition(path);
  return kind !== 'unknown' || isBuildConfigName(path);
}

function mayHoldTaskDefinition(path: string): boolean {
  try {
    const size = statSync(path).size;
    return size <= MAX_TASK_DEFINITION_BYTES && mentionsContainerDefinitions(readFileSync(path, 'utf8'));
  } catch {
    return false;
  }
}

function readGitignore(folder: string): Ignore | undefined {
  try {
    return ignore().add(readFileSync(join(folder, '.gitignore'), 'utf8'));
  } catch {
    return undefined;
  }
}

function isIgnored(path: string, isDirectory: boolean, scopes: readonly IgnoreScope[]): boolean {
  return scopes.some((scope) => {
    const relativePath = toPosixPath(relative(scope.folder, path));
    return scope.rules.ignores(isDirectory ? `${relativePath}/` : relativePath);
  });
}
