// In-editor scenarios of the editor's face: offline rule documentation, Create Config File, the walkthrough and
// tracing. What the workbench alone shows (status bar, quick picks, preview tabs) is driven from test/vscode/e2e.mjs.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { EXTENSION_ID, openFixture, ours, ruleId, waitFor } from './helpers';
import type { Scenario } from './runner';

const CONFIG_FILE = '.container-standards.yaml';

function ruleDocsDocument(id: string): vscode.TextDocument | undefined {
  return vscode.workspace.textDocuments.find((document) => document.uri.scheme === 'container-standards-rule' && document.uri.path === `/${id}.md`);
}

/** The Markdown preview's tab of a document (a webview labelled "Preview <file name>"). */
function previewTab(fileName: string): vscode.Tab | undefined {
  return vscode.window.tabGroups.all.flatMap((group) => group.tabs).find((tab) => tab.input instanceof vscode.TabInputWebview && tab.label.includes(fileName));
}

export const uxScenarios: Scenario[] = [
  {
    name: "rule docs: a diagnostic's link is a command that opens the rule's bundled documentation in the Markdown preview (offline)",
    async run() {
      const document = await openFixture('docs/Dockerfile', 'FROM node:latest\n');
      const diagnostic = await waitFor(
        () => 'dockerfile/latest-tag on the fixture',
        () => ours(document.uri).find((candidate) => ruleId(candidate) === 'dockerfile/latest-tag'),
      );
      const code = diagnostic.code;
      assert.ok(typeof code === 'object' && code.target instanceof vscode.Uri, `the diagnostic has no link: ${JSON.stringify(code)}`);
      assert.equal(code.target.scheme, 'command', `the link goes to ${code.target.toString()}`);
      // What the Problems panel and the hover do with the link: run the command with the arguments of its query.
      const args = JSON.parse(code.target.query) as unknown[];
      await vscode.commands.executeCommand(code.target.path, ...args);
      const docs = await waitFor(
        () =>
          `the documentation of dockerfile/latest-tag among the open documents: ${vscode.workspace.textDocuments.map((open) => open.uri.toString()).join(', ')}`,
        () => ruleDocsDocument('dockerfile/latest-tag'),
      );
      assert.ok(docs.getText().startsWith('# dockerfile/latest-tag\n'), docs.getText().slice(0, 200));
      assert.ok(docs.getText().includes('- Default severity: '), docs.getText());
      await waitFor(
        () => `the Markdown preview of latest-tag.md; tabs: ${vscode.window.tabGroups.all.flatMap((group) => group.tabs.map((tab) => tab.label)).join(', ')}`,
        () => previewTab('latest-tag.md'),
      );
    },
  },
  {
    name: 'command: "Create Config File" writes .container-standards.yaml with the bundled schema reference, a second run opens it without overwriting',
    async run() {
      const folder = vscode.workspace.workspaceFolders?.[0];
      assert.ok(folder);
      const config = vscode.Uri.joinPath(folder.uri, CONFIG_FILE);
      await vscode.workspace.fs.delete(config).then(undefined, () => undefined);
      try {
        await vscode.commands.executeCommand('containerStandards.createConfigFile');
        const written = new TextDecoder().decode(await vscode.workspace.fs.readFile(config));
        const schema = /^# yaml-language-server: \$schema=(\S+)\n/.exec(written)?.[1];
        assert.ok(schema, written.slice(0, 300));
        await vscode.workspace.fs.stat(vscode.Uri.parse(schema));
        assert.ok(written.includes('# rules:') && written.includes('#   files:') && written.includes('# trustedRegistries:'), written);
        assert.equal(vscode.window.activeTextEditor?.document.uri.toString(), config.toString());

        const edited = `${written}rules: {}\n`;
        await vscode.workspace.fs.writeFile(config, new TextEncoder().encode(edited));
        await vscode.commands.executeCommand('workbench.action.closeAllEditors');
        await vscode.commands.executeCommand('containerStandards.createConfigFile');
        assert.equal(new TextDecoder().decode(await vscode.workspace.fs.readFile(config)), edited, 'the second run overwrote the file');
        assert.equal(vscode.window.activeTextEditor?.document.uri.toString(), config.toString(), 'the existing file is not opened');
      } finally {
        await vscode.commands.executeCommand('workbench.action.closeAllEditors');
        await vscode.workspace.fs.delete(config).then(undefined, () => undefined);
      }
    },
  },
  {
    // Opening it is checked in the workbench (e2e.mjs), where its page can be seen.
    name: 'walkthrough: contributed with its five steps, each with its Markdown page in the package',
    async run() {
      const walkthroughs = vscode.extensions.getExtension(EXTENSION_ID)?.packageJSON.contributes?.walkthroughs as {
        id: string;
        steps: { media: { markdown?: string } }[];
      }[];
      const walkthrough = walkthroughs?.find((candidate) => candidate.id === 'gettingStarted');
      assert.ok(walkthrough && walkthrough.steps.length >= 5, JSON.stringify(walkthroughs));
      const extension = vscode.extensions.getExtension(EXTENSION_ID);
      assert.ok(extension);
      for (const step of walkthrough.steps) {
        assert.ok(step.media.markdown, 'a step without its Markdown page');
        await vscode.workspace.fs.stat(vscode.Uri.joinPath(extension.extensionUri, step.media.markdown));
      }
      const commands = await vscode.commands.getCommands(true);
      assert.ok(commands.includes('containerStandards.openWalkthrough'), 'the Get Started command is not registered');
    },
  },
  {
    // The harness (e2e.mjs) then reads the extension's output channel log for the traced hover.
    name: 'tracing: containerStandards.trace.server "messages" traces a hover request (checked in the output channel by the harness)',
    async run() {
      const settings = vscode.workspace.getConfiguration('containerStandards');
      await settings.update('trace.server', 'messages', vscode.ConfigurationTarget.Workspace);
      try {
        const document = await openFixture('trace/Dockerfile', 'FROM node:latest\n');
        await waitFor(
          () => 'dockerfile/latest-tag on the fixture',
          () => ours(document.uri).length > 0,
        );
        const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', document.uri, new vscode.Position(0, 12));
        assert.ok(hovers.length > 0);
      } finally {
        await settings.update('trace.server', undefined, vscode.ConfigurationTarget.Workspace);
      }
    },
  },
];
