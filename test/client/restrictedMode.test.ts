// In Restricted Mode every scaffolding command refuses before it asks or writes anything, and says how to trust the
// workspace; trusted, the same call goes on to ask and write (so the refusal is the trust check, not something else).
// The commands run against a stand-in `vscode` module (test/client/vscodeStub.ts); e2e runs have workspace trust off.
// First: the client modules below require('vscode') as they load.
import './vscodeStub';
import assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import { beforeEach, test } from 'node:test';
import { URI } from 'vscode-uri';
import { type EditorCommand, runScaffoldCommand } from '../../client/src/scaffold/scaffoldCommand';
import { ProposedDocuments } from '../../client/src/scaffold/proposedDocuments';
import { tempFolder } from '../helpers/cli';
import { asked, shown, vscodeStub } from './vscodeStub';

const COMMANDS: readonly EditorCommand[] = ['dockerfile', 'compose', 'kubernetes', 'ci', 'deployment-target', 'cloud-run', 'ecs', 'render', 'railway'];

beforeEach(() => {
  asked.length = 0;
  shown.length = 0;
});

function project(): string {
  const folder = tempFolder({ 'go.mod': 'module example.com/svc\n', 'main.go': 'package main\n' });
  vscodeStub.workspace.workspaceFolders = [{ uri: URI.file(folder), name: 'svc', index: 0 }];
  return folder;
}

test('in Restricted Mode each scaffolding command asks nothing, writes nothing, and says how to trust the workspace', async () => {
  vscodeStub.workspace.isTrusted = false;
  const folder = project();
  for (const command of COMMANDS) {
    shown.length = 0;
    const outcome = await runScaffoldCommand(
      command,
      { folder, port: 8080, entry: '.', services: [], ingress: false, kustomize: false },
      new ProposedDocuments(),
    );
    assert.equal(outcome, undefined, command);
    assert.deepEqual(shown, [
      {
        kind: 'error',
        message:
          'Container Standards adds files only in a trusted workspace: this one is in Restricted Mode, so nothing was written. Trust it (Manage Workspace Trust) and run the command again.',
      },
    ]);
  }
  assert.deepEqual(asked, []);
  assert.deepEqual(readdirSync(folder).sort(), ['go.mod', 'main.go']);
});

test('trusted, the same call writes the files, and a command that lacks an answer asks for it', async () => {
  vscodeStub.workspace.isTrusted = true;
  const folder = project();
  const outcome = await runScaffoldCommand('dockerfile', { folder, port: 8080, entry: '.' }, new ProposedDocuments());
  assert.deepEqual(outcome?.created, ['Dockerfile', '.dockerignore']);
  assert.deepEqual(readdirSync(folder).sort(), ['.dockerignore', 'Dockerfile', 'go.mod', 'main.go']);
  assert.equal(await runScaffoldCommand('deployment-target', { folder, port: 8080, entry: '.' }, new ProposedDocuments()), undefined);
  assert.match(asked.join('\n'), /Deployment target/);
});
