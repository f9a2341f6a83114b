// `container-standards init`: the built CLI in temp folders, detection, the never-overwrite rule, exit codes, and
// that everything it writes passes `lint` with no warning or error.
import assert from 'node:assert/strict';
import { chmodSync, existsSync, mkdirSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { initCommand } from '../../server/src/cli/initCommand';
import type { Prompter } from '../../server/src/cli/prompter';
import { lintJson, runCli, tempFolder } from '../helpers/cli';

const PROJECTS: Record<string, Record<string, string>> = {
  node: { 'package.json': '{"main":"server.js","dependencies":{"express":"5"}}', 'package-lock.json': '{}', 'server.js': '' },
  python: { 'pyproject.toml': '[project]\nname = "api"\n', 'uv.lock': '', 'app.py': '' },
  go: { 'go.mod': 'module example.com/svc\n', 'cmd/svc/main.go': 'package main\n' },
  java: { 'build.gradle.kts': '', 'src/main/java/App.java': '' },
  dotnet: { 'Api.csproj': '<Project Sdk="Microsoft.NET.Sdk.Web"/>' },
  ruby: { Gemfile: 'gem "rails"\n', 'Gemfile.lock': '' },
  static: { 'index.html': '<h1>hello</h1>\n' },
};

const ALL_WITH = 'compose,kubernetes,ci,postgres,mysql,redis,mongo,ingress';

test('init detects each stack, writes the files, and lint finds no warning or error in them', async (t) => {
  for (const [stack, files] of Object.entries(PROJECTS)) {
    await t.test(stack, () => {
      const folder = tempFolder(files);
      const run = runCli(['init', '--yes', '--with', ALL_WITH], folder);
      assert.equal(run.stderr, '');
      assert.equal(run.status, 0, run.stdout);
      assert.match(run.stdout, new RegExp(`^${stack} \\(`));
      for (const path of [
        'Dockerfile',
        '.dockerignore',
        'compose.yaml',
        '.env.example',
        'k8s/deployment.yaml',
        'k8s/ingress.yaml',
        '.github/workflows/container.yml',
      ]) {
        assert.ok(existsSync(join(folder, path)), path);
      }
      const report = lintJson(['--max-warnings', '0', '.'], folder);
      assert.deepEqual(report.files.map((file) => file.kind).sort(), [
        'compose',
        'dockerfile',
        'kubernetes',
        'kubernetes',
        'kubernetes',
        'kubernetes',
        'kubernetes',
      ]);
      const serious = report.files.flatMap((file) =>
        file.diagnostics.filter((diagnostic) => diagnostic.severity === 'error' || diagnostic.severity === 'warning'),
      );
      assert.deepEqual(serious, []);
    });
  }
});

test('init --with the four platforms writes their starters, and lint reads each as its kind and finds nothing to act on', async (t) => {
  for (const stack of ['node', 'go'] as const) {
    await t.test(stack, () => {
      const folder = tempFolder(PROJECTS[stack] ?? {});
      const run = runCli(['init', '--yes', '--with', 'cloud-run,ecs,render,railway,postgres,redis,mysql'], folder);
      assert.equal(run.stderr, '');
      assert.equal(run.status, 0, run.stdout);
      for (const path of ['deploy/cloud-run/service.yaml', 'deploy/ecs/task-definition.json', 'render.yaml', 'railway.json']) {
        assert.match(run.stdout, new RegExp(`created {4}${path.replaceAll('.', '\\.')}\n`), path);
      }
      assert.ok(!existsSync(join(folder, 'compose.yaml')), 'only the targets asked for');
      const lint = runCli(['lint', '--max-warnings', '0', '.'], folder);
      assert.equal(lint.status, 0, lint.stdout);
      const report = lintJson(['.'], folder);
      assert.deepEqual(Object.fromEntries(report.files.map((file) => [file.path, file.kind])), {
        Dockerfile: 'dockerfile',
        'deploy/cloud-run/service.yaml': 'kubernetes',
        'deploy/ecs/task-definition.json': 'ecs',
        'railway.json': 'railway',
        'render.yaml': 'render',
      });
      const blueprint = readFileSync(join(folder, 'render.yaml'), 'utf8');
      for (const wiring of [/fromDatabase:/, /type: keyvalue/, /MYSQL_URL\n.*\n\s+sync: false/]) assert.match(blueprint, wiring);
    });
  }
});

test('--stack, --port and --entry override detection; without --with only Dockerfile, .dockerignore and compose.yaml are written', () => {
  const folder = tempFolder({ 'package.json': '{}' });
  const run = runCli(['init', '--stack', 'python', '--port', '5000', '--entry', 'serve.py', '--yes'], folder);
  assert.equal(run.status, 0, run.stderr);
  assert.match(readFileSync(join(folder, 'Dockerfile'), 'utf8'), /EXPOSE 5000\n[\s\S]*CMD \["python", "serve.py"\]\n$/);
  assert.ok(existsSync(join(folder, 'compose.yaml')));
  assert.ok(!existsSync(join(folder, 'k8s')));
});

test('init writes into DIR and never overwrites: identical files are a no-op, different ones are kept and listed with exit 1', () => {
  const root = tempFolder({ 'app/go.mod': 'module x\n' });
  assert.equal(runCli(['init', '--yes', '--with', 'compose,kubernetes', 'app'], root).status, 0);
  const again = runCli(['init', '--yes', '--with', 'compose,kubernetes', 'app'], root);
  assert.equal(again.status, 0);
  assert.doesNotMatch(again.stdout, /created|kept/);

  const edited = 'FROM golang:1.25\n# mine\n';
  writeFileSync(join(root, 'app/Dockerfile'), edited);
  const kept = runCli(['init', '--yes', '--with', 'compose,kubernetes,ci', 'app'], root);
  assert.equal(kept.status, 1);
  assert.match(kept.stdout, /kept {7}Dockerfile/);
  assert.match(kept.stdout, /created {4}\.github\/workflows\/container\.yml/);
  assert.equal(readFileSync(join(root, 'app/Dockerfile'), 'utf8'), edited);
});

test('bad usage exits with 2 and writes nothing', async (t) => {
  const cases: { args: string[]; files?: Record<string, string>; message: RegExp }[] = [
    { args: ['--stack', 'cobol'], message: /--stack must be one of node, python/ },
    { args: ['--stack', 'node', '--port', '80a'], message: /--port must be a whole number/ },
    { args: ['--stack', 'node', '--port', '70000'], message: /--port must be a whole number/ },
    { args: ['--stack', 'node', '--with', 'compose,helm'], message: /"helm" is none of them/ },
    { args: ['--stack', 'node', '--entry', ''], message: /--entry takes/ },
    { args: ['--stack', 'node', '--color'], message: /Unknown option '--color'/ },
    { args: ['--stack', 'node', 'a', 'b'], message: /at most one folder/ },
    { args: ['--stack', 'node', 'missing'], message: /is not a folder/ },
    { args: ['--yes'], files: { 'README.md': '' }, message: /Cannot detect the stack .*pass --stack/ },
    {
      args: [],
      files: { 'services/a/go.mod': '', 'services/b/Gemfile': '' },
      message: /is a monorepo: run init in one of its packages \(services\/a, services\/b\)/,
    },
  ];
  for (const { args, files, message } of cases) {
    await t.test(args.join(' ') || '(no arguments)', () => {
      const folder = tempFolder(files ?? {});
      const run = runCli(['init', ...args], folder);
      assert.equal(run.status, 2, run.stdout);
      assert.match(run.stderr, message);
      assert.ok(!existsSync(join(folder, 'Dockerfile')));
    });
  }
});

/** Answers questions in order and records them, as a person at the terminal would. */
function scripted(answers: string[]): Prompter & { questions: string[] } {
  const questions: string[] = [];
  return {
    questions,
    ask: async (question, defaultAnswer) => {
      questions.push(question);
      const answer = answers.shift();
      return answer === undefined || answer === '' ? defaultAnswer : answer;
    },
    close: () => {},
  };
}

test('prompts ask only what neither flags nor files tell, and --yes asks nothing', async () => {
  const monorepo = tempFolder({ 'apps/api/requirements.txt': '', 'apps/web/index.html': '' });
  const prompter = scripted(['apps/api', 'compose,redis', '', 'wsgi.py']);
  const result = await initCommand([], monorepo, prompter);
  assert.equal(result.exitCode, 0, result.stdout);
  assert.deepEqual(prompter.questions, [
    'Which package? apps/api, apps/web',
    'Also add (compose, kubernetes, ci, cloud-run, ecs, render, railway, postgres, mysql, redis, mongo, ingress, kustomize)',
    'Port the app listens on',
    'File the container starts',
  ]);
  assert.match(readFileSync(join(monorepo, 'apps/api/Dockerfile'), 'utf8'), /EXPOSE 8000\n[\s\S]*CMD \["python", "wsgi.py"\]\n$/);
  assert.match(readFileSync(join(monorepo, 'apps/api/compose.yaml'), 'utf8'), /redis:/);

  const flagged = tempFolder({ 'go.mod': '' });
  const silent = scripted([]);
  assert.equal((await initCommand(['--with', 'ci', '--port', '9000', '--entry', '.'], flagged, silent)).exitCode, 0);
  assert.deepEqual(silent.questions, []);

  const yes = scripted([]);
  assert.equal((await initCommand(['--yes'], tempFolder({ 'pom.xml': '' }), yes)).exitCode, 0);
  assert.deepEqual(yes.questions, []);
});

test('a .gitignore that does not ignore .env is kept and named with what to add; one that does is left alone', () => {
  const withoutDotEnv = tempFolder({ ...PROJECTS.node, '.gitignore': 'node_modules\n' });
  const kept = runCli(['init', '--yes', '--with', 'compose,postgres'], withoutDotEnv);
  assert.equal(kept.status, 1, kept.stdout);
  assert.match(kept.stdout, /kept {7}\.gitignore \(add a \.env line/);
  assert.equal(readFileSync(join(withoutDotEnv, '.gitignore'), 'utf8'), 'node_modules\n');
  const withDotEnv = tempFolder({ ...PROJECTS.node, '.gitignore': 'node_modules\n.env\n' });
  const run = runCli(['init', '--yes', '--with', 'compose,postgres'], withDotEnv);
  assert.equal(run.status, 0, run.stdout);
  assert.doesNotMatch(run.stdout, /gitignore/);
});

test('--with kubernetes,kustomize writes a kustomize base and overlays, and lint finds nothing in them', () => {
  const folder = tempFolder(PROJECTS.go);
  const run = runCli(['init', '--yes', '--with', 'kubernetes,kustomize,ingress'], folder);
  assert.equal(run.status, 0, run.stdout);
  for (const path of ['k8s/base/deployment.yaml', 'k8s/base/ingress.yaml', 'k8s/base/kustomization.yaml', 'k8s/overlays/production/kustomization.yaml'])
    assert.ok(existsSync(join(folder, path)), path);
  const report = lintJson(['--max-warnings', '0', '.'], folder);
  assert.equal(report.files.filter((file) => file.kind === 'kubernetes').length, 5);
  assert.deepEqual(
    report.files.flatMap((file) => file.diagnostics),
    [],
  );
});

test('init never writes outside DIR: a folder or file that is a link leading out, or a dangling one, refuses the run before anything is written', async (t) => {
  const cases: { name: string; link: [from: string, to: string]; with: string; message: RegExp }[] = [
    {
      name: 'k8s/ links out',
      link: ['k8s', '../outside'],
      with: 'compose,kubernetes',
      message: /Refusing to write k8s\/deployment\.yaml: it resolves outside /,
    },
    {
      name: 'Dockerfile links to a missing file out',
      link: ['Dockerfile', '../outside/Dockerfile'],
      with: 'compose',
      message: /Refusing to write Dockerfile: Dockerfile is a link that leads nowhere/,
    },
    {
      name: '.github links out',
      link: ['.github', '../outside'],
      with: 'ci',
      message: /Refusing to write \.github\/workflows\/container\.yml: it resolves outside /,
    },
  ];
  for (const { name, link, with: withValues, message } of cases) {
    await t.test(name, () => {
      const base = tempFolder({ 'project/go.mod': 'module x\n' });
      mkdirSync(join(base, 'outside'));
      symlinkSync(link[1], join(base, 'project', link[0]));
      const run = runCli(['init', '--yes', '--with', withValues, 'project'], base);
      assert.equal(run.status, 2, run.stdout);
      assert.match(run.stderr, message);
      assert.doesNotMatch(run.stderr, /Internal error/);
      assert.deepEqual(readdirSync(join(base, 'outside')), []);
      assert.deepEqual(readdirSync(join(base, 'project')).sort(), [link[0], 'go.mod'].sort());
    });
  }
});

test('init offers no monorepo package outside DIR, and refuses one whose folder is a link leading out', async () => {
  const base = tempFolder({
    'repo/package.json': '{"workspaces":["../neighbour","apps/*"]}',
    'repo/apps/web/index.html': '',
    'neighbour/go.mod': '',
    'elsewhere/requirements.txt': '',
  });
  symlinkSync('../../elsewhere', join(base, 'repo/apps/api'));
  const prompter = scripted(['apps/api']);
  await assert.rejects(
    initCommand(['--with', 'compose', '--port', '8000', '--entry', 'app.py'], join(base, 'repo'), prompter),
    /Refusing to write apps\/api: it resolves outside/,
  );
  assert.deepEqual(prompter.questions, ['Which package? apps/api, apps/web']);
  assert.deepEqual(readdirSync(join(base, 'elsewhere')), ['requirements.txt']);
  assert.deepEqual(readdirSync(join(base, 'neighbour')), ['go.mod']);
});

test('init into a read-only folder names the file it could not write and exits with 2', () => {
  const folder = tempFolder({ 'go.mod': 'module x\n' });
  chmodSync(folder, 0o555);
  try {
    const run = runCli(['init', '--yes', '--with', 'compose'], folder);
    assert.equal(run.status, 2, run.stdout);
    assert.equal(run.stderr, 'container-standards: Cannot write Dockerfile: its folder is read-only.\n');
    assert.deepEqual(readdirSync(folder), ['go.mod']);
  } finally {
    chmodSync(folder, 0o755);
  }
});
