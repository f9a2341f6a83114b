// The editor shows no finding in Helm templates (test/fixtures/helm), whatever language id the client gives them,
// and notices when a Chart.yaml appears or goes.
import assert from 'node:assert/strict';
import { cpSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { test } from 'node:test';
import { pathToFileURL } from 'node:url';
import { FileChangeType } from 'vscode-languageserver-protocol/node';
import { repoRoot, tempFolder } from '../helpers/cli';
import { startServer } from './lspClient';
import { codes } from './samples';

const charts = join(repoRoot, 'test/fixtures/helm');

const chartFiles = readdirSync(charts, { recursive: true, withFileTypes: true })
  .filter((entry) => entry.isFile())
  .map((entry) => relative(charts, join(entry.parentPath, entry.name)));

test('Helm charts: no diagnostic in any file of the charts, opened as YAML or as Helm', async (t) => {
  const client = await startServer(t, { workspaceFolder: charts, pull: true });
  for (const path of chartFiles) {
    for (const languageId of ['yaml', 'helm']) {
      const uri = await client.open(path, languageId, readFileSync(join(charts, path), 'utf8'));
      assert.deepEqual(await client.pull(uri), [], `${path} as ${languageId}`);
      await client.close(uri);
    }
  }
});

test('Helm charts: a template is checked as a manifest once its Chart.yaml is gone, and not once it is back', async (t) => {
  const folder = tempFolder();
  cpSync(join(charts, 'podinfo'), folder, { recursive: true });
  const chartPath = join(folder, 'Chart.yaml');
  const chartText = readFileSync(chartPath, 'utf8');
  const client = await startServer(t, { workspaceFolder: folder });
  const uri = await client.open('templates/warmup-pod.yaml', 'yaml', readFileSync(join(folder, 'templates/warmup-pod.yaml'), 'utf8'));
  assert.deepEqual(await client.published(uri), []);

  rmSync(chartPath);
  await client.changeWatchedFiles([{ uri: pathToFileURL(chartPath).href, type: FileChangeType.Deleted }]);
  await client.published(uri, (diagnostics) => codes(diagnostics).includes('k8s/latest-tag'));

  writeFileSync(chartPath, chartText);
  await client.changeWatchedFiles([{ uri: pathToFileURL(chartPath).href, type: FileChangeType.Created }]);
  await client.published(uri, (diagnostics) => diagnostics.length === 0);
});

test('a YAML file that gains a template action stops being checked as a manifest', async (t) => {
  const client = await startServer(t);
  const pod = 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  containers:\n    - name: web\n      image: nginx\n';
  const uri = await client.open('pod.yaml', 'yaml', pod);
  await client.published(uri, (diagnostics) => codes(diagnostics).includes('k8s/latest-tag'));
  await client.change(uri, pod.replace('image: nginx', 'image: {{ .Values.image }}'));
  await client.published(uri, (diagnostics) => diagnostics.length === 0);
});

test('the kubernetes.files and kubernetes.exclude settings of the editor decide which YAML files are Kubernetes files', async (t) => {
  const client = await startServer(t, { settings: { kubernetes: { files: ['*.k8s.yaml'], exclude: ['vendor/**'] } } });
  const forced = await client.open('patch.k8s.yaml', 'yaml', 'metadata:\n  name: web\n');
  const [finding, ...others] = await client.published(forced);
  assert.deepEqual(
    [finding?.code, String(finding?.message).startsWith('Not a Kubernetes object: missing apiVersion, missing kind.'), others],
    ['k8s/syntax', true, []],
  );
  const excluded = await client.open(
    'vendor/pod.yaml',
    'yaml',
    'apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  containers:\n    - name: web\n      image: nginx\n',
  );
  assert.deepEqual(await client.published(excluded), []);
});
