// The workspace's tables under a deadline (TableDeferral): a check that must answer fast gets "not ready" instead of
// an answer from half the files, keeps the work done, and the tables finish in slices.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { Linter } from '../../server/src/engine/linter';
import { rules } from '../../server/src/rules';
import { kubernetesIndexOf } from '../../server/src/workspace/kubernetesIndex';
import { FEW_PENDING_FILES, WorkspaceNotReady } from '../../server/src/workspace/tableDeferral';
import { Workspace } from '../../server/src/workspace/workspace';

const ROOT = 'file:///p/';

function workspaceOf(files: Readonly<Record<string, string>>): Workspace {
  const texts = new Map(Object.entries(files).map(([path, text]) => [ROOT + path, text]));
  const workspace = new Workspace({ readFile: (uri) => texts.get(uri) });
  for (const uri of texts.keys()) workspace.index(uri);
  return workspace;
}

/** `count` service folders, each a compose file that builds its Dockerfile from a context folder of its own. */
function services(count: number): Record<string, string> {
  const files: Record<string, string> = {};
  for (let index = 0; index < count; index++) {
    files[`s${index}/compose.yaml`] = `services:\n  web:\n    build:\n      context: ./ctx\n      dockerfile: ../Dockerfile\n`;
    files[`s${index}/Dockerfile`] = 'FROM node:22-alpine\nCOPY . .\nUSER node\nCMD ["node", "server.js"]\n';
  }
  return files;
}

/** Builds every table in slices of `sliceMs`; the number of slices it took. */
function buildInSlices(workspace: Workspace, sliceMs: number): number {
  let slices = 1;
  while (!workspace.deferral.buildSlice(performance.now() + sliceMs)) slices++;
  return slices;
}

test('answering fast, a cold table of many files is not ready; outside, it answers; once built, it answers fast too', () => {
  const workspace = workspaceOf(services(FEW_PENDING_FILES));
  const dockerfile = `${ROOT}s0/Dockerfile`;
  assert.throws(() => workspace.deferral.answerFast(0, () => workspace.composeBuildContextOf(dockerfile)), WorkspaceNotReady);
  assert.equal(workspace.deferral.hasPendingFiles(), true);
  assert.equal(workspace.composeBuildContextOf(dockerfile), `${ROOT}s0/ctx`);
  assert.equal(workspace.deferral.hasPendingFiles(), false);
  assert.equal(
    workspace.deferral.answerFast(0, () => workspace.composeBuildContextOf(dockerfile)),
    `${ROOT}s0/ctx`,
  );
});

test('a few files to work out are worked out however little time there is: an edit is never deferred', () => {
  const workspace = workspaceOf(services(10));
  const dockerfile = `${ROOT}s3/Dockerfile`;
  assert.equal(
    workspace.deferral.answerFast(0, () => workspace.composeBuildContextOf(dockerfile)),
    `${ROOT}s3/ctx`,
  );
  workspace.open(`${ROOT}s3/compose.yaml`, 'services:\n  web:\n    build:\n      context: ./other\n      dockerfile: ../Dockerfile\n');
  assert.equal(
    workspace.deferral.answerFast(0, () => workspace.composeBuildContextOf(dockerfile)),
    `${ROOT}s3/other`,
  );
});

test('the tables are built in slices that keep what they did (each works out one file at least), and answer fast afterwards', () => {
  const workspace = workspaceOf(services(400));
  const dockerfile = `${ROOT}s399/Dockerfile`;
  assert.throws(() => workspace.deferral.answerFast(0, () => workspace.composeBuildContextOf(dockerfile)), WorkspaceNotReady);
  // Slices of no time at all still work out a file each: the building ends.
  assert.ok(buildInSlices(workspace, 0) > 1);
  assert.equal(workspace.deferral.hasPendingFiles(), false);
  assert.equal(
    workspace.deferral.answerFast(0, () => workspace.composeBuildContextOf(dockerfile)),
    `${ROOT}s399/ctx`,
  );
});

test('files changed by the hundred after the tables were built (a branch switched) make them not ready again, until built', () => {
  const workspace = workspaceOf(services(200));
  const dockerfile = `${ROOT}s0/Dockerfile`;
  workspace.composeBuildContextOf(dockerfile);
  for (let index = 0; index < 200; index++) workspace.changedOnDisk(`${ROOT}s${index}/compose.yaml`);
  assert.throws(() => workspace.deferral.answerFast(0, () => workspace.composeBuildContextOf(dockerfile)), WorkspaceNotReady);
  buildInSlices(workspace, 5);
  assert.equal(
    workspace.deferral.answerFast(0, () => workspace.composeBuildContextOf(dockerfile)),
    `${ROOT}s0/ctx`,
  );
});

test('a result that read a table too far behind to tell does not hold', () => {
  const workspace = workspaceOf(services(200));
  const { reads } = workspace.recordReads(() => workspace.composeBuildContextOf(`${ROOT}s0/Dockerfile`));
  assert.equal(workspace.unchangedSince(reads), true);
  for (let index = 0; index < 200; index++) workspace.changedOnDisk(`${ROOT}s${index}/compose.yaml`);
  assert.equal(
    workspace.deferral.answerFast(0, () => workspace.unchangedSince(reads)),
    false,
  );
  assert.equal(workspace.unchangedSince(reads), true);
});

test('the Kubernetes index is not ready in the same way: no "not found" from part of the files', () => {
  const files: Record<string, string> = {};
  for (let index = 0; index < 100; index++) files[`k8s/cm${index}.yaml`] = `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: settings-${index}\n`;
  const workspace = workspaceOf(files);
  const index = kubernetesIndexOf(workspace);
  assert.throws(() => workspace.deferral.answerFast(0, () => index.find('ConfigMap', 'settings-99', undefined)), WorkspaceNotReady);
  buildInSlices(workspace, 0);
  assert.equal(workspace.deferral.answerFast(0, () => index.find('ConfigMap', 'settings-99', undefined))?.name, 'settings-99');
});

test('a lint answering fast leaves out the rules whose tables are not ready, and reports them; then every rule runs', () => {
  const files = services(200);
  files['k8s/deployment.yaml'] = [
    'apiVersion: apps/v1',
    'kind: Deployment',
    'metadata:',
    '  name: web',
    'spec:',
    '  selector:',
    '    matchLabels: { app: web }',
    '  template:',
    '    metadata:',
    '      labels: { app: web }',
    '    spec:',
    '      containers:',
    '        - name: web',
    '          image: web:1.0.0',
    '          envFrom:',
    '            - configMapRef: { name: settings }',
    '',
  ].join('\n');
  const complete = new Linter(workspaceOf(files), rules);
  const workspace = workspaceOf(files);
  const linter = new Linter(workspace, rules);
  for (const path of ['s0/Dockerfile', 'k8s/deployment.yaml']) {
    const uri = ROOT + path;
    const partial = workspace.deferral.answerFast(0, () => linter.lint(uri))!;
    assert.ok(partial.deferredRules.length > 0, path);
    const expected = complete.lint(uri)!;
    assert.deepEqual(expected.deferredRules, []);
    const kept = expected.findings.filter((finding) => !partial.deferredRules.includes(finding.ruleId));
    assert.deepEqual(
      partial.findings.map((finding) => `${finding.ruleId} ${finding.message}`),
      kept.map((finding) => `${finding.ruleId} ${finding.message}`),
      path,
    );
    // The cross-file findings are those left out: a ConfigMap nobody defines, a context without .dockerignore.
    assert.ok(expected.findings.length > partial.findings.length, path);
    buildInSlices(workspace, 5);
    const built = workspace.deferral.answerFast(0, () => linter.lint(uri))!;
    assert.deepEqual(built.deferredRules, [], path);
    assert.deepEqual(
      built.findings.map((finding) => `${finding.ruleId} ${finding.message}`),
      expected.findings.map((finding) => `${finding.ruleId} ${finding.message}`),
      path,
    );
  }
});
