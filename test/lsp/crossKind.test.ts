import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { pathToFileURL } from 'node:url';
import { type Diagnostic, DiagnosticSeverity, FileChangeType } from 'vscode-languageserver-protocol/node';
import { tempFolder } from '../helpers/cli';
import { API_IMAGE, pod, skaffold } from '../helpers/crossKind';
import { startServer } from './lspClient';
import { codes, essentials, expected, onLine } from './samples';

const NON_ROOT_DOCKERFILE = 'FROM node:22-slim\nCOPY . .\nUSER 10001\nCMD ["node", "server.js"]\n';
const MANIFEST = pod(`${API_IMAGE}:1.4.0`);
const IMAGE_RANGE = onLine(7, 13, 48);
/** The per-container rules report on these bare pods too; these tests follow only what links them to the Dockerfile. */
const CROSS_KIND = new Set(['k8s/image-runs-as-root', 'k8s/run-as-non-root-named-user', 'k8s/container-port-not-exposed']);
const crossKind = (diagnostics: readonly Diagnostic[]) => diagnostics.filter((diagnostic) => CROSS_KIND.has(String(diagnostic.code)));

test("editing the Dockerfile's USER makes the manifest's cross-kind finding appear and disappear", async (t) => {
  const folder = tempFolder({ 'skaffold.yaml': skaffold(), 'api/Dockerfile': NON_ROOT_DOCKERFILE, 'k8s/api.yaml': MANIFEST });
  const client = await startServer(t, { workspaceFolder: folder });
  const manifestUri = await client.open('k8s/api.yaml', 'yaml', MANIFEST);
  assert.deepEqual(codes(crossKind(await client.published(manifestUri))), []);

  const dockerfileUri = await client.open('api/Dockerfile', 'dockerfile', NON_ROOT_DOCKERFILE);
  await client.change(dockerfileUri, NON_ROOT_DOCKERFILE.replace('USER 10001', 'USER root'));
  const rooted = await client.published(manifestUri, (diagnostics) => codes(diagnostics).includes('k8s/image-runs-as-root'));
  assert.deepEqual(crossKind(rooted).map(essentials), [expected('k8s/image-runs-as-root', IMAGE_RANGE)]);
  assert.match(
    String(crossKind(rooted)[0]!.message),
    /\.\.\/api\/Dockerfile, which builds its image \(per \.\.\/skaffold\.yaml\), ends with USER root \(line 3\)/,
  );

  await client.change(dockerfileUri, NON_ROOT_DOCKERFILE);
  await client.published(manifestUri, (diagnostics) => crossKind(diagnostics).length === 0);
});

test('a skaffold.yaml changed on disk re-links the image: runAsNonRoot with a named USER fails, then the artifact is renamed', async (t) => {
  const manifest = pod(API_IMAGE, { podSecurity: 'runAsNonRoot: true' });
  const folder = tempFolder({ 'skaffold.yaml': skaffold(), 'api/Dockerfile': 'FROM node:22-slim\nUSER node\n', 'k8s/api.yaml': manifest });
  const client = await startServer(t, { workspaceFolder: folder });
  const manifestUri = await client.open('k8s/api.yaml', 'yaml', manifest);
  const named = await client.published(manifestUri, (diagnostics) => codes(diagnostics).includes('k8s/run-as-non-root-named-user'));
  assert.deepEqual(crossKind(named).map(essentials), [expected('k8s/run-as-non-root-named-user', onLine(9, 13, 42), DiagnosticSeverity.Error)]);
  assert.match(String(crossKind(named)[0]!.message), /CreateContainerConfigError/);

  const skaffoldPath = join(folder, 'skaffold.yaml');
  writeFileSync(skaffoldPath, skaffold().replace(API_IMAGE, `${API_IMAGE}-v2`));
  await client.changeWatchedFiles([{ uri: pathToFileURL(skaffoldPath).href, type: FileChangeType.Changed }]);
  await client.published(manifestUri, (diagnostics) => !codes(diagnostics).includes('k8s/run-as-non-root-named-user'));
});
