// Which YAML files the CLI lints as Kubernetes manifests: Helm charts (test/fixtures/helm, written in the style of
// widely used public charts) and tool configurations give no finding; real manifests beside them are still checked.
import assert from 'node:assert/strict';
import { cpSync, readdirSync, rmSync } from 'node:fs';
import { join, relative } from 'node:path';
import { test } from 'node:test';
import { lintJson, repoRoot, tempFolder } from '../helpers/cli';

const charts = join(repoRoot, 'test/fixtures/helm');

function filesUnder(folder: string): string[] {
  return readdirSync(folder, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => relative(folder, join(entry.parentPath, entry.name)))
    .sort((a, b) => a.localeCompare(b));
}

/** Each reported file with its kind and the findings of the rules these tests are about (the other rules' aside). */
const summary = (report: ReturnType<typeof lintJson>) =>
  report.files.map((file) => [
    file.path,
    file.kind,
    file.diagnostics.map((diagnostic) => diagnostic.rule).filter((rule) => rule === 'k8s/latest-tag' || rule === 'k8s/syntax'),
  ]);

test('Helm charts: a folder run finds no manifest in them, and no finding', () => {
  assert.deepEqual(lintJson(['.'], charts).files, []);
});

test('Helm charts: every file named explicitly is reported as not a container file, without a finding', () => {
  const files = filesUnder(charts);
  assert.ok(files.length >= 25, `the fixtures hold ${files.length} files`);
  const report = lintJson(files, charts);
  assert.deepEqual(
    report.files.map((file) => [file.path, file.kind, file.diagnostics.length]),
    files.map((file) => [file, 'unknown', 0]),
  );
});

test('Helm charts: without its Chart.yaml, a template without actions is an ordinary manifest again; templated files stay templates', () => {
  const folder = tempFolder();
  cpSync(join(charts, 'podinfo'), folder, { recursive: true });
  rmSync(join(folder, 'Chart.yaml'));
  assert.deepEqual(summary(lintJson(['.'], folder)), [['templates/warmup-pod.yaml', 'kubernetes', ['k8s/latest-tag']]]);
});

test('tool configurations are not manifests; manifests beside them are', () => {
  const folder = tempFolder({
    'deploy/base/kustomization.yaml':
      'apiVersion: kustomize.config.k8s.io/v1beta1\nkind: Kustomization\nresources: [web.yaml]\nimages:\n  - name: web\n    newTag: 1.2.3\n',
    'deploy/base/web.yaml': 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  containers:\n    - name: web\n      image: nginx\n',
    'deploy/components/tls.yaml': 'apiVersion: kustomize.config.k8s.io/v1alpha1\nkind: Component\nresources: []\n',
    'skaffold.yaml': 'apiVersion: skaffold/v4beta11\nkind: Config\nbuild:\n  artifacts:\n    - image: web\n',
    'hack/kind-cluster.yaml': 'apiVersion: kind.x-k8s.io/v1alpha4\nkind: Cluster\nnodes:\n  - role: control-plane\n',
    'hack/k3d.yaml': 'apiVersion: k3d.io/v1alpha5\nkind: Simple\nservers: 1\n',
    'hack/kubeadm.yaml': 'apiVersion: kubeadm.k8s.io/v1beta3\nkind: ClusterConfiguration\nkubernetesVersion: v1.30.0\n',
    'hack/kubeconfig.yaml': 'apiVersion: v1\nkind: Config\nclusters: []\ncontexts: []\nusers: []\n',
    'helmfile.yaml': 'releases:\n  - name: web\n    chart: ./charts/web\n',
    'rendered/alerts.yaml': 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: {{ .Release.Name }}-alerts\n',
  });
  assert.deepEqual(summary(lintJson(['.'], folder)), [['deploy/base/web.yaml', 'kubernetes', ['k8s/latest-tag']]]);
});

test('kubernetes.files makes YAML without objects a Kubernetes file; kubernetes.exclude takes files away', () => {
  const folder = tempFolder({
    '.container-standards.yaml': 'kubernetes:\n  files: ["deploy/**/*.yaml"]\n  exclude: ["deploy/vendor/**"]\n',
    'deploy/web.yaml':
      'apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  containers:\n    - name: web\n      image: nginx:1.27\n---\nmetadata:\n  name: orphan\n',
    'deploy/values.yaml': 'replicas: 2\n',
    'deploy/vendor/operator.yaml': 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: op\nspec:\n  containers:\n    - name: op\n      image: operator\n',
    'other/config.yaml': 'settings: {}\n',
  });
  const report = lintJson(['.'], folder);
  assert.deepEqual(summary(report), [['deploy/web.yaml', 'kubernetes', ['k8s/syntax']]]);
  const notObject = report.files[0]!.diagnostics.find((diagnostic) => diagnostic.rule === 'k8s/syntax')!;
  assert.match(notObject.message, /^Not a Kubernetes object: missing apiVersion, missing kind\./);
  assert.equal(notObject.range.start.line, 9);
});

test('kustomize: patches and transformer configs a kustomization names are not manifests; its resources are', () => {
  const folder = tempFolder({
    'base/kustomization.yaml': 'resources: [web.yaml]\n',
    'base/web.yaml': 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  containers:\n    - name: web\n      image: nginx\n',
    'overlays/prod/kustomization.yaml': 'resources: [../../base]\npatches:\n  - path: image.yaml\ntransformers: [labels.yaml]\n',
    'overlays/prod/image.yaml': 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  containers:\n    - name: web\n      image: nginx:latest\n',
    'overlays/prod/labels.yaml': 'apiVersion: example.com/v1\nkind: LabelAdder\nmetadata:\n  name: labels\n',
  });
  assert.deepEqual(summary(lintJson(['.'], folder)), [['base/web.yaml', 'kubernetes', ['k8s/latest-tag']]]);
});
