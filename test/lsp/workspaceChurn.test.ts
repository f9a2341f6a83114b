// Files created, renamed, deleted and changed on disk while documents are open, as an editor's file watcher reports
// them (a rename is a deletion and a creation), and workspace folders added and removed: the cross-file findings of
// the open documents follow.
import { renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { pathToFileURL } from 'node:url';
import { type Diagnostic, FileChangeType } from 'vscode-languageserver-protocol/node';
import { tempFolder, writeFile } from '../helpers/cli';
import { type LspClient, startServer } from './lspClient';
import { codes } from './samples';

const fileUri = (path: string) => pathToFileURL(path).href;

/** Waits until the open document's published findings include `code` (or, with `present` false, do not). */
function findingOf(client: LspClient, uri: string, code: string, present = true): Promise<Diagnostic[]> {
  return client.published(uri, (diagnostics) => codes(diagnostics).includes(code) === present);
}

async function renameOnDisk(client: LspClient, from: string, to: string): Promise<void> {
  renameSync(from, to);
  await client.changeWatchedFiles([
    { uri: fileUri(from), type: FileChangeType.Deleted },
    { uri: fileUri(to), type: FileChangeType.Created },
  ]);
}

async function deleteOnDisk(client: LspClient, path: string): Promise<void> {
  rmSync(path, { recursive: true });
  await client.changeWatchedFiles([{ uri: fileUri(path), type: FileChangeType.Deleted }]);
}

async function writeOnDisk(client: LspClient, path: string, text: string, type: FileChangeType): Promise<void> {
  writeFile(path, text);
  await client.changeWatchedFiles([{ uri: fileUri(path), type }]);
}

const COMPOSE = ['services:', '  web:', '    build:', '      context: ./app', '      target: production', '    env_file: ./config/web.env', ''].join('\n');
const APP_DOCKERFILE = ['FROM node:22-alpine AS production', 'USER node', 'CMD ["node", "server.js"]', ''].join('\n');

test("a compose file's build context or env file folder renamed, its Dockerfile deleted or its target stage edited on disk is reported, and mended again", async (t) => {
  const folder = tempFolder({ 'app/Dockerfile': APP_DOCKERFILE, 'config/web.env': 'MODE=production\n' });
  const client = await startServer(t, { workspaceFolder: folder });
  const uri = await client.open('compose.yaml', 'dockercompose', COMPOSE);
  await findingOf(client, uri, 'compose/path-not-found', false);
  await findingOf(client, uri, 'compose/build-target-not-found', false);

  await renameOnDisk(client, join(folder, 'app'), join(folder, 'web'));
  await findingOf(client, uri, 'compose/path-not-found');
  await renameOnDisk(client, join(folder, 'web'), join(folder, 'app'));
  await findingOf(client, uri, 'compose/path-not-found', false);

  // The env file is no container file: only its read was cached, and goes with its folder.
  await renameOnDisk(client, join(folder, 'config'), join(folder, 'settings'));
  await findingOf(client, uri, 'compose/path-not-found');
  await renameOnDisk(client, join(folder, 'settings'), join(folder, 'config'));
  await findingOf(client, uri, 'compose/path-not-found', false);

  await deleteOnDisk(client, join(folder, 'app', 'Dockerfile'));
  await findingOf(client, uri, 'compose/path-not-found');
  await writeOnDisk(client, join(folder, 'app', 'Dockerfile'), APP_DOCKERFILE.replace(' AS production', ' AS base'), FileChangeType.Created);
  await findingOf(client, uri, 'compose/path-not-found', false);
  await findingOf(client, uri, 'compose/build-target-not-found');
  await writeOnDisk(client, join(folder, 'app', 'Dockerfile'), APP_DOCKERFILE, FileChangeType.Changed);
  await findingOf(client, uri, 'compose/build-target-not-found', false);
});

const SERVICE = 'apiVersion: v1\nkind: Service\nmetadata:\n  name: web\nspec:\n  selector:\n    app: web\n  ports:\n    - port: 80\n';
const deployment = (app: string) =>
  `apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: ${app}\nspec:\n  selector:\n    matchLabels: {app: ${app}}\n  template:\n    metadata:\n      labels: {app: ${app}}\n    spec:\n      containers:\n        - name: ${app}\n          image: ${app}:1.0\n`;

test("a Service's workload renamed, deleted with its folder and created again on disk is followed by the dangling-service finding", async (t) => {
  const folder = tempFolder({ 'k8s/api.yaml': deployment('api'), 'k8s/web/deployment.yaml': deployment('web') });
  const client = await startServer(t, { workspaceFolder: folder });
  const uri = await client.open('k8s/service.yaml', 'yaml', SERVICE);
  await findingOf(client, uri, 'k8s/dangling-service', false);

  await renameOnDisk(client, join(folder, 'k8s/web/deployment.yaml'), join(folder, 'k8s/web/web.yaml'));
  // Still in the workspace under its new name: a request answered after the events proves they were handled.
  await client.documentSymbols(uri);
  await findingOf(client, uri, 'k8s/dangling-service', false);

  await deleteOnDisk(client, join(folder, 'k8s/web'));
  await findingOf(client, uri, 'k8s/dangling-service');
  await writeOnDisk(client, join(folder, 'k8s/web.yaml'), deployment('web'), FileChangeType.Created);
  await findingOf(client, uri, 'k8s/dangling-service', false);
  await writeOnDisk(client, join(folder, 'k8s/web.yaml'), deployment('web').replaceAll('app: web', 'app: webapp'), FileChangeType.Changed);
  await findingOf(client, uri, 'k8s/dangling-service');
});

const COPIES_CONFIG = ['FROM bitnami/node:22', 'WORKDIR /app', 'COPY config.json ./', 'CMD ["node", "server.js"]', ''].join('\n');

test('a .dockerignore changed, renamed away and back on disk decides whether a COPY source is ignored', async (t) => {
  const folder = tempFolder({ 'config.json': '{}\n', '.dockerignore': '.git\nconfig.json\n' });
  const client = await startServer(t, { workspaceFolder: folder });
  const uri = await client.open('Dockerfile', 'dockerfile', COPIES_CONFIG);
  await findingOf(client, uri, 'dockerfile/copy-ignored-file');

  const ignorePath = join(folder, '.dockerignore');
  await writeOnDisk(client, ignorePath, '.git\n', FileChangeType.Changed);
  await findingOf(client, uri, 'dockerfile/copy-ignored-file', false);
  await writeOnDisk(client, ignorePath, '.git\n*.json\n', FileChangeType.Changed);
  await findingOf(client, uri, 'dockerfile/copy-ignored-file');
  await renameOnDisk(client, ignorePath, join(folder, 'dockerignore.bak'));
  await findingOf(client, uri, 'dockerfile/copy-ignored-file', false);
  await renameOnDisk(client, join(folder, 'dockerignore.bak'), ignorePath);
  await findingOf(client, uri, 'dockerfile/copy-ignored-file');
});

test("workspace folders added and removed bring a Service's workload into the workspace and take it out", async (t) => {
  const folder = tempFolder({ 'api.yaml': deployment('api') });
  const other = tempFolder({ 'web.yaml': deployment('web') });
  const client = await startServer(t, { workspaceFolder: folder });
  const uri = await client.open('service.yaml', 'yaml', SERVICE);
  await findingOf(client, uri, 'k8s/dangling-service');

  await client.changeWorkspaceFolders([other], []);
  await findingOf(client, uri, 'k8s/dangling-service', false);
  await client.changeWorkspaceFolders([], [other]);
  await findingOf(client, uri, 'k8s/dangling-service');
  // Files of a removed folder no longer count, whatever happens to them on disk.
  writeFileSync(join(other, 'web.yaml'), deployment('web'));
  await client.changeWatchedFiles([{ uri: fileUri(join(other, 'web.yaml')), type: FileChangeType.Changed }]);
  await client.documentSymbols(uri);
  await findingOf(client, uri, 'k8s/dangling-service');
});
