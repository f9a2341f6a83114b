// Inputs built to exhaust the engine: huge files and lines, what never ends (heredocs, continuations), alias bombs,
// deep nesting, thousands of documents, binary data, include cycles and symlink loops. Each is generated here (none
// is committed), linted through the Linter as the CLI and the server do, and must end within 2 s of CPU with
// bounded memory, with findings that name what was not checked, or none; never a crash.
import assert from 'node:assert/strict';
import { symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { discoverTargets } from '../../server/src/cli/discover';
import type { Finding } from '../../server/src/engine/lint';
import { Linter } from '../../server/src/engine/linter';
import { MAX_CHECKED_DOCUMENTS, MAX_CHECKED_LENGTH } from '../../server/src/parsing/sizeLimits';
import { rules } from '../../server/src/rules';
import { pathToUri } from '../../server/src/workspace/uri';
import { Workspace } from '../../server/src/workspace/workspace';
import { tempFolder } from '../helpers/cli';
import { violations } from '../helpers/engineFuzz';
import { seededRandom } from '../helpers/random';

const CPU_LIMIT_MS = 2_000;
/** How much the process's peak resident memory may grow while one input is linted. */
const MEMORY_LIMIT_MB = 256;

interface Pathological {
  what: string;
  files: () => Readonly<Record<string, string>>;
  /** The files linted (the first file by default), with how the editor names their language. */
  lint?: readonly string[];
  /** Findings each linted file must include (`rule messageId-fragment`), or 'nothing' for none beyond the usual. */
  expect: readonly string[];
}

const languageIdOf = (path: string) =>
  path.endsWith('Dockerfile') ? 'dockerfile' : path.startsWith('compose') ? 'dockercompose' : path.endsWith('.json') ? 'json' : 'yaml';

const STAGE = 'FROM node:22-alpine AS build\nWORKDIR /app\nCOPY package.json ./\nRUN npm ci && \\\n    npm run build\nENV A=1 B=$A\nUSER node\n';
const repeatTo = (unit: string, length: number) => unit.repeat(Math.ceil(length / unit.length));

/** Nine levels of nine aliases: 9^9 (387 million) strings once expanded. */
function billionLaughs(indent: string): string {
  const names = 'abcdefghi';
  const lines = [`${indent}a: &a ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]`];
  for (let level = 1; level < names.length; level++) {
    const alias = `*${names[level - 1]}`;
    lines.push(`${indent}${names[level]}: &${names[level]} [${Array(9).fill(alias).join(', ')}]`);
  }
  return lines.join('\n');
}

/** Seeded random bytes, read as the editor reads a file it takes for UTF-8 (invalid sequences become U+FFFD). */
function binary(length: number, seed: number): string {
  const random = seededRandom(seed);
  return Buffer.from(Array.from({ length }, () => Math.floor(random() * 256))).toString('utf8');
}

const PATHOLOGICAL: Pathological[] = [
  {
    what: 'a 5 MB Dockerfile',
    files: () => ({ Dockerfile: repeatTo(STAGE, 5 * 1024 * 1024) }),
    expect: ['dockerfile/syntax uncheckedLength'],
  },
  {
    what: 'a Dockerfile with a 300,000-character line',
    files: () => ({ Dockerfile: `FROM alpine:3.22\nRUN echo ${'a'.repeat(300_000)}\n` }),
    expect: ['dockerfile/syntax uncheckedLength'],
  },
  {
    what: 'a compose file with a line just under the size checked',
    files: () => ({ 'compose.yaml': `name: app\nservices:\n  web:\n    image: nginx:1.27\n    command: echo ${'a'.repeat(MAX_CHECKED_LENGTH - 100)}\n` }),
    expect: ['compose/missing-resource-limits'],
  },
  {
    what: 'a manifest with a line just under the size checked',
    files: () => ({
      'pod.yaml': `apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\n  annotations:\n    a: ${'a'.repeat(MAX_CHECKED_LENGTH - 100)}\nspec:\n  containers: []\n`,
    }),
    expect: [],
  },
  {
    what: 'a here-document that is never closed, over 20,000 lines',
    files: () => ({ Dockerfile: `FROM alpine:3.22\nRUN <<EOF\n${'echo hello\n'.repeat(20_000)}` }),
    expect: ['dockerfile/syntax unterminatedHeredoc'],
  },
  {
    what: '20,000 line continuations',
    files: () => ({ Dockerfile: `FROM alpine:3.22\nRUN echo \\\n${'  a \\\n'.repeat(20_000)}  end\n` }),
    expect: ['dockerfile/no-user'],
  },
  {
    what: 'a RUN whose command substitutions nest 5,000 deep',
    files: () => ({ Dockerfile: `FROM alpine:3.22\nRUN ${'$('.repeat(5_000)}${')'.repeat(5_000)}\n` }),
    expect: ['dockerfile/no-user'],
  },
  {
    what: 'a YAML alias bomb (billion laughs) in a compose file',
    files: () => ({ 'compose.yaml': `name: app\n${billionLaughs('x-')}\nservices:\n  web:\n    image: nginx:1.27\n    command: *i\n` }),
    expect: ['compose/schema tooManyAliases'],
  },
  {
    what: 'a YAML alias bomb (billion laughs) in a manifest',
    files: () => ({ 'pod.yaml': `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: lol\ndata:\n${billionLaughs('  ')}\n` }),
    expect: ['k8s/schema tooManyAliases'],
  },
  {
    what: 'flow collections nested 5,000 deep in a compose file',
    files: () => ({ 'compose.yaml': `services:\n  web:\n    image: nginx:1.27\n    labels: ${'['.repeat(5_000)}${']'.repeat(5_000)}\n` }),
    expect: ['compose/syntax yaml'],
  },
  {
    what: 'mappings nested 5,000 deep in a manifest',
    files: () => ({ 'pod.yaml': `apiVersion: v1\nkind: Pod\nmetadata: {name: web}\nspec: ${'{a: '.repeat(5_000)}1${'}'.repeat(5_000)}\n` }),
    expect: ['k8s/syntax yaml'],
  },
  {
    what: 'block mappings nested 700 deep in a manifest',
    files: () => ({
      'pod.yaml': `apiVersion: v1\nkind: Pod\nmetadata: {name: web}\nspec:\n${Array.from({ length: 700 }, (_, depth) => `${' '.repeat(depth + 1)}a:`).join('\n')} 1\n`,
    }),
    expect: ['k8s/schema'],
  },
  {
    what: 'block mappings nested 5,000 deep in a manifest (12 MB of indentation)',
    files: () => ({
      'pod.yaml': `apiVersion: v1\nkind: Pod\nmetadata: {name: web}\nspec:\n${Array.from({ length: 5_000 }, (_, depth) => `${' '.repeat(depth + 1)}a:`).join('\n')} 1\n`,
    }),
    expect: ['k8s/syntax uncheckedLength'],
  },
  {
    what: 'arrays nested 5,000 deep in an ECS task definition',
    files: () => ({ 'task-definition.json': `{"containerDefinitions": [${'['.repeat(5_000)}${']'.repeat(5_000)}]}` }),
    expect: ['ecs/syntax json'],
  },
  {
    what: '20,000 documents in a manifest file',
    files: () => ({
      'all.yaml': Array.from({ length: 20_000 }, (_, index) => `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c${index}\ndata:\n  k: v\n`).join('---\n'),
    }),
    expect: ['k8s/syntax uncheckedLength'],
  },
  {
    what: `${MAX_CHECKED_DOCUMENTS + 1} small documents in a manifest file`,
    files: () => ({
      'all.yaml': Array.from({ length: MAX_CHECKED_DOCUMENTS + 1 }, (_, index) => `apiVersion: v1\nkind: List\nitems: [${index}]\n`).join('---\n'),
    }),
    expect: ['k8s/syntax uncheckedDocuments'],
  },
  {
    what: '20,000 documents in a compose file',
    files: () => ({ 'compose.yaml': `services:\n  web:\n    image: nginx:1.27\n${'---\n'.repeat(20_000)}` }),
    expect: ['compose/syntax uncheckedDocuments'],
  },
  ...['Dockerfile', 'compose.yaml', 'deployment.yaml', 'task-definition.json', 'render.yaml', 'railway.json'].map(
    (name, index): Pathological => ({
      what: `64 KB of random bytes named ${name}`,
      files: () => ({ [name]: binary(64 * 1024, index + 1) }),
      expect: [],
    }),
  ),
  {
    what: 'compose files that include each other, and services that extend each other',
    files: () => ({
      'compose.yaml':
        'name: app\ninclude:\n  - other.yaml\nservices:\n  web:\n    extends: {service: web}\n  a:\n    extends: {service: b}\n  b:\n    extends: {service: a}\n',
      'other.yaml':
        'include:\n  - compose.yaml\nservices:\n  c:\n    extends: {file: other.yaml, service: d}\n  d:\n    extends: {file: other.yaml, service: c}\n',
    }),
    lint: ['compose.yaml', 'other.yaml'],
    expect: ['compose/path-not-found includeCycle', 'compose/undefined-reference'],
  },
];

/** Lints `uri` and returns the findings, with what it cost. */
function measuredLint(linter: Linter, uri: string): { findings: Finding[]; cpuMs: number; memoryMb: number } {
  const peakBefore = process.resourceUsage().maxRSS;
  const cpuBefore = process.cpuUsage();
  const findings = linter.lint(uri)?.findings ?? [];
  const cpu = process.cpuUsage(cpuBefore);
  return { findings, cpuMs: (cpu.user + cpu.system) / 1000, memoryMb: (process.resourceUsage().maxRSS - peakBefore) / 1024 };
}

const describe = (finding: Finding) => `${finding.ruleId} ${finding.messageId}`;

for (const pathological of PATHOLOGICAL) {
  test(`${pathological.what}: linted within ${CPU_LIMIT_MS / 1000} s and ${MEMORY_LIMIT_MB} MB, without a crash`, (t) => {
    const files = pathological.files();
    const root = 'file:///pathological/';
    const workspace = new Workspace({ readFile: (uri) => files[uri.slice(root.length)] });
    for (const path of Object.keys(files)) workspace.index(root + path);
    workspace.adoptReferencedComposeFiles();
    const linter = new Linter(workspace, rules);
    const linted = pathological.lint ?? [Object.keys(files)[0]!];
    const found: string[] = [];
    for (const path of linted) {
      const uri = root + path;
      workspace.open(uri, files[path]!, languageIdOf(path));
      const { findings, cpuMs, memoryMb } = measuredLint(linter, uri);
      t.diagnostic(`${path}: ${cpuMs.toFixed(0)} ms of CPU, peak memory +${memoryMb.toFixed(0)} MB, ${findings.length} finding(s)`);
      assert.ok(cpuMs <= CPU_LIMIT_MS, `${path} took ${cpuMs.toFixed(0)} ms of CPU`);
      assert.ok(memoryMb <= MEMORY_LIMIT_MB, `${path} raised the peak memory by ${memoryMb.toFixed(0)} MB`);
      assert.deepEqual(
        violations(findings, files[path]!, (other) => workspace.readText(other)),
        [],
      );
      found.push(...findings.map(describe));
    }
    for (const expected of pathological.expect) {
      assert.ok(
        found.some((finding) => finding.startsWith(expected)),
        `expected ${expected} among ${found.join(', ') || 'no findings'}`,
      );
    }
  });
}

test('a workspace with symlink loops is walked and linted once per real file, without hanging', () => {
  const folder = tempFolder({ Dockerfile: 'FROM alpine:3.22\nUSER 1000\n', 'app/compose.yaml': 'name: app\nservices:\n  web:\n    build: ..\n' });
  symlinkSync('.', join(folder, 'loop'));
  symlinkSync('..', join(folder, 'app', 'up'));
  symlinkSync('b', join(folder, 'a'));
  symlinkSync('a', join(folder, 'b'));
  symlinkSync('Dockerfile.self', join(folder, 'Dockerfile.self'));
  const cpuBefore = process.cpuUsage();
  const targets = discoverTargets([folder], folder);
  const workspace = new Workspace();
  for (const target of targets) workspace.index(pathToUri(target.path));
  const linter = new Linter(workspace, rules);
  const linted = targets.map((target) => linter.lint(pathToUri(target.path)));
  const cpu = process.cpuUsage(cpuBefore);
  assert.deepEqual(
    targets.map((target) => target.displayPath),
    ['app/compose.yaml', 'Dockerfile'],
  );
  assert.ok(linted.every((result) => result !== undefined));
  assert.ok((cpu.user + cpu.system) / 1000 <= CPU_LIMIT_MS);
});
