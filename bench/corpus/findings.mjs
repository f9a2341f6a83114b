// Findings per rule over the real-world corpus (../shared/corpus), for before/after comparisons of precision work.
// Usage: node bench/corpus/findings.mjs [dockerfile|compose|k8s] [--json out.json] [--repo-layout]   (after `node esbuild.mjs`)
// Each corpus file is copied under a name the CLI detects (its kind comes from its corpus folder), one folder per
// repository so that cross-file rules see the repository's other files, then linted with `lint --format json`.
// --repo-layout puts each file at its path in its repository (from SOURCES.tsv), so that rules reading the path
// (a `.devcontainer` folder) see what they would in the repository; the repositories' other files, such as their
// .dockerignore, are still absent.
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join, resolve } from 'node:path';

const root = resolve(import.meta.dirname, '../..');
const corpus = resolve(root, '../shared/corpus');
const args = process.argv.slice(2);
const jsonAt = args.indexOf('--json');
const jsonPath = jsonAt >= 0 ? resolve(args[jsonAt + 1]) : undefined;
const kind = args.find((arg, index) => !arg.startsWith('--') && index !== jsonAt + 1) ?? 'dockerfile';
const repoLayout = args.includes('--repo-layout');
const detectableName = {
  dockerfile: (name) => `${name}.Dockerfile`,
  compose: (name) => `compose-${name.replace(/\.ya?ml$/, '')}.yaml`,
  k8s: (name) => (/\.ya?ml$/.test(name) ? name : `${name}.yaml`),
};
if (!existsSync(corpus)) {
  console.error(`No corpus at ${corpus}: this script needs the shared workspace.`);
  process.exit(1);
}
/** corpus path (`dockerfile/<repository>/<name>`) → path in its repository. */
const pathsInRepositories = new Map(
  readFileSync(join(corpus, 'SOURCES.tsv'), 'utf8')
    .split('\n')
    .slice(1)
    .filter(Boolean)
    .map((line) => line.split('\t'))
    .map(([, corpusPath, , pathInRepository]) => [corpusPath, pathInRepository]),
);
const detectable = (path) => (/^(?:Dockerfile|Containerfile)|\.(?:Dockerfile|Containerfile)$/i.test(basename(path)) ? path : detectableName[kind](path));
const folder = mkdtempSync(join(tmpdir(), 'container-standards-corpus-'));
try {
  for (const repository of readdirSync(join(corpus, kind))) {
    mkdirSync(join(folder, repository));
    for (const entry of readdirSync(join(corpus, kind, repository), { recursive: true, withFileTypes: true })) {
      if (!entry.isFile()) continue;
      const source = join(entry.parentPath, entry.name);
      const name = source.slice(join(corpus, kind, repository).length + 1);
      const inRepository = repoLayout && pathsInRepositories.get(`${kind}/${repository}/${name}`);
      const target = inRepository
        ? join(folder, repository, detectable(inRepository))
        : join(folder, repository, detectableName[kind](name.replaceAll('/', '_')));
      mkdirSync(dirname(target), { recursive: true });
      copyFileSync(source, target);
    }
  }
  const run = spawnSync(process.execPath, [join(root, 'dist/cli/main.js'), 'lint', '--format', 'json', '.'], {
    cwd: folder,
    encoding: 'utf8',
    maxBuffer: 1 << 30,
  });
  const report = JSON.parse(run.stdout);
  const perRule = new Map();
  for (const file of report.files)
    for (const { rule, severity } of file.diagnostics) {
      const key = `${rule} ${severity}`;
      perRule.set(key, (perRule.get(key) ?? 0) + 1);
    }
  const total = [...perRule.values()].reduce((sum, count) => sum + count, 0);
  console.log(`${report.files.length} ${kind} files, ${total} findings`);
  for (const [key, count] of [...perRule].sort((a, b) => b[1] - a[1])) console.log(`${String(count).padStart(6)}  ${key}`);
  if (jsonPath) writeFileSync(jsonPath, `${JSON.stringify(report, null, 1)}\n`);
} finally {
  rmSync(folder, { recursive: true, force: true });
}
