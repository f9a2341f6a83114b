import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { pathToFileURL } from 'node:url';
import { FileChangeType } from 'vscode-languageserver-protocol/node';
import { tempFolder } from '../helpers/cli';
import { startServer } from './lspClient';
import { codes } from './samples';

const SERVICE = 'apiVersion: v1\nkind: Service\nmetadata:\n  name: web\nspec:\n  selector:\n    app: web\n  ports:\n    - port: 80\n';

const deployment = (app: string) => `apiVersion: apps/v1
kind: Deployment
metadata:
  name: ${app}
spec:
  replicas: 2
  selector:
    matchLabels: {app: ${app}}
  template:
    metadata:
      labels: {app: ${app}}
    spec:
      containers:
        - name: ${app}
          image: ${app}:1.0
`;

const dangling = (diagnostics: Parameters<typeof codes>[0]) => codes(diagnostics).includes('k8s/dangling-service');

test("editing a Deployment's labels makes the Service's dangling finding appear and go, the Service untouched", async (t) => {
  const client = await startServer(t);
  const serviceUri = await client.open('service.yaml', 'yaml', SERVICE);
  const deploymentUri = await client.open('deployment.yaml', 'yaml', deployment('web'));
  await client.published(deploymentUri);
  await client.published(serviceUri, (diagnostics) => !dangling(diagnostics));

  await client.change(
    deploymentUri,
    deployment('web').replace('labels: {app: web}', 'labels: {app: webapp}').replace('matchLabels: {app: web}', 'matchLabels: {app: webapp}'),
  );
  const [finding] = (await client.published(serviceUri, dangling)).filter((diagnostic) => diagnostic.code === 'k8s/dangling-service');
  assert.match(String(finding?.message), /selects pods labelled app=web, but no workload in the workspace has a pod template with those labels/);

  await client.change(deploymentUri, deployment('web'));
  await client.published(serviceUri, (diagnostics) => !dangling(diagnostics));
});

test('a Deployment changed on disk re-checks the open Service that looked for its pods', async (t) => {
  const folder = tempFolder({ 'k8s/deployment.yaml': deployment('web') });
  const client = await startServer(t, { workspaceFolder: folder });
  const serviceUri = await client.open('k8s/service.yaml', 'yaml', SERVICE);
  await client.published(serviceUri, (diagnostics) => !dangling(diagnostics));

  const deploymentPath = join(folder, 'k8s', 'deployment.yaml');
  writeFileSync(deploymentPath, deployment('api'));
  await client.changeWatchedFiles([{ uri: pathToFileURL(deploymentPath).href, type: FileChangeType.Changed }]);
  await client.published(serviceUri, dangling);
});

test('a pulling client gets the Service checked again once the Deployment changes, and sees a new file', async (t) => {
  const client = await startServer(t, { pull: true });
  const serviceUri = await client.open('service.yaml', 'yaml', SERVICE);
  const deploymentUri = await client.open('deployment.yaml', 'yaml', deployment('api'));
  assert.ok(dangling(await client.pull(serviceUri)), 'no pod carries app=web yet');

  await client.change(deploymentUri, deployment('web'));
  assert.equal(dangling(await client.pull(serviceUri)), false, 'the cached findings read the Deployment, which changed');
  await client.change(deploymentUri, deployment('api'));
  assert.ok(dangling(await client.pull(serviceUri)));

  // A document that was nowhere in the workspace when the Service was checked defines the pods.
  await client.open('web.yaml', 'yaml', deployment('web'));
  assert.equal(dangling(await client.pull(serviceUri)), false, 'a file joining the workspace may define what was missing');
});

test('opening a document that defines the missing pods re-publishes the Service', async (t) => {
  const client = await startServer(t);
  const serviceUri = await client.open('service.yaml', 'yaml', SERVICE);
  await client.open('api.yaml', 'yaml', deployment('api'));
  await client.published(serviceUri, dangling);
  await client.open('web.yaml', 'yaml', deployment('web'));
  await client.published(serviceUri, (diagnostics) => !dangling(diagnostics));
});
