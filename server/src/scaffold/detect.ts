import { parse as parseYaml } from 'yaml';
import { allImageEntries } from '../knowledge/images';
import { unsafeRelativePath } from './containment';
import type { DetectedPackage, Detection, PackageManager, ProjectReader, StackFacts } from './types';

/** Folders a monorepo keeps its packages in, looked through when the root has no workspace list. */
const PACKAGE_FOLDERS = ['apps', 'packages', 'services'];
const SKIPPED_FOLDERS = new Set(['node_modules', '.git', 'dist', 'build', 'target', 'vendor', '.venv']);

/** Detects the stack of a folder and of the packages below it (one level of a monorepo). */
export function detectProject(reader: ProjectReader, name: string): Detection {
  const facts = detectStack(reader, '', name);
  const packages = packageFolders(reader)
    .map((path): DetectedPackage | undefined => {
      const found = detectStack(reader, path, path.split('/').pop() ?? path);
      return found && { path, facts: found };
    })
    .filter((found): found is DetectedPackage => found !== undefined);
  return { facts: packages.length && facts?.stack === 'node' && isWorkspaceRoot(reader) ? undefined : facts, packages };
}

/** The stack of one folder (`''` is the root), undefined when no marker file is there. */
export function detectStack(reader: ProjectReader, folder: string, name: string): StackFacts | undefined {
  const at = (file: string) => (folder ? `${folder}/${file}` : file);
  const has = (file: string) => reader.readText(at(file)) !== undefined;
  const files = reader.list(folder);
  const base = { name: kubernetesName(name) };

  if (has('go.mod')) return { ...base, stack: 'go', packageManager: 'go', entry: goEntry(reader, at('cmd')) };
  if (has('pom.xml')) return { ...base, stack: 'java', packageManager: 'maven' };
  if (has('build.gradle') || has('build.gradle.kts')) return { ...base, stack: 'java', packageManager: 'gradle' };
  const projectFile = files.filter((file) => file.endsWith('.csproj')).sort()[0];
  if (projectFile) return { ...base, stack: 'dotnet', packageManager: 'dotnet', projectFile };
  if (has('Gemfile'))
    return {
      ...base,
      stack: 'ruby',
      packageManager: 'bundler',
      rails: has('config/application.rb') || /['"]rails['"]/.test(reader.readText(at('Gemfile')) ?? ''),
    };
  const python = pythonManager(has, reader.readText(at('pyproject.toml')));
  if (python) return { ...base, stack: 'python', packageManager: python, entry: ['main.py', 'app.py', 'manage.py'].find(has) };
  const packageJson = readJson(reader.readText(at('package.json')));
  if (packageJson) return nodeFacts(base.name, packageJson, has);
  if (has('index.html')) return { ...base, stack: 'static', packageManager: 'none' };
  return undefined;
}

function pythonManager(has: (file: string) => boolean, pyproject: string | undefined): PackageManager | undefined {
  if (has('uv.lock')) return 'uv';
  if (has('poetry.lock') || /^\[tool\.poetry\]/m.test(pyproject ?? '')) return 'poetry';
  if (has('requirements.txt')) return 'pip';
  return pyproject === undefined ? undefined : 'pip';
}

interface PackageJson {
  scripts?: Record<string, string>;
  main?: string;
  engines?: { node?: string };
  workspaces?: unknown;
  dependencies?: Record<string, string>;
}

function nodeFacts(name: string, packageJson: PackageJson, has: (file: string) => boolean): StackFacts {
  const hasBuildScript = typeof packageJson.scripts?.build === 'string';
  const serves = Object.keys(packageJson.dependencies ?? {}).some((dependency) =>
    /^(express|fastify|koa|@nestjs\/core|hono|next|@hapi\/hapi)$/.test(dependency),
  );
  // A site with a build step and no server is static: the build goes to dist/ and a web server serves it.
  if (hasBuildScript && !serves && !packageJson.main && has('index.html')) return { name, stack: 'static', packageManager: nodeManager(has), hasBuildScript };
  const packageManager = nodeManager(has);
  return {
    name,
    stack: 'node',
    packageManager,
    hasBuildScript,
    yarnBerry: packageManager === 'yarn' && has('.yarnrc.yml'),
    nodeMajor: supportedNodeMajor(packageJson.engines?.node),
    entry: packageJson.main ?? ['server.js', 'index.js', 'app.js'].find(has),
  };
}

function nodeManager(has: (file: string) => boolean): PackageManager {
  if (has('pnpm-lock.yaml')) return 'pnpm';
  if (has('yarn.lock')) return 'yarn';
  return 'npm';
}

/** The newest major of the image table that `engines.node` allows (`>=20`, `^22`, `22.x`, `20 || 22`). */
function supportedNodeMajor(range: string | undefined): string | undefined {
  if (!range) return undefined;
  const tags = allImageEntries().find((entry) => entry.match === 'node')?.tags ?? [];
  const allows = (major: number) =>
    range.split('||').some((part) => {
      const bounds = [...part.matchAll(/(>=|>|<=|<|\^|~|=)?\s*v?(\d+)/g)];
      if (bounds.length === 0) return false;
      return bounds.every(([, operator, version]) => {
        const bound = Number(version);
        if (operator === '>=') return major >= bound;
        if (operator === '>') return major > bound;
        if (operator === '<') return major < bound;
        if (operator === '<=') return major <= bound;
        return major === bound;
      });
    });
  return tags.find((tag) => allows(Number(tag)));
}

/** `cmd/<name>` when the module has exactly one command there. */
function goEntry(reader: ProjectReader, cmdFolder: string): string | undefined {
  const commands = reader.list(cmdFolder).filter((entry) => reader.list(`${cmdFolder}/${entry}`).some((file) => file.endsWith('.go')));
  return commands.length === 1 ? `./cmd/${commands[0]}` : undefined;
}

function isWorkspaceRoot(reader: ProjectReader): boolean {
  return reader.readText('pnpm-workspace.yaml') !== undefined || readJson(reader.readText('package.json'))?.workspaces !== undefined;
}

/** The folders of the workspace lists (npm/yarn `workspaces`, `pnpm-workspace.yaml`), else those under apps/, packages/, services/. */
function packageFolders(reader: ProjectReader): string[] {
  const workspaces = readJson(reader.readText('package.json'))?.workspaces;
  const pnpm = readPnpmPackages(reader.readText('pnpm-workspace.yaml'));
  const listed = Array.isArray(workspaces)
    ? workspaces
    : Array.isArray((workspaces as { packages?: unknown })?.packages)
      ? (workspaces as { packages: unknown[] }).packages
      : pnpm;
  // A package outside the folder (`../other`, `/srv/app`) would have the scaffolding write outside it: not offered.
  const patterns = listed.filter(
    (pattern): pattern is string => typeof pattern === 'string' && !pattern.startsWith('!') && unsafeRelativePath(pattern) === undefined,
  );
  const folders = patterns.length
    ? patterns.flatMap((pattern) => expandPattern(reader, pattern))
    : PACKAGE_FOLDERS.flatMap((parent) => children(reader, parent));
  return [...new Set(folders)].sort();
}

/** `packages/*` lists the folders under packages/; a pattern without `*` names a folder. */
function expandPattern(reader: ProjectReader, pattern: string): string[] {
  const clean = pattern.replace(/^\.\//, '').replace(/\/+$/, '');
  const star = clean.indexOf('*');
  if (star === -1) return [clean];
  return children(reader, clean.slice(0, star).replace(/\/$/, ''));
}

function children(reader: ProjectReader, parent: string): string[] {
  return reader
    .list(parent)
    .filter((entry) => !SKIPPED_FOLDERS.has(entry) && !entry.startsWith('.') && reader.list(`${parent}/${entry}`).length > 0)
    .map((entry) => `${parent}/${entry}`);
}

function readPnpmPackages(text: string | undefined): unknown[] {
  if (text === undefined) return [];
  try {
    const parsed = parseYaml(text) as { packages?: unknown } | null;
    return Array.isArray(parsed?.packages) ? parsed.packages : [];
  } catch {
    return [];
  }
}

function readJson(text: string | undefined): PackageJson | undefined {
  if (text === undefined) return undefined;
  try {
    const parsed: unknown = JSON.parse(text);
    return parsed && typeof parsed === 'object' && !Array.isArray(parsed) ? (parsed as PackageJson) : undefined;
  } catch {
    return undefined;
  }
}

/** A DNS-1123 label (Kubernetes names, Compose service names, image names): lower case, digits and `-`. */
export function kubernetesName(name: string): string {
  const cleaned = name
    .toLowerCase()
    .replace(/[^a-z0-9-]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 63)
    .replace(/-+$/, '');
  return cleaned || 'app';
}
