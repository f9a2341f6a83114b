// Issue 13's editor defects, in the real editor: file-creating fixes on save and when applied, and the preferred fix
// on the final FROM.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { lineOf, only, openFixture, ours, quickFixes, replaceOnce, ruleId, waitFor, waitForRules } from './helpers';
import type { Scenario } from './runner';

const MISSING_DOCKERIGNORE = 'dockerfile/missing-dockerignore';
const CREATE_TITLE = 'Create a .dockerignore for this build context';
const FIX_ALL_KIND = 'source.fixAll.container-standards';

/** A Dockerfile that copies its whole context (no .dockerignore beside it) and runs its CMD in shell form. */
const WHOLE_CONTEXT = ['FROM node:22-slim', 'WORKDIR /app', 'COPY . .', 'RUN npm ci', 'EXPOSE 3000', 'USER node', 'CMD npm start', ''].join('\n');

async function onDisk(uri: vscode.Uri): Promise<string | undefined> {
  return vscode.workspace.fs.readFile(uri).then(
    (bytes) => new TextDecoder().decode(bytes),
    () => undefined,
  );
}

/** The quick fixes for a range, as Ctrl+. asks for them with the cursor or a selection there. */
async function quickFixesAt(uri: vscode.Uri, range: vscode.Range): Promise<vscode.CodeAction[]> {
  const actions = await vscode.commands.executeCommand<(vscode.CodeAction | vscode.Command)[]>(
    'vscode.executeCodeActionProvider',
    uri,
    range,
    vscode.CodeActionKind.QuickFix.value,
  );
  return (actions ?? []).filter((action): action is vscode.CodeAction => typeof action.command !== 'string');
}

async function updateCodeActionsOnSave(value: Record<string, string> | undefined): Promise<void> {
  await vscode.workspace.getConfiguration('editor').update('codeActionsOnSave', value, vscode.ConfigurationTarget.Workspace);
}

export const fixScenarios: Scenario[] = [
  {
    name: 'fix-all on save (editor.codeActionsOnSave) fixes the Dockerfile and creates no .dockerignore: no empty file, no unsaved tab, the finding stays',
    async run() {
      const document = await openFixture('fix-all-on-save/Dockerfile', WHOLE_CONTEXT);
      const dockerignore = vscode.Uri.joinPath(document.uri, '..', '.dockerignore');
      await waitForRules(document.uri, [MISSING_DOCKERIGNORE, 'dockerfile/shell-form-cmd']);
      try {
        await updateCodeActionsOnSave({ [FIX_ALL_KIND]: 'explicit' });
        const editor = await vscode.window.showTextDocument(document, { preview: false });
        assert.equal(await editor.edit((builder) => builder.insert(new vscode.Position(0, 0), '# saved with fix-all\n')), true);
        await vscode.commands.executeCommand('workbench.action.files.save');
        await waitFor(
          () => `the save to apply fix-all (CMD in exec form); the text now:\n${document.getText()}`,
          () => !document.isDirty && document.getText().includes('CMD ["npm", "start"]'),
        );
      } finally {
        await updateCodeActionsOnSave(undefined);
      }
      assert.equal(await onDisk(dockerignore), undefined, 'fix-all on save wrote a .dockerignore');
      const tabs = vscode.workspace.textDocuments.filter((candidate) => candidate.uri.toString() === dockerignore.toString());
      assert.deepEqual(
        tabs.map((tab) => tab.getText()),
        [],
        'fix-all on save opened a .dockerignore',
      );
      await waitForRules(document.uri, [MISSING_DOCKERIGNORE], ['dockerfile/shell-form-cmd']);
    },
  },
  {
    name: `quick fix: "${CREATE_TITLE}" writes the file with its content on disk (nothing unsaved), and only then the finding clears`,
    async run() {
      const document = await openFixture('create-dockerignore/Dockerfile', WHOLE_CONTEXT);
      const dockerignore = vscode.Uri.joinPath(document.uri, '..', '.dockerignore');
      const diagnostics = await waitForRules(document.uri, [MISSING_DOCKERIGNORE]);
      const create = (await quickFixes(document.uri, only(diagnostics, MISSING_DOCKERIGNORE))).find((action) => action.title === CREATE_TITLE);
      assert.ok(create?.command, `"${CREATE_TITLE}" is offered as a command: ${JSON.stringify(create)}`);
      assert.equal(create.edit, undefined, 'an edit would leave the content in an unsaved tab');
      assert.equal(await onDisk(dockerignore), undefined);
      assert.ok(
        ours(document.uri).some((diagnostic) => ruleId(diagnostic) === MISSING_DOCKERIGNORE),
        'the finding stays while there is no file',
      );
      await vscode.commands.executeCommand(create.command.command, ...(create.command.arguments ?? []));
      const written = await onDisk(dockerignore);
      assert.match(written ?? '', /^\.git$/m, `the .dockerignore on disk: ${JSON.stringify(written)}`);
      const opened = await waitFor(
        () => 'the created .dockerignore shown for review',
        () => vscode.workspace.textDocuments.find((candidate) => candidate.uri.toString() === dockerignore.toString()),
      );
      assert.equal(opened.isDirty, false, 'the created .dockerignore has unsaved changes');
      assert.equal(opened.getText(), written);
      await waitForRules(document.uri, [], [MISSING_DOCKERIGNORE]);
      // Offered no more: the file is there.
      const copy = lineOf(document, 'COPY . .');
      const offered = await quickFixesAt(document.uri, document.lineAt(copy).range);
      assert.ok(!offered.some((action) => action.title === CREATE_TITLE), JSON.stringify(offered.map((action) => action.title)));
    },
  },
  {
    name: 'preferred fix on the final FROM: no-user (a warning) on the image, missing-healthcheck (info) on FROM; Ctrl+. preselects "Add USER 1000"',
    async run() {
      const text = replaceOnce(WHOLE_CONTEXT, 'USER node\n', '');
      const document = await openFixture('preferred/Dockerfile', text);
      const diagnostics = await waitForRules(document.uri, ['dockerfile/no-user', 'dockerfile/missing-healthcheck']);
      const from = lineOf(document, 'FROM node:22-slim');
      assert.equal(document.getText(only(diagnostics, 'dockerfile/no-user').range), 'node:22-slim');
      assert.equal(document.getText(only(diagnostics, 'dockerfile/missing-healthcheck').range), 'FROM');
      const actionsAt = (range: vscode.Range) => quickFixesAt(document.uri, range);
      const preferredTitles = (actions: vscode.CodeAction[]) => actions.filter((action) => action.isPreferred).map((action) => action.title);
      // The whole line: both findings, one preferred fix, no-user's.
      const line = await actionsAt(document.lineAt(from).range);
      assert.deepEqual(preferredTitles(line), ["Add USER 1000 (the image's user node)"]);
      assert.ok(
        line.some((action) => action.title.startsWith('Add a HEALTHCHECK')),
        JSON.stringify(line.map((action) => action.title)),
      );
      // The cursor in the image name: no-user's fix alone, preferred.
      assert.deepEqual(preferredTitles(await actionsAt(new vscode.Range(from, 7, from, 7))), ["Add USER 1000 (the image's user node)"]);
    },
  },
  {
    name: 'settings: containerStandards.enable {"dockerfile": false} clears the Dockerfile\'s findings and leaves the Compose file\'s; unset, they return',
    async run() {
      const dockerfile = await openFixture('enable/Dockerfile', WHOLE_CONTEXT);
      const compose = await openFixture('enable/docker-compose.yml', 'version: "3.8"\nservices:\n  web:\n    build: .\n');
      await waitForRules(dockerfile.uri, ['dockerfile/shell-form-cmd']);
      await waitForRules(compose.uri, ['compose/obsolete-version']);
      const configuration = vscode.workspace.getConfiguration('containerStandards');
      try {
        await configuration.update('enable', { dockerfile: false }, vscode.ConfigurationTarget.Workspace);
        await waitFor(
          () => `no findings in the Dockerfile; now: ${ours(dockerfile.uri).map(ruleId).join(', ')}`,
          () => ours(dockerfile.uri).length === 0,
        );
        await waitForRules(compose.uri, ['compose/obsolete-version']);
      } finally {
        await configuration.update('enable', undefined, vscode.ConfigurationTarget.Workspace);
      }
      await waitForRules(dockerfile.uri, ['dockerfile/shell-form-cmd']);
    },
  },
];
