// A workspace of a few thousand container files must not delay the first diagnostics of the documents an editor
// opens at start-up: they come at once without the rules that need the workspace's tables (built in the background),
// and then complete, equal to what the CLI reports for the same files.
import assert from 'node:assert/strict';
import { performance } from 'node:perf_hooks';
import { join } from 'node:path';
import { test } from 'node:test';
import { pathToFileURL } from 'node:url';
import type { Diagnostic, Range } from 'vscode-languageserver-protocol/node';
import { discoverTargets } from '../../server/src/cli/discover';
import { workspaceOfTargets } from '../../server/src/cli/lintCommand';
import { Linter } from '../../server/src/engine/linter';
import { rules } from '../../server/src/rules';
import { tempFolder } from '../helpers/cli';
import { type LspClient, startServer } from './lspClient';

/** Service folders, three files each: a Dockerfile, the compose file that builds it, the manifest that runs it. */
const SERVICES = 700;
/** Generous for a loaded 2-core machine: the walk of the folder and one check of the file, not the tables (seconds). */
const FIRST_DIAGNOSTICS_MS = 1500;
/** The tables of 2,100 files built in the background, then the documents checked again. */
const COMPLETE_WITHIN_MS = 60_000;

const DOCKERFILE = 'FROM node:22-alpine\nWORKDIR /app\nCOPY . .\nUSER node\nCMD ["node", "server.js"]\n';
const compose = (index: number) => `services:\n  web:\n    build: .\n    image: registry.example.com/web-${index}:1.0.0\n`;
const manifest = (index: number) =>
  [
    'apiVersion: apps/v1',
    'kind: Deployment',
    'metadata:',
    `  name: web-${index}`,
    'spec:',
    '  selector:',
    `    matchLabels: { app: web-${index} }`,
    '  template:',
    '    metadata:',
    `      labels: { app: web-${index} }`,
    '    spec:',
    '      containers:',
    '        - name: web',
    `          image: registry.example.com/web-${index}:1.0.0`,
    '          envFrom:',
    '            - configMapRef: { name: settings }',
    '',
  ].join('\n');

const OPENED = [
  { path: 'service-0/Dockerfile', languageId: 'dockerfile', text: DOCKERFILE, crossFile: 'dockerfile/missing-dockerignore' },
  { path: 'service-0/compose.yaml', languageId: 'dockercompose', text: compose(0), crossFile: undefined },
  { path: 'service-0/k8s/deployment.yaml', languageId: 'yaml', text: manifest(0), crossFile: 'k8s/dangling-reference' },
] as const;

/** A published diagnostic or a CLI finding, as one line. */
function line(code: unknown, { start, end }: Range, message: Diagnostic['message']): string {
  return `${String(code)} ${start.line}:${start.character}-${end.line}:${end.character} ${typeof message === 'string' ? message : message.value}`;
}

function summary(diagnostics: readonly Diagnostic[]): string[] {
  return diagnostics.map(({ code, range, message }) => line(code, range, message));
}

/** The workspace of the tests and, from a cold CLI run over its files, the findings of each opened document. */
function generatedWorkspace(): { folder: string; expected: string[][] } {
  if (generated) return generated;
  const files: Record<string, string> = {};
  for (let index = 0; index < SERVICES; index++) {
    files[`service-${index}/Dockerfile`] = DOCKERFILE;
    files[`service-${index}/compose.yaml`] = compose(index);
    files[`service-${index}/k8s/deployment.yaml`] = manifest(index);
  }
  // A ConfigMap somewhere: a workspace that defines some makes one that nobody defines a finding.
  files['shared/configmap.yaml'] = 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: shared\ndata:\n  MODE: production\n';
  const folder = tempFolder(files);
  const cli = new Linter(workspaceOfTargets(discoverTargets([folder], folder)), rules);
  const expected = OPENED.map(({ path }) =>
    cli.lint(pathToFileURL(join(folder, path)).href)!.findings.map(({ ruleId, range, message }) => line(ruleId, range, message)),
  );
  for (const [index, { crossFile }] of OPENED.entries())
    if (crossFile)
      assert.ok(
        expected[index]!.some((line) => line.startsWith(`${crossFile} `)),
        crossFile,
      );
  generated = { folder, expected };
  return generated;
}

let generated: { folder: string; expected: string[][] } | undefined;
// Made when the file loads: made inside a test or a hook, its folder would go when that ends (tempFolder's `after`).
generatedWorkspace();

test('with 2,100 files in the workspace, the opened documents get diagnostics at once, then complete ones equal to the CLI', async (t) => {
  const { folder, expected } = generatedWorkspace();
  const client = await startServer(t, { workspaceFolder: folder });
  const uris: string[] = [];
  const openedAt: number[] = [];
  for (const { path, languageId, text } of OPENED) {
    openedAt.push(performance.now());
    uris.push(await client.open(path, languageId, text));
  }
  for (const [index, uri] of uris.entries()) {
    await client.published(uri);
    const delay = performance.now() - openedAt[index]!;
    assert.ok(delay < FIRST_DIAGNOSTICS_MS, `first diagnostics of ${OPENED[index]!.path} after ${Math.round(delay)} ms`);
  }

  // While the tables are built, requests are answered between the slices.
  const latencies: number[] = [];
  const complete = Promise.all(
    uris.map((uri, index) => client.published(uri, (diagnostics) => summary(diagnostics).join('\n') === expected[index]!.join('\n'), COMPLETE_WITHIN_MS)),
  );
  let done = false;
  void complete.finally(() => (done = true));
  while (!done) {
    const asked = performance.now();
    await client.documentSymbols(uris[0]!);
    latencies.push(performance.now() - asked);
    await new Promise((wait) => setTimeout(wait, 50));
  }
  await complete;
  assert.ok(latencies.length >= 2, `${latencies.length} requests while the tables were built`);
  assert.ok(Math.max(...latencies) < 1000, `requests answered within ${Math.round(Math.max(...latencies))} ms while the tables were built`);

  // The first diagnostics came before the tables: without the cross-file findings, which the complete ones have.
  for (const [index, { crossFile }] of OPENED.entries()) {
    const [first] = client.publishedLists(uris[index]!);
    if (crossFile) assert.ok(!summary(first!).some((line) => line.startsWith(`${crossFile} `)), `${crossFile} in the first diagnostics`);
    // Whatever the first diagnostics say is true: the complete ones say it too.
    for (const line of summary(first!)) assert.ok(expected[index]!.includes(line), `${OPENED[index]!.path}: ${line}`);
  }
});

test('a client that pulls gets the diagnostics without the tables at once, then a refresh request, then the complete ones', async (t) => {
  const { folder, expected } = generatedWorkspace();
  const client = await startServer(t, { workspaceFolder: folder, pull: true });
  const { path, languageId, text, crossFile } = OPENED[0];
  const opened = performance.now();
  const uri = await client.open(path, languageId, text);
  const first = summary(await client.pull(uri));
  const delay = performance.now() - opened;
  assert.ok(delay < FIRST_DIAGNOSTICS_MS, `first diagnostics of ${path} after ${Math.round(delay)} ms`);
  assert.ok(!first.some((line) => line.startsWith(`${crossFile} `)), `${crossFile} in the first diagnostics`);
  // Each round of building may find the next table a rule needs (the image builds, then the Kubernetes objects): the
  // client pulls again on each refresh, until the diagnostics are complete.
  const deadline = performance.now() + COMPLETE_WITHIN_MS;
  let refreshes = 0;
  for (let pulled = first; pulled.join('\n') !== expected[0]!.join('\n'); ) {
    while (refreshCount(client) === refreshes) {
      assert.ok(performance.now() < deadline, `diagnostics after ${refreshes} workspace/diagnostic/refresh requests: ${pulled.join('; ')}`);
      await new Promise((wait) => setTimeout(wait, 50));
    }
    refreshes = refreshCount(client);
    pulled = summary(await client.pull(uri));
  }
  assert.ok(refreshes > 0);
});

function refreshCount(client: LspClient): number {
  return client.received.filter((message) => message.method === 'workspace/diagnostic/refresh').length;
}
