// `lint --format json`: the report's shape, which files are linted, and how their paths are shown.
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { test } from 'node:test';
import { lintJson, tempFolder } from '../helpers/cli';

// bitnami/node runs as a non-root user and is not a full language image; with a HEALTHCHECK and an exec-form CMD no
// rule reports this Dockerfile.
const CLEAN_DOCKERFILE = 'FROM bitnami/node:22\nHEALTHCHECK CMD ["node", "healthcheck.js"]\nCMD ["node", "server.js"]\n';
const CLEAN_COMPOSE = 'name: shop\nservices:\n  web:\n    image: nginx:1.27\n    deploy:\n      resources:\n        limits: { cpus: "0.50", memory: 256M }\n';
const CLEAN_POD = [
  'apiVersion: v1',
  'kind: Pod',
  'metadata:',
  '  name: web',
  'spec:',
  '  containers:',
  '    - name: web',
  '      image: nginx:1.27',
  '      resources: {requests: {cpu: 100m, memory: 128Mi}, limits: {memory: 128Mi}}',
  '      readinessProbe: {exec: {command: [nginx, -t]}}',
  '      livenessProbe: {exec: {command: [nginx, -t]}}',
  '      securityContext: {runAsNonRoot: true, allowPrivilegeEscalation: false, readOnlyRootFilesystem: true, capabilities: {drop: [ALL]}}',
  '',
].join('\n');

test('a finding has the exact shape of the contract', () => {
  // CLEAN_DOCKERFILE but for the latest tag, which is its one finding.
  const folder = tempFolder({ Dockerfile: 'FROM bitnami/node:latest\nHEALTHCHECK CMD ["node", "healthcheck.js"]\nCMD ["node", "server.js"]\n' });
  assert.deepEqual(lintJson(['Dockerfile'], folder), {
    version: 1,
    files: [
      {
        path: 'Dockerfile',
        kind: 'dockerfile',
        diagnostics: [
          {
            rule: 'dockerfile/latest-tag',
            aliases: ['hadolint:DL3007', 'checkov:CKV_DOCKER_7'],
            severity: 'warning',
            message: 'FROM bitnami/node:latest uses the mutable "latest" tag; pin a concrete version tag (or a digest) so builds are reproducible.',
            range: { start: { line: 0, character: 18 }, end: { line: 0, character: 24 } },
            fixable: false,
          },
        ],
      },
    ],
  });
});

test('files without diagnostics are listed too', () => {
  const folder = tempFolder({ Dockerfile: CLEAN_DOCKERFILE, 'compose.yaml': CLEAN_COMPOSE, 'pod.yaml': CLEAN_POD });
  assert.deepEqual(lintJson(['.'], folder).files, [
    { path: 'compose.yaml', kind: 'compose', diagnostics: [] },
    { path: 'Dockerfile', kind: 'dockerfile', diagnostics: [] },
    { path: 'pod.yaml', kind: 'kubernetes', diagnostics: [] },
  ]);
});

test('paths are relative to the working directory when walking and as given when named', async (t) => {
  const folder = tempFolder({ 'app/Dockerfile': CLEAN_DOCKERFILE, 'app/deploy/pod.yaml': CLEAN_POD });
  const absolute = join(folder, 'app/Dockerfile');
  const cases: { args: string[]; cwd: string; paths: string[] }[] = [
    { args: ['.'], cwd: folder, paths: ['app/deploy/pod.yaml', 'app/Dockerfile'] },
    { args: ['app/deploy'], cwd: folder, paths: ['app/deploy/pod.yaml'] },
    { args: ['deploy'], cwd: join(folder, 'app'), paths: ['deploy/pod.yaml'] },
    { args: ['..'], cwd: join(folder, 'app/deploy'), paths: ['../Dockerfile', 'pod.yaml'] },
    { args: ['./app/Dockerfile'], cwd: folder, paths: ['./app/Dockerfile'] },
    { args: [absolute], cwd: join(folder, 'app/deploy'), paths: [absolute] },
    // A file both named and found by walking is reported once, under the name given.
    { args: ['app', './app/Dockerfile'], cwd: folder, paths: ['./app/Dockerfile', 'app/deploy/pod.yaml'] },
  ];
  for (const { args, cwd, paths } of cases) {
    await t.test(`lint ${args.join(' ').replace(folder, '<tmp>')}`, () => {
      assert.deepEqual(
        lintJson(args, cwd).files.map((file) => file.path),
        paths,
      );
    });
  }
});

test('walking a folder finds container files by name, Kubernetes manifests by content', () => {
  // [file name, content, kind reported; undefined = left out]
  const files: [string, string, string | undefined][] = [
    ['Dockerfile', CLEAN_DOCKERFILE, 'dockerfile'],
    ['api.Dockerfile', CLEAN_DOCKERFILE, 'dockerfile'],
    ['Dockerfile.dev', CLEAN_DOCKERFILE, 'dockerfile'],
    ['Containerfile', CLEAN_DOCKERFILE, 'dockerfile'],
    ['compose.yaml', CLEAN_COMPOSE, 'compose'],
    ['compose.prod.yml', CLEAN_COMPOSE, 'compose'],
    ['docker-compose.yml', CLEAN_COMPOSE, 'compose'],
    ['docker-compose.override.yaml', CLEAN_COMPOSE, 'compose'],
    ['pod.yaml', CLEAN_POD, 'kubernetes'],
    ['pod.yml', CLEAN_POD, 'kubernetes'],
    ['services.yaml', CLEAN_COMPOSE, undefined],
    ['values.yaml', 'replicas: 2\n', undefined],
    ['README.md', '# app\n', undefined],
  ];
  const folder = tempFolder(Object.fromEntries(files.map(([name, content]) => [name, content])));
  assert.deepEqual(
    Object.fromEntries(lintJson(['.'], folder).files.map((file) => [file.path, file.kind])),
    Object.fromEntries(files.filter(([, , kind]) => kind !== undefined).map(([name, , kind]) => [name, kind])),
  );
});

test('walking a folder counts YAML files that a compose file includes or extends as compose', () => {
  const folder = tempFolder({
    'compose.yaml': 'include:\n  - extra.yaml\nservices:\n  web:\n    extends:\n      file: base/common.yaml\n      service: app\n',
    'extra.yaml': 'services:\n  worker:\n    image: busybox:1.36\n',
    'base/common.yaml': 'services:\n  app:\n    image: nginx:1.27\n    deploy:\n      resources:\n        limits: { cpus: "0.50", memory: 256M }\n',
    'unreferenced.yaml': CLEAN_COMPOSE,
  });
  assert.deepEqual(
    lintJson(['.'], folder).files.map(({ path, kind }) => ({ path, kind })),
    [
      { path: 'base/common.yaml', kind: 'compose' },
      { path: 'compose.yaml', kind: 'compose' },
      { path: 'extra.yaml', kind: 'compose' },
    ],
  );
});

test('files named explicitly are reported even when they are not container files', () => {
  const folder = tempFolder({ 'README.md': '# app\n', 'values.yaml': 'replicas: 2\n', 'services.yaml': CLEAN_COMPOSE });
  assert.deepEqual(lintJson(['README.md', 'values.yaml', 'services.yaml'], folder).files, [
    { path: 'README.md', kind: 'unknown', diagnostics: [] },
    // A named YAML file with a top-level `services:` map is taken for compose.
    { path: 'services.yaml', kind: 'compose', diagnostics: [] },
    { path: 'values.yaml', kind: 'unknown', diagnostics: [] },
  ]);
});

test('walking skips .git, node_modules and what .gitignore files exclude', () => {
  const folder = tempFolder({
    '.gitignore': 'build/\n*.local.Dockerfile\n!keep.local.Dockerfile\n',
    Dockerfile: CLEAN_DOCKERFILE,
    'keep.local.Dockerfile': CLEAN_DOCKERFILE,
    'dev.local.Dockerfile': CLEAN_DOCKERFILE,
    'build/Dockerfile': CLEAN_DOCKERFILE,
    '.git/Dockerfile': CLEAN_DOCKERFILE,
    'node_modules/pkg/Dockerfile': CLEAN_DOCKERFILE,
    'services/api/.gitignore': 'generated.Dockerfile\n',
    'services/api/Dockerfile': CLEAN_DOCKERFILE,
    'services/api/generated.Dockerfile': CLEAN_DOCKERFILE,
    'services/api/nested/generated.Dockerfile': CLEAN_DOCKERFILE,
    // The sub-folder's .gitignore does not reach its siblings.
    'services/web/generated.Dockerfile': CLEAN_DOCKERFILE,
  });
  assert.deepEqual(
    lintJson(['.'], folder).files.map((file) => file.path),
    ['Dockerfile', 'keep.local.Dockerfile', 'services/api/Dockerfile', 'services/web/generated.Dockerfile'],
  );
});

test('walking a sub-folder of a repository still honours the .gitignore files above it, up to the repository root', () => {
  const folder = tempFolder({
    '.gitignore': '*.never.Dockerfile\n',
    'repo/.git/HEAD': 'ref: refs/heads/main\n',
    'repo/.gitignore': '*.local.Dockerfile\n',
    'repo/app/Dockerfile': CLEAN_DOCKERFILE,
    'repo/app/dev.local.Dockerfile': CLEAN_DOCKERFILE,
    'repo/app/outside-rules.never.Dockerfile': CLEAN_DOCKERFILE,
  });
  assert.deepEqual(
    lintJson(['repo/app'], folder).files.map((file) => file.path),
    ['repo/app/Dockerfile', 'repo/app/outside-rules.never.Dockerfile'],
  );
});
