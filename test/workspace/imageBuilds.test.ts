import assert from 'node:assert/strict';
import { test } from 'node:test';
import { relative } from 'node:path';
import type { ImageBuild } from '../../server/src/workspace/imageBuild';
import { imageBuilds } from '../../server/src/workspace/imageBuildIndex';
import { toPosixPath, walkContainerFiles } from '../../server/src/workspace/walk';
import { Workspace } from '../../server/src/workspace/workspace';
import { tempFolder } from '../helpers/cli';

const ROOT = 'file:///p/';
/** A manifest inside the folder trees of every build file of these tests. */
const MANIFEST = `${ROOT}deploy/k8s/app.yaml`;

function workspaceOf(files: Readonly<Record<string, string>>): { workspace: Workspace; files: Map<string, string> } {
  const texts = new Map(Object.entries(files).map(([path, text]) => [ROOT + path, text]));
  const workspace = new Workspace({ readFile: (uri) => texts.get(uri) });
  for (const uri of texts.keys()) workspace.index(uri);
  return { workspace, files: texts };
}

/** What a lookup tells, without ranges: tool, Dockerfile (relative to the project) and target, source file. */
function summary(builds: readonly ImageBuild[]): string[] {
  return builds.map(
    (build) =>
      `${build.by} ${build.image} ${build.dockerfileUri?.replace(ROOT, '') ?? '-'}${build.target ? `#${build.target}` : ''} (${build.sourceUri.replace(ROOT, '')})`,
  );
}

const SKAFFOLD_V2 = `apiVersion: skaffold/v2beta29
kind: Config
build:
  artifacts:
    - image: registry.example.com/shop/api
      context: services/api
      docker:
        dockerfile: deploy/Dockerfile.prod
        target: runtime
    - image: web
    - image: registry.example.com/shop/jvm
      jib: {}
deploy:
  kubectl:
    manifests: [k8s/*.yaml]
`;

const SKAFFOLD_V4 = `apiVersion: skaffold/v4beta11
kind: Config
metadata: { name: worker }
build:
  artifacts:
    - image: worker
      context: worker
---
apiVersion: skaffold/v4beta11
kind: Config
metadata: { name: tools }
profiles:
  - name: ci
    build:
      artifacts:
        - image: tools
          kaniko:
            dockerfile: Containerfile
manifests:
  rawYaml: [k8s/*.yaml]
`;

test('skaffold artifacts of v2 and v4 configs, profiles and every document included, with their Dockerfile and target', () => {
  const { workspace } = workspaceOf({ 'skaffold.yaml': SKAFFOLD_V2, 'deploy/skaffold-dev.yaml': SKAFFOLD_V4 });
  assert.deepEqual(summary(imageBuilds(workspace, 'registry.example.com/shop/api:1.2.0', MANIFEST)), [
    'skaffold registry.example.com/shop/api services/api/deploy/Dockerfile.prod#runtime (skaffold.yaml)',
  ]);
  assert.deepEqual(summary(imageBuilds(workspace, 'web', MANIFEST)), ['skaffold web Dockerfile (skaffold.yaml)']);
  assert.deepEqual(
    summary(imageBuilds(workspace, 'registry.example.com/shop/jvm', MANIFEST)),
    ['skaffold registry.example.com/shop/jvm - (skaffold.yaml)'],
    'jib needs no Dockerfile',
  );
  assert.deepEqual(summary(imageBuilds(workspace, 'worker:dev', MANIFEST)), ['skaffold worker deploy/worker/Dockerfile (deploy/skaffold-dev.yaml)']);
  assert.deepEqual(summary(imageBuilds(workspace, 'tools', MANIFEST)), ['skaffold tools deploy/Containerfile (deploy/skaffold-dev.yaml)']);
});

test('kustomize images: entries retag by name, without a Dockerfile', () => {
  const { workspace } = workspaceOf({
    'k8s/overlays/prod/kustomization.yaml':
      'apiVersion: kustomize.config.k8s.io/v1beta1\nkind: Kustomization\nresources: [../../base]\nimages:\n  - name: shop/api\n    newName: registry.example.com/shop/api\n    newTag: 1.4.0\n  - name: nginx\n    digest: sha256:0123\n',
  });
  assert.deepEqual(summary(imageBuilds(workspace, 'shop/api', MANIFEST)), ['kustomize shop/api - (k8s/overlays/prod/kustomization.yaml)']);
  assert.deepEqual(summary(imageBuilds(workspace, 'nginx:latest', MANIFEST)), ['kustomize nginx - (k8s/overlays/prod/kustomization.yaml)']);
});

test('compose services with both build and image, image interpolated, Dockerfile and target resolved; build without image or image alone are not', () => {
  const { workspace } = workspaceOf({
    'compose.yaml':
      'services:\n  api:\n    build:\n      context: ./api\n      target: prod\n    image: ${REGISTRY}/shop/api:dev\n  db:\n    image: postgres:17\n  tool:\n    build: ./tool\n',
    '.env': 'REGISTRY=registry.example.com\n',
  });
  assert.deepEqual(summary(imageBuilds(workspace, 'registry.example.com/shop/api', MANIFEST)), [
    'compose registry.example.com/shop/api:dev api/Dockerfile#prod (compose.yaml)',
  ]);
  assert.deepEqual(imageBuilds(workspace, 'postgres:17', MANIFEST), []);
  assert.deepEqual(imageBuilds(workspace, 'tool', MANIFEST), []);
});

test('compose: build and image written in one file; a variant naming prebuilt images over a base that builds them is no build of them', () => {
  const { workspace } = workspaceOf({
    'docker-compose.yml': 'services:\n  vote:\n    build: ./vote\n  web:\n    build: ./web\n    image: shop/web\n',
    'docker-compose.images.yml': 'services:\n  vote:\n    image: dockersamples/examplevotingapp_vote\n',
  });
  assert.deepEqual(imageBuilds(workspace, 'dockersamples/examplevotingapp_vote', MANIFEST), []);
  assert.deepEqual(summary(imageBuilds(workspace, 'shop/web', MANIFEST)), ['compose shop/web web/Dockerfile (docker-compose.yml)']);
});

test('matching: tags and digests never count; Docker Hub defaults for compose only; another registry never matches a bare name', () => {
  const { workspace } = workspaceOf({
    'compose.yaml': 'services:\n  app:\n    build: .\n    image: myapp\n',
    'skaffold.yaml': 'apiVersion: skaffold/v4beta11\nkind: Config\nbuild:\n  artifacts:\n    - image: web\n    - image: registry.example.com/x/myapp\n',
    'kustomization.yaml': 'images:\n  - name: cache\n    newTag: "7"\n',
  });
  const by = (image: string) => imageBuilds(workspace, image, MANIFEST).map((build) => `${build.by} ${build.image}`);
  assert.deepEqual(by('myapp:1.0'), ['compose myapp']);
  assert.deepEqual(by('docker.io/library/myapp'), ['compose myapp'], 'Docker names myapp docker.io/library/myapp');
  assert.deepEqual(by('library/myapp@sha256:abc'), ['compose myapp']);
  assert.deepEqual(by('registry.example.com/x/myapp:dev'), ['skaffold registry.example.com/x/myapp']);
  assert.deepEqual(by('registry.example.com/y/myapp'), []);
  assert.deepEqual(by('web'), ['skaffold web']);
  assert.deepEqual(by('docker.io/library/web'), [], 'skaffold replaces only the name as written');
  assert.deepEqual(by('docker.io/library/cache'), [], 'so does kustomize');
  assert.deepEqual(by('cache:latest'), ['kustomize cache']);
});

test('one build of an image by several tools: skaffold first, then compose, then kustomize', () => {
  const { workspace } = workspaceOf({
    'kustomization.yaml': 'images:\n  - name: api\n    newTag: "2"\n',
    'compose.yaml': 'services:\n  api:\n    build: ./api\n    image: api\n',
    'skaffold.yaml': 'apiVersion: skaffold/v3\nkind: Config\nbuild:\n  artifacts:\n    - image: api\n      context: api\n',
  });
  assert.deepEqual(
    imageBuilds(workspace, 'api', MANIFEST).map((build) => build.by),
    ['skaffold', 'compose', 'kustomize'],
  );
});

test('a lookup records one read, the version of the builds, which an edit that changes them or a new build file moves', () => {
  const { workspace, files } = workspaceOf({
    'skaffold.yaml': 'apiVersion: skaffold/v4beta11\nkind: Config\nbuild:\n  artifacts:\n    - image: api\n',
    'kustomization.yaml': 'images:\n  - name: web\n',
    'compose.yaml': 'services:\n  db:\n    image: postgres:17\n',
    'k8s/deploy.yaml': 'apiVersion: v1\nkind: Pod\n',
  });
  const first = workspace.recordReads(() => imageBuilds(workspace, 'api', MANIFEST));
  assert.equal(first.reads.size, 1, 'one read whatever the number of build files');
  const again = workspace.recordReads(() => imageBuilds(workspace, 'api', MANIFEST));
  assert.deepEqual([...again.reads], [...first.reads]);
  assert.equal(again.result[0], first.result[0], 'the index is kept while nothing changed');

  workspace.open(`${ROOT}skaffold.yaml`, '# the same build\napiVersion: skaffold/v4beta11\nkind: Config\nbuild:\n  artifacts:\n    - image: api\n');
  assert.ok(workspace.unchangedSince(first.reads), 'an edit that builds the same images changes nothing');
  workspace.open(`${ROOT}skaffold.yaml`, 'apiVersion: skaffold/v4beta11\nkind: Config\nbuild:\n  artifacts:\n    - image: api2\n');
  assert.equal(workspace.unchangedSince(first.reads), false);
  assert.deepEqual(imageBuilds(workspace, 'api', MANIFEST), []);
  assert.equal(imageBuilds(workspace, 'web', MANIFEST)[0]?.by, 'kustomize');

  const beforeNewFile = workspace.recordReads(() => imageBuilds(workspace, 'api', MANIFEST)).reads;
  files.set(`${ROOT}svc/compose.yaml`, 'services:\n  api:\n    build: .\n    image: api\n');
  workspace.index(`${ROOT}svc/compose.yaml`);
  assert.equal(workspace.unchangedSince(beforeNewFile), false);
  assert.deepEqual(summary(imageBuilds(workspace, 'api', `${ROOT}svc/k8s/deploy.yaml`)), ['compose api svc/Dockerfile (svc/compose.yaml)']);
});

test('broken or foreign YAML builds nothing and does not throw', () => {
  const { workspace } = workspaceOf({
    'skaffold.yaml': 'apiVersion: skaffold/v4beta11\nbuild:\n  artifacts: [\n',
    'other/skaffold.yaml': 'apiVersion: v1\nkind: ConfigMap\nbuild:\n  artifacts:\n    - image: api\n',
    'kustomization.yaml': 'images: 3\n',
    'k/kustomization.yml': '- just\n- a list\n',
  });
  assert.deepEqual(imageBuilds(workspace, 'api', MANIFEST), []);
});

test('the workspace walk finds skaffold and kustomization files, which are tracked whatever kind they are linted as', () => {
  const folder = tempFolder({
    'skaffold.yaml': 'apiVersion: skaffold/v4beta11\nkind: Config\n',
    'deploy/skaffold-prod.yml': 'apiVersion: skaffold/v4beta11\nkind: Config\n',
    'k8s/kustomization.yaml': 'images: []\n',
    'README.md': '# app\n',
  });
  const found = [...walkContainerFiles(folder)].map((path) => toPosixPath(relative(folder, path)));
  assert.deepEqual(found, ['deploy/skaffold-prod.yml', 'k8s/kustomization.yaml', 'skaffold.yaml']);
});

test('a skaffold or compose file builds for the manifests of its own folder tree only; kustomize entries apply anywhere', () => {
  const compose = 'services:\n  app:\n    build: .\n    image: app:1.0.0\n';
  const { workspace } = workspaceOf({
    'shop/compose.yaml': compose,
    'shop/Dockerfile': 'FROM node:22\n',
    'blog/skaffold.yaml': SKAFFOLD_V2,
    'blog/Dockerfile': 'FROM node:22\n',
    'infra/overlays/prod/kustomization.yaml': 'images:\n  - name: web\n    newTag: 1.2.3\n',
  });
  assert.deepEqual(summary(imageBuilds(workspace, 'app:latest', `${ROOT}shop/k8s/app.yaml`)), ['compose app:1.0.0 shop/Dockerfile (shop/compose.yaml)']);
  assert.deepEqual(imageBuilds(workspace, 'app:latest', `${ROOT}blog/k8s/app.yaml`), []);
  assert.deepEqual(imageBuilds(workspace, 'registry.example.com/shop/api', `${ROOT}shop/k8s/app.yaml`), []);
  assert.deepEqual(summary(imageBuilds(workspace, 'web', `${ROOT}infra/base/web.yaml`)), ['kustomize web - (infra/overlays/prod/kustomization.yaml)']);
});
