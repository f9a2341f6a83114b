// Stack detection over small fixture folders, and the defaults for what files cannot tell.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { defaultEntry, defaultPort } from '../../server/src/scaffold/defaults';
import { detectProject, kubernetesName } from '../../server/src/scaffold/detect';
import type { StackFacts } from '../../server/src/scaffold/types';
import { memoryReader } from './memoryReader';

const cases: { name: string; files: Record<string, string>; facts: Partial<StackFacts> | undefined }[] = [
  {
    name: 'npm from package-lock.json',
    files: { 'package.json': '{"main":"server.js"}', 'package-lock.json': '{}' },
    facts: { stack: 'node', packageManager: 'npm', entry: 'server.js', hasBuildScript: false },
  },
  {
    name: 'pnpm from its lockfile',
    files: { 'package.json': '{"scripts":{"build":"tsc"}}', 'pnpm-lock.yaml': '' },
    facts: { stack: 'node', packageManager: 'pnpm', hasBuildScript: true },
  },
  {
    name: 'yarn classic',
    files: { 'package.json': '{}', 'yarn.lock': '', 'index.js': '' },
    facts: { stack: 'node', packageManager: 'yarn', yarnBerry: false, entry: 'index.js' },
  },
  {
    name: 'yarn berry from .yarnrc.yml',
    files: { 'package.json': '{}', 'yarn.lock': '', '.yarnrc.yml': '' },
    facts: { stack: 'node', packageManager: 'yarn', yarnBerry: true },
  },
  { name: 'engines.node picks a supported major', files: { 'package.json': '{"engines":{"node":">=20 <23"}}' }, facts: { stack: 'node', nodeMajor: '22' } },
  {
    name: 'engines.node outside the table is ignored',
    files: { 'package.json': '{"engines":{"node":"^16"}}' },
    facts: { stack: 'node', nodeMajor: undefined },
  },
  {
    name: 'a Vite site with a build script is static',
    files: { 'package.json': '{"scripts":{"build":"vite build"}}', 'index.html': '' },
    facts: { stack: 'static', packageManager: 'npm', hasBuildScript: true },
  },
  {
    name: 'an express app with index.html stays node',
    files: { 'package.json': '{"scripts":{"build":"tsc"},"dependencies":{"express":"5"}}', 'index.html': '' },
    facts: { stack: 'node' },
  },
  { name: 'plain index.html', files: { 'index.html': '<h1>hi</h1>' }, facts: { stack: 'static', packageManager: 'none' } },
  {
    name: 'pip from requirements.txt',
    files: { 'requirements.txt': 'flask==3.1.0', 'app.py': '' },
    facts: { stack: 'python', packageManager: 'pip', entry: 'app.py' },
  },
  {
    name: 'poetry from poetry.lock',
    files: { 'pyproject.toml': '[project]\nname = "x"\n', 'poetry.lock': '' },
    facts: { stack: 'python', packageManager: 'poetry' },
  },
  { name: 'poetry from [tool.poetry]', files: { 'pyproject.toml': '[tool.poetry]\nname = "x"\n' }, facts: { stack: 'python', packageManager: 'poetry' } },
  {
    name: 'uv from uv.lock',
    files: { 'pyproject.toml': '[project]\n', 'uv.lock': '', 'main.py': '' },
    facts: { stack: 'python', packageManager: 'uv', entry: 'main.py' },
  },
  { name: 'go.mod', files: { 'go.mod': 'module example.com/x\n', 'main.go': '' }, facts: { stack: 'go', packageManager: 'go', entry: undefined } },
  { name: 'go with one command under cmd/', files: { 'go.mod': '', 'cmd/server/main.go': '' }, facts: { stack: 'go', entry: './cmd/server' } },
  { name: 'maven', files: { 'pom.xml': '<project/>' }, facts: { stack: 'java', packageManager: 'maven' } },
  { name: 'gradle kotlin dsl', files: { 'build.gradle.kts': '' }, facts: { stack: 'java', packageManager: 'gradle' } },
  {
    name: '.NET project file',
    files: { 'Api.csproj': '<Project/>', 'Program.cs': '' },
    facts: { stack: 'dotnet', packageManager: 'dotnet', projectFile: 'Api.csproj' },
  },
  { name: 'rack app', files: { Gemfile: "gem 'sinatra'\n", 'config.ru': '' }, facts: { stack: 'ruby', packageManager: 'bundler', rails: false } },
  { name: 'rails from the Gemfile', files: { Gemfile: 'gem "rails", "~> 8.0"\n' }, facts: { stack: 'ruby', rails: true } },
  { name: 'nothing to detect', files: { 'README.md': '' }, facts: undefined },
];

test('detection reads the stack from marker files', async (t) => {
  for (const { name, files, facts } of cases) {
    await t.test(name, () => {
      const detected = detectProject(memoryReader(files), 'My App').facts;
      if (!facts) return assert.equal(detected, undefined);
      assert.ok(detected, 'detected');
      for (const [key, value] of Object.entries(facts)) assert.deepEqual(detected[key as keyof StackFacts], value, key);
      assert.equal(detected.name, 'my-app');
    });
  }
});

test('a monorepo lists its packages', () => {
  const npmWorkspaces = detectProject(
    memoryReader({
      'package.json': '{"workspaces":["apps/*"]}',
      'package-lock.json': '',
      'apps/web/package.json': '{"scripts":{"build":"vite build"}}',
      'apps/web/index.html': '',
      'apps/api/package.json': '{"main":"src/index.js"}',
    }),
    'repo',
  );
  assert.equal(npmWorkspaces.facts, undefined, 'a workspace root is no app of its own');
  assert.deepEqual(
    npmWorkspaces.packages.map(({ path, facts }) => [path, facts.stack, facts.name]),
    [
      ['apps/api', 'node', 'api'],
      ['apps/web', 'static', 'web'],
    ],
  );

  const mixed = detectProject(memoryReader({ 'services/billing/go.mod': '', 'services/search/requirements.txt': '', 'packages/docs/README.md': '' }), 'repo');
  assert.deepEqual(
    mixed.packages.map(({ path, facts }) => [path, facts.stack]),
    [
      ['services/billing', 'go'],
      ['services/search', 'python'],
    ],
  );

  const pnpm = detectProject(
    memoryReader({ 'package.json': '{}', 'pnpm-workspace.yaml': "packages:\n  - 'libs/*'\n", 'pnpm-lock.yaml': '', 'libs/ui/package.json': '{}' }),
    'repo',
  );
  assert.deepEqual(
    pnpm.packages.map(({ path }) => path),
    ['libs/ui'],
  );
});

test('workspace lists that point outside the folder offer no package there, as the files would be written outside it', () => {
  const outside = detectProject(
    memoryReader({
      'package.json': '{"workspaces":["../*","../neighbour","/srv/app","apps/*","apps/../../escape"]}',
      '../neighbour/go.mod': '',
      '../*/go.mod': '',
      '/srv/app/go.mod': '',
      'apps/../../escape/go.mod': '',
      'apps/api/package.json': '{}',
    }),
    'repo',
  );
  assert.deepEqual(
    outside.packages.map(({ path }) => path),
    ['apps/api'],
  );
  const pnpm = detectProject(memoryReader({ 'pnpm-workspace.yaml': 'packages:\n  - ../shared\n', '../shared/go.mod': '' }), 'repo');
  assert.deepEqual(pnpm.packages, []);
});

test('defaults cover what files cannot tell', () => {
  const facts = (partial: Partial<StackFacts> & Pick<StackFacts, 'stack'>): StackFacts => ({ name: 'x', packageManager: 'none', ...partial });
  assert.deepEqual(
    [
      facts({ stack: 'node' }),
      facts({ stack: 'node', hasBuildScript: true }),
      facts({ stack: 'python' }),
      facts({ stack: 'go' }),
      facts({ stack: 'java' }),
      facts({ stack: 'dotnet', projectFile: 'Api.csproj' }),
      facts({ stack: 'ruby', rails: true }),
      facts({ stack: 'ruby' }),
      facts({ stack: 'static' }),
    ].map((each) => [defaultEntry(each), defaultPort(each)]),
    [
      ['index.js', 3000],
      ['dist/index.js', 3000],
      ['main.py', 8000],
      ['.', 8080],
      ['app.jar', 8080],
      ['Api.dll', 8080],
      ['bin/rails', 3000],
      ['config.ru', 9292],
      ['index.html', 8080],
    ],
  );
});

test('names become DNS labels', () => {
  assert.equal(kubernetesName('My_Shop.API'), 'my-shop-api');
  assert.equal(kubernetesName('___'), 'app');
  assert.equal(kubernetesName('a'.repeat(70)).length, 63);
});
